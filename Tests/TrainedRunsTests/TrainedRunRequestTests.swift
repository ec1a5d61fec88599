import Foundation
import SeqGAN
import TestSupport
import Testing
import TrainedRuns
import Training

@Suite("generate and evaluate as library requests on a run of any kind")
struct TrainedRunRequestTests {
    /// A one-epoch synthetic run on 256 oracle sequences, in a fresh folder.
    static func syntheticRun(_ label: String) throws -> String {
        let out = try TestPaths.makeTemporaryDirectory(label).appendingPathComponent("run").path
        var request = TrainRequest()
        (request.task, request.out, request.oracleSeed, request.trainSize) = (.synthetic, out, 3, 256)
        (request.overrides.batchSize, request.overrides.evaluationSamples, request.overrides.epochs) = (32, 64, 1)
        try request.prepare().run()
        return out
    }

    @Test("a synthetic run writes token ids, and refuses audio, ABC and a tune length naming the option")
    func generateSynthetic() throws {
        let run = try Self.syntheticRun("generate-synthetic")
        let output = run + "-samples.txt"
        var request = GenerationRequest(count: 5, output: output)
        request.seed = 4
        let outcome = try request.generate(from: run)
        #expect(outcome.note == nil)
        #expect(outcome.lines == ["\(output): 5 sequences of 20 token ids (temperature 1.0, seed 4)"])
        let rows = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n")
        #expect(rows.count == 5 && rows.allSatisfy { $0.split(separator: " ").count == 20 })

        var audio = request
        audio.audio = .piano
        #expect(throws: TrainedRunError.notTunes(option: "--wav", path: run, kind: .synthetic)) {
            try audio.generate(from: run)
        }
        var abc = request
        abc.abc = true
        #expect(throws: TrainedRunError.notTunes(option: "--abc", path: run, kind: .synthetic)) {
            try abc.generate(from: run)
        }
        var length = request
        length.tunes.length = 10
        #expect(throws: TrainedRunError.lengthOfSamples(kind: .synthetic)) { try length.generate(from: run) }
        var bars = request
        bars.tunes.bars = 16
        #expect(throws: TrainedRunError.notTunes(option: "--bars", path: run, kind: .synthetic)) { try bars.generate(from: run) }
    }

    @Test("a synthetic run is scored at each swept temperature, and refuses what only corpus runs take")
    func evaluateSynthetic() throws {
        let run = try Self.syntheticRun("evaluate-synthetic")
        var request = EvaluationRequest()
        (request.samples, request.sweep) = (64, [0.5, 1.5])
        let lines = try request.evaluate(run: run)
        #expect(lines.count == 3, "\(lines)")
        #expect(lines[0].contains("64 samples"), "\(lines)")
        request.metric = .bleu
        #expect(throws: TrainedRunError.oracleScoresSynthetic) { try request.evaluate(run: run) }
    }

    @Test("a path that holds no run is one error naming it")
    func missingRun() throws {
        let missing = try TestPaths.makeTemporaryDirectory("trained-missing").appendingPathComponent("none").path
        #expect(throws: RunKindError.noSuchFolder(path: missing)) { try EvaluationRequest().evaluate(run: missing) }
        #expect(throws: RunKindError.noSuchFolder(path: missing)) {
            try GenerationRequest(output: missing + "-out").generate(from: missing)
        }
    }
}
