import Foundation
import Testing
@testable import SeqGAN
import SyntheticGeneration
import TestSupport

@Suite("Synthetic runs")
struct SyntheticExperimentTests {
    /// A small, fast synthetic run on a fresh random oracle.
    static func smallConfig(epochs: Int) -> RunConfig {
        var config = RunConfig()
        config.generator = GeneratorConfig(vocabularySize: 60, embeddingSize: 8, hiddenSize: 8, sequenceLength: 8)
        config.optimizer.batchSize = 16
        config.oracle.trainingSequences = 128
        config.evaluation.samples = 100
        config.evaluation.every = 2
        config.schedule.epochs = epochs
        config.seed = 5
        return config
    }

    @Test("a run stopped after 2 epochs and resumed to 5 ends exactly like an uninterrupted run")
    func resumeEqualsUninterrupted() throws {
        let whole = try TestPaths.makeTemporaryDirectory("whole")
        let rowsWhole = try SyntheticExperiment(config: Self.smallConfig(epochs: 5), directory: whole).run(resume: false)
        let parted = try TestPaths.makeTemporaryDirectory("parted")
        try SyntheticExperiment(config: Self.smallConfig(epochs: 2), directory: parted).run(resume: false)
        let rowsParted = try SyntheticExperiment(config: Self.smallConfig(epochs: 5), directory: parted).run(resume: true)
        #expect(rowsWhole.map(\.epoch) == [0, 1, 2, 3, 4, 5])
        #expect(rowsWhole.map(\.nllOracle) == rowsParted.map(\.nllOracle))
        #expect(rowsWhole.map(\.trainNLL) == rowsParted.map(\.trainNLL))
        let a = try Data(contentsOf: whole.appendingPathComponent("nll_oracle_per_sample.txt"))
        let b = try Data(contentsOf: parted.appendingPathComponent("nll_oracle_per_sample.txt"))
        #expect(a == b)
        // Training helped.
        #expect(rowsWhole.last!.nllOracle! < rowsWhole.first!.nllOracle!)
        let log = try String(contentsOf: parted.appendingPathComponent("log.csv"), encoding: .utf8)
        #expect(log.split(separator: "\n").count == 7)
        #expect(log.hasPrefix(RunLogRow.csvHeader))
    }

    /// A tiny adversarial run of `mode`.
    static func adversarialConfig(mode: RunConfig.Mode, rounds: Int) -> RunConfig {
        var config = smallConfig(epochs: 2)
        config.schedule.mode = mode
        config.schedule.rounds = rounds
        config.discriminator = DiscriminatorConfig(vocabularySize: 60, sequenceLength: 8)
        config.discriminator.embeddingSize = 8
        config.discriminator.filterBanks = [.init(window: 2, count: 6), .init(window: 3, count: 5)]
        config.schedule.discriminatorPretrainSteps = 2
        config.schedule.discriminatorEpochs = 1
        config.schedule.discriminatorSteps = 1
        config.rewards.rolloutsPerPrefix = 3
        config.evaluation.discriminatorSamples = 50
        return config
    }

    @Test("a SeqGAN run stopped after 2 rounds and resumed to 4 equals an uninterrupted run", arguments: [RunConfig.RolloutPolicy.same, .ema])
    func adversarialResume(rollout: RunConfig.RolloutPolicy) throws {
        var whole = Self.adversarialConfig(mode: .seqgan, rounds: 4)
        whole.rewards.rollout = rollout
        var parted = Self.adversarialConfig(mode: .seqgan, rounds: 2)
        parted.rewards.rollout = rollout
        let a = try TestPaths.makeTemporaryDirectory("adv-whole")
        let rowsWhole = try SyntheticExperiment(config: whole, directory: a).run(resume: false)
        let b = try TestPaths.makeTemporaryDirectory("adv-parted")
        try SyntheticExperiment(config: parted, directory: b).run(resume: false)
        let rowsParted = try SyntheticExperiment(config: whole, directory: b).run(resume: true)
        #expect(rowsWhole.map(\.phase.rawValue) == ["pretrain", "pretrain", "pretrain", "discriminator", "discriminator", "seqgan", "seqgan", "seqgan", "seqgan"])
        func strip(_ rows: [RunLogRow]) -> [RunLogRow] { rows.map { var r = $0; r.seconds = 0; return r } }
        #expect(strip(rowsWhole) == strip(rowsParted))
        let adversarial = rowsWhole.filter { $0.phase == .training(.seqgan) }
        #expect(adversarial.allSatisfy { $0.rewardMean != nil && $0.generatorLoss != nil })
        #expect(adversarial.allSatisfy { ($0.rewardMean ?? -1) >= 0 && ($0.rewardMean ?? 2) <= 1 })
        #expect(rowsWhole.filter { $0.phase == .discriminatorPretraining }.allSatisfy { $0.discriminatorAccuracy != nil })
    }

    @Test("every mode runs its phase and logs what it measures", arguments: RunConfig.Mode.allCases)
    func modes(mode: RunConfig.Mode) throws {
        let directory = try TestPaths.makeTemporaryDirectory("mode-\(mode)")
        let rows = try SyntheticExperiment(config: Self.adversarialConfig(mode: mode, rounds: 2), directory: directory).run(resume: false)
        let own = rows.filter { $0.phase == .training(mode) }
        #expect(own.count == 2)
        #expect(own.last?.nllOracle != nil)
        switch mode {
        case .mle, .ss: #expect(own.allSatisfy { $0.trainNLL != nil })
        case .pgbleu, .seqgan: #expect(own.allSatisfy { $0.rewardMean != nil })
        }
    }

    @Test("a folder that holds a run is not overwritten without --resume")
    func refusesToOverwrite() throws {
        let directory = try TestPaths.makeTemporaryDirectory("exists")
        try SyntheticExperiment(config: Self.smallConfig(epochs: 1), directory: directory).run(resume: false)
        #expect(throws: RunError.alreadyExists(path: directory.path)) {
            try SyntheticExperiment(config: Self.smallConfig(epochs: 1), directory: directory).run(resume: false)
        }
    }

    @Test("bad token files name the file and line")
    func tokenFileErrors() throws {
        let directory = try TestPaths.makeTemporaryDirectory("tokens")
        let cases: [(String, TokenSequenceFileError)] = [
            ("1 2 3\n4 5\n", .wrongLength(path: "", line: 2, expected: 3, found: 2)),
            ("1 2 3\n\n4 5 99\n", .badToken(path: "", line: 3, token: "99", vocabularySize: 10)),
            ("1 2 x\n", .badToken(path: "", line: 1, token: "x", vocabularySize: 10)),
            ("1 -2 3\n", .badToken(path: "", line: 1, token: "-2", vocabularySize: 10)),
            ("\n\n", .empty(path: "")),
        ]
        for (index, (text, expected)) in cases.enumerated() {
            let url = directory.appendingPathComponent("case\(index).txt")
            try text.write(to: url, atomically: true, encoding: .utf8)
            var named = expected
            switch expected {
            case .wrongLength(_, let l, let e, let f): named = .wrongLength(path: url.path, line: l, expected: e, found: f)
            case .badToken(_, let l, let t, let v): named = .badToken(path: url.path, line: l, token: t, vocabularySize: v)
            case .empty: named = .empty(path: url.path)
            case .unreadable: break
            }
            #expect(throws: named) { try TokenSequenceFile.read(url, length: 3, vocabularySize: 10) }
        }
        let good = directory.appendingPathComponent("good.txt")
        try "0 1 2\n3 4 5\n".write(to: good, atomically: true, encoding: .utf8)
        let (tokens, count) = try TokenSequenceFile.read(good, length: 3, vocabularySize: 10)
        #expect(count == 2 && tokens == [0, 1, 2, 3, 4, 5])
        #expect(TokenSequenceFile.text(of: tokens, length: 3) == "0 1 2\n3 4 5\n")
    }
}
