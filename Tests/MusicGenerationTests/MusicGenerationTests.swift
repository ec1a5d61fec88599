import Foundation
import MIDI
import MusicEncoding
import MusicGeneration
import SeqGAN
import Testing
import TestSupport

@Suite("Music runs: defaults, corpus mapping, tune summaries")
struct MusicGenerationTests {
    static var folk: URL { TestPaths.repositoryRoot.appendingPathComponent("corpora/folk") }

    @Test("music defaults follow the tokenizer: V and T from the scheme, filters no wider than T")
    func defaultsFollowTheTokenizer() {
        let grid = RunConfig.music(settings: TokenizerSettings(scheme: .grid))
        #expect(grid.generator.vocabularySize == 64)
        #expect(grid.generator.sequenceLength == 64)
        #expect(grid.discriminator.vocabularySize == 64 && grid.discriminator.sequenceLength == 64)
        #expect(grid.schedule.mode == .seqgan)
        #expect(grid.optimizer.policyGradientLearningRate == 1e-3)
        let short = RunConfig.music(settings: TokenizerSettings(scheme: .grid, windowLength: 10))
        #expect(short.discriminator.filterBanks.map(\.window) == [1, 2, 3, 4, 6, 8])
        let paper = RunConfig.music(settings: TokenizerSettings(scheme: .paper))
        #expect(paper.generator.vocabularySize == 89 && paper.generator.sequenceLength == 32)
        #expect(paper.generator.hiddenSize == 32)
        #expect(paper.discriminator.filterBanks == grid.discriminator.filterBanks.filter { $0.window <= 32 })
        #expect(paper.discriminator.filterBanks.map(\.count).reduce(0, +) == 320)
        // Whole tunes: windows of up to 8 tokens, whatever the row length.
        let tunes = RunConfig.music(settings: TokenizerSettings(scheme: .tune))
        #expect(tunes.discriminator.filterBanks.map(\.window) == RunConfig.tuneDiscriminatorWindows)
        #expect(tunes.discriminator.filterBanks.allSatisfy { $0.window <= 8 && $0.count == 32 })
        #expect(tunes.optimizer.policyGradientLearningRate == 1e-3)
        // The rounds train the policy whole tunes are sampled at, with two teacher-forced steps
        // each; the window schemes keep the paper's policy at 1 and no such steps.
        #expect(tunes.rewards.temperature == 0.7 && tunes.schedule.mleSteps == 2)
        #expect(grid.rewards.temperature == 1 && grid.schedule.mleSteps == 0)
    }

    @Test("a run on the folk tunes splits by tune and fits batch and D evaluation to the corpus")
    func runFitsTheCorpus() throws {
        let settings = TokenizerSettings(scheme: .grid)
        var config = RunConfig.music(settings: settings)
        config.optimizer.batchSize = 10_000
        let run = try MusicRun(
            sources: .init(inputs: [Self.folk.path], splitSeed: 3), settings: settings, config: config,
            directory: try TestPaths.makeTemporaryDirectory("music-run"))
        let corpus = run.corpus
        #expect(corpus.allTunes.count == 27)
        #expect(corpus.test.count == 3 && corpus.validation.count == 3)
        #expect(Set(corpus.train.map(\.name)).isDisjoint(with: corpus.test.map(\.name)))
        let trainWindows = corpus.sequences(.train).count
        #expect(run.experiment.config.optimizer.batchSize == trainWindows)
        #expect(run.adjustments.count == 1)
        #expect(run.experiment.config.evaluation.discriminatorSamples == corpus.sequences(.validation).count)
        #expect(run.experiment.train.count == trainWindows * 64)
    }

    @Test("fewer than three readable tunes is an error that counts them")
    func tooFewTunes() throws {
        let folder = try TestPaths.makeTemporaryDirectory("music-few")
        try "X:1\nT:a\nM:4/4\nL:1/4\nK:C\nCDEF|\n".write(
            to: folder.appendingPathComponent("one.abc"), atomically: true, encoding: .utf8)
        try Data("MThd".utf8).write(to: folder.appendingPathComponent("bad.mid"))
        let settings = TokenizerSettings(scheme: .grid)
        let error = #expect(throws: MusicRunError.self) {
            try MusicRun(
                sources: .init(inputs: [folder.path], splitSeed: 1), settings: settings,
                config: .music(settings: settings), directory: folder.appendingPathComponent("run"))
        }
        #expect(error?.description.hasPrefix("found 1 readable tune (1 skipped)") == true)
    }

    @Test("a summary gives bars, duration, key and range of a decoded tune")
    func summary() {
        let tokenizer = MusicTokenizer(settings: TokenizerSettings(scheme: .grid))
        // Two bars of 4/4: C4 and G4 as half notes, then E5 for a whole bar. Grid tokens are in
        // A minor; G minor (two flats) moves them down 2 semitones.
        let c4 = GridScheme.firstNoteOn + 60 - 36
        let g4 = GridScheme.firstNoteOn + 67 - 36
        let e5 = GridScheme.firstNoteOn + 76 - 36
        let hold = GridScheme.hold
        let tokens = [GridScheme.bar, c4] + Array(repeating: hold, count: 7) + [g4] + Array(repeating: hold, count: 7)
            + [GridScheme.bar, e5] + Array(repeating: hold, count: 15)
        let tune = tokenizer.decode(tokens, options: DecodeOptions(beatsPerMinute: 120, sharps: -2, minor: true))
        let summary = TuneSummary(tune)
        #expect(summary.noteCount == 3)
        #expect(abs(summary.bars - 2) < 1e-9)
        #expect(abs(summary.seconds - 4) < 1e-6)
        #expect(summary.key == "Gm")
        #expect(summary.range == 58...74)
        #expect(summary.description == "2 bars (0:04.0), key Gm, range A#3-D5, 3 notes")
        #expect(TuneSummary.keyName(sharps: 1, minor: false) == "G")
        #expect(TuneSummary.noteName(21) == "A0" && TuneSummary.noteName(108) == "C8")
    }
}
