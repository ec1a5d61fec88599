import Foundation
import Testing
@testable import SeqGAN
import TestSupport

@Suite("Corpus runs")
struct CorpusExperimentTests {
    /// A toy corpus: ascending runs of tokens, so a model can learn it.
    static func sequences(_ count: Int, offset: Int) -> [[Int]] {
        (0..<count).map { i in (0..<8).map { (i + offset + $0) % 20 } }
    }

    static func config(mode: RunConfig.Mode) -> RunConfig {
        var config = RunConfig()
        config.generator = GeneratorConfig(vocabularySize: 20, embeddingSize: 8, hiddenSize: 16, sequenceLength: 8)
        config.optimizer.batchSize = 16
        config.schedule.mode = mode
        config.schedule.epochs = 6
        config.schedule.rounds = mode == .mle ? 0 : 2
        config.evaluation.every = 3
        config.evaluation.samples = 64
        config.discriminator = DiscriminatorConfig(vocabularySize: 20, sequenceLength: 8)
        config.discriminator.embeddingSize = 8
        config.discriminator.filterBanks = [.init(window: 2, count: 4), .init(window: 4, count: 4)]
        config.schedule.discriminatorPretrainSteps = 1
        config.schedule.discriminatorEpochs = 1
        config.schedule.discriminatorSteps = 1
        config.rewards.rolloutsPerPrefix = 2
        config.evaluation.discriminatorSamples = 32
        return config
    }

    @Test("MLE on a corpus lowers NLL-test and raises BLEU against the test split")
    func learnsCorpus() throws {
        let directory = try TestPaths.makeTemporaryDirectory("corpus")
        let experiment = try CorpusExperiment(
            config: Self.config(mode: .mle), directory: directory, train: Self.sequences(160, offset: 0),
            validation: Self.sequences(16, offset: 3), test: Self.sequences(32, offset: 7))
        let rows = try experiment.run(resume: false)
        let evaluated = rows.filter { $0.nllTest != nil }
        #expect(evaluated.map(\.epoch) == [0, 3, 6])
        #expect(evaluated.last!.nllTest! < evaluated.first!.nllTest! - 0.5)
        #expect(evaluated.last!.bleu! > evaluated.first!.bleu!)
        let perSample = try String(contentsOf: directory.appendingPathComponent("bleu_per_sample.txt"), encoding: .utf8)
        #expect(perSample.split(separator: "\n").count == 64)
    }

    @Test("SeqGAN on a corpus runs its adversarial phase and resumes exactly")
    func seqganOnCorpus() throws {
        let a = try TestPaths.makeTemporaryDirectory("corpus-a")
        let whole = try CorpusExperiment(
            config: Self.config(mode: .seqgan), directory: a, train: Self.sequences(64, offset: 0),
            validation: Self.sequences(16, offset: 3), test: Self.sequences(16, offset: 7)
        ).run(resume: false)
        #expect(whole.filter { $0.phase == .training(.seqgan) }.count == 2)
        #expect(whole.last?.discriminatorAccuracy != nil)
        var shorter = Self.config(mode: .seqgan)
        shorter.schedule.rounds = 1
        let b = try TestPaths.makeTemporaryDirectory("corpus-b")
        try CorpusExperiment(
            config: shorter, directory: b, train: Self.sequences(64, offset: 0),
            validation: Self.sequences(16, offset: 3), test: Self.sequences(16, offset: 7)
        ).run(resume: false)
        let resumed = try CorpusExperiment(
            config: Self.config(mode: .seqgan), directory: b, train: Self.sequences(64, offset: 0),
            validation: Self.sequences(16, offset: 3), test: Self.sequences(16, offset: 7)
        ).run(resume: true)
        func strip(_ rows: [RunLogRow]) -> [RunLogRow] { rows.map { var r = $0; r.seconds = 0; return r } }
        // The shorter run evaluated at its last round (1); compare the training numbers.
        #expect(strip(whole).map(\.trainNLL) == strip(resumed).map(\.trainNLL))
        #expect(strip(whole).map(\.rewardMean) == strip(resumed).map(\.rewardMean))
        #expect(whole.last!.nllTest == resumed.last!.nllTest)
    }

    @Test("sequences of the wrong length or with unknown tokens are refused")
    func badSequences() throws {
        let directory = try TestPaths.makeTemporaryDirectory("corpus-bad")
        #expect(throws: RunError.self) {
            try CorpusExperiment(config: Self.config(mode: .mle), directory: directory, train: [[1, 2, 3]], validation: [], test: Self.sequences(2, offset: 0))
        }
        #expect(throws: RunError.self) {
            try CorpusExperiment(config: Self.config(mode: .mle), directory: directory, train: [[Int](repeating: 25, count: 8)], validation: [], test: Self.sequences(2, offset: 0))
        }
    }
}
