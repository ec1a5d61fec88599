import Foundation
import SeqGAN
import TestSupport
import Testing
import TextEncoding

@testable import TextGeneration

@Suite("Text runs")
struct TextRunTests {
    /// Ten poem-like lines of characters, some outside the Basic Multilingual Plane (𠀋, 𡈽).
    static let poems = (0..<30).map { index in
        let characters = ["山", "水", "𠀋", "月", "風", "花", "𡈽", "雲"]
        return (0..<8).map { characters[($0 * 3 + index) % characters.count] }.joined(
            separator: " ")
    }

    func write(_ lines: [String], named name: String = "poems.txt", in directory: URL) throws -> URL
    {
        let url = directory.appendingPathComponent(name)
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func tinyConfig(vocabularySize: Int, length: Int) -> RunConfig {
        var config = RunConfig.text(vocabularySize: vocabularySize, length: length, tokens: .char)
        config.schedule.epochs = 1
        config.schedule.rounds = 0
        config.evaluation.samples = 16
        config.optimizer.batchSize = 8
        return config
    }

    @Test(
        "a run saves its vocabulary and settings, and a model loaded from it samples decodable text"
    )
    func roundTrip() throws {
        let directory = try TestPaths.makeTemporaryDirectory("text-run")
        let input = try write(Self.poems, in: directory)
        let folder = directory.appendingPathComponent("run")
        let run = try TextRun(
            settings: TextSettings(tokens: .char, inputs: [input.path], splitSeed: 3),
            directory: folder,
            config: tinyConfig)
        #expect(run.settings.length == 9)  // 8 characters and the end token
        #expect(run.vocabulary.count == 3 + 8)
        #expect(run.vocabulary.id(of: "𠀋") != Vocabulary.unknownID)
        #expect(
            run.experiment.config.generator.sequenceEnd == SequenceEnd(endToken: 1, paddingToken: 0)
        )
        for row in 0..<run.train.count { #expect(run.train[row].last == Vocabulary.endID) }
        try run.run(resume: false)

        #expect(try TextRun.savedVocabulary(in: folder) == run.vocabulary)
        #expect(try TextRun.savedSettings(in: folder) == run.settings)
        let model = try TextModel(runDirectory: folder)
        #expect(model.vocabulary == run.vocabulary)
        let samples = model.sample(count: 20, seed: 4)
        #expect(samples == model.sample(count: 20, seed: 4))
        #expect(
            samples.allSatisfy { $0.count <= 9 && !$0.contains("<pad>") && !$0.contains("<end>") })
        #expect(try model.testSequences() == run.corpus.test)
        #expect(try model.negativeLogLikelihood(of: model.testSequences()).isFinite)
    }

    @Test("a line whose tokens are all unknown is an error naming its file and line")
    func onlyUnknownTokens() throws {
        let directory = try TestPaths.makeTemporaryDirectory("text-unknown")
        let input = try write(Self.poems, in: directory)
        let test = try write(["山 水", "鶴 鷺 鷗"], named: "test.txt", in: directory)
        let settings = TextSettings(tokens: .char, inputs: [input.path], test: test.path)
        #expect(throws: TextRunError.onlyUnknownTokens(location: "\(test.path):2", minimumCount: 1))
        {
            _ = try TextRun(
                settings: settings, directory: directory.appendingPathComponent("run"),
                config: tinyConfig)
        }
        let message = TextRunError.onlyUnknownTokens(location: "\(test.path):2", minimumCount: 1)
            .description
        #expect(
            message.hasPrefix("\(test.path):2: every token is unknown") && !message.contains("\n"))
    }

    @Test("too few sequences to split is an error naming the file")
    func tooFew() throws {
        let directory = try TestPaths.makeTemporaryDirectory("text-few")
        let input = try write(["山 水"], in: directory)
        #expect(throws: TextRunError.tooFewSequences(path: input.path, found: 1)) {
            _ = try TextRun(
                settings: TextSettings(tokens: .char, inputs: [input.path]),
                directory: directory.appendingPathComponent("run"), config: tinyConfig)
        }
    }

    @Test("loading a folder that is not a text run names it")
    func notARun() throws {
        let directory = try TestPaths.makeTemporaryDirectory("text-none")
        #expect(throws: TextRunError.notARun(path: directory.path)) {
            _ = try TextModel(runDirectory: directory)
        }
    }

    @Test("self-BLEU scores each sample against the others, never itself")
    func selfBLEUExcludesItself() throws {
        let evaluation = try TextEvaluation(references: [["a", "b", "c"]], order: 2)
        // Sample 1 shares nothing with the others: were it compared with itself it would score 1.
        let scores = try evaluation.scores(of: [
            ["a", "b", "c"], ["x", "y", "z"], ["a", "b", "c"],
        ])
        #expect(scores.selfBLEU[0] == 1 && scores.selfBLEU[2] == 1)
        #expect(scores.selfBLEU[1] < 0.2)
        #expect(scores.bleu[0] == 1 && scores.bleu[1] < 0.2)
        // Recomputed on every call: the same sample scores differently among other samples.
        let again = try evaluation.scores(of: [["a", "b", "c"], ["x", "y", "z"]])
        #expect(again.selfBLEU[0] < 0.2)
    }
}
