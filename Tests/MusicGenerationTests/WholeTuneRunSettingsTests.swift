import Foundation
import MusicEncoding
import MusicGeneration
import SeqGAN
import TestSupport
import Testing

@Suite("Whole-tune runs: rows, settings and a schedule fitted to small folders")
struct WholeTuneRunSettingsTests {
    static func run(epochs: Int? = nil, fits: Bool, window: Int? = nil) throws -> MusicRun {
        let folk = TestPaths.repositoryRoot.appendingPathComponent("corpora/folk")
        let settings = TokenizerSettings(scheme: .tune, windowLength: window)
        var config = RunConfig.music(settings: settings)
        if let epochs { config.schedule.epochs = epochs }
        let directory = try TestPaths.makeTemporaryDirectory("whole-tune-settings").appendingPathComponent("run")
        return try MusicRun(
            sources: .init(inputs: [folk.path], splitSeed: 1), settings: settings, config: config, directory: directory,
            fitsEpochsToCorpus: fits)
    }

    @Test("the defaults: whole tunes end at the end token, the grammar's features, roll-outs at bar lines, batches of similar lengths")
    func defaults() {
        let config = RunConfig.music(settings: TokenizerSettings(scheme: .tune))
        #expect(config.generator.sequenceLength == TokenizerSettings.defaultTuneRowLength)
        #expect(config.generator.sequenceEnd == SequenceEnd(endToken: TuneScheme.end, paddingToken: TuneScheme.padding))
        #expect(config.generator.featureCount == TuneTokenReader.featureCount && config.generator.layers == 2)
        #expect(config.rewards.rolloutPositions == .boundaries && config.optimizer.batches == .similarLengths)
        #expect(config.schedule.epochs == RunConfig.tuneEpochs)
    }

    @Test("a folder of 21 training tunes (one batch an epoch) gets enough epochs for the minimum number of updates, and says so")
    func smallFolderGetsMoreEpochs() throws {
        let fitted = try Self.run(fits: true)
        #expect(fitted.experiment.config.schedule.epochs == MusicRun.minimumPretrainingUpdates)
        #expect(fitted.adjustments.contains { $0.hasPrefix("MLE epochs raised from \(RunConfig.tuneEpochs) to 100") })
        let chosen = try Self.run(epochs: 7, fits: false)
        #expect(chosen.experiment.config.schedule.epochs == 7)
        #expect(!chosen.adjustments.contains { $0.hasPrefix("MLE epochs") })
    }

    @Test("training tunes longer than a row are listed as skipped with their length; held-out tunes stay for the statistics")
    func longTunesAreSkipped() throws {
        let full = try Self.run(fits: false)
        let short = try Self.run(fits: false, window: 150)
        let long = full.corpus.train.filter { $0.encoded.tokens.count > 150 }
        #expect(!long.isEmpty)
        #expect(short.corpus.train.count == full.corpus.train.count - long.count)
        for tune in long {
            #expect(short.corpus.skipped.contains { $0.path == tune.name && $0.reason.contains("more than a row of 150 holds") })
        }
        #expect(short.corpus.test.count == full.corpus.test.count)
        #expect(short.corpus.rows(.train).allSatisfy { $0.count == 150 && $0.contains(TuneScheme.end) })
    }
}
