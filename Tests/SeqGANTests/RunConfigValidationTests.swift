import Foundation
import NeuralNetwork
import Testing
@testable import SeqGAN
import SyntheticGeneration
import TestSupport

@Suite("Run settings are validated before anything is allocated")
struct RunConfigValidationTests {
    /// A config with one field changed.
    static func config(_ change: (inout RunConfig) -> Void) -> RunConfig {
        var config = SyntheticExperimentTests.smallConfig(epochs: 2)
        change(&config)
        return config
    }

    @Test("each out-of-range field is one error naming the field", arguments: [
        ("generator.hiddenSize", config { $0.generator.hiddenSize = -1 }),
        ("optimizer.batchSize", config { $0.optimizer.batchSize = -32 }),
        ("generator.sequenceLength", config { $0.generator.sequenceLength = 0 }),
        ("generator.hiddenSize", config { $0.generator.hiddenSize = 10_000_000 }),
        ("generator.vocabularySize", config { $0.generator.vocabularySize = 0 }),
        ("generator.embeddingSize", config { $0.generator.embeddingSize = 0 }),
        ("optimizer.learningRate", config { $0.optimizer.learningRate = .nan }),
        ("schedule.epochs", config { $0.schedule.epochs = -1 }),
        ("schedule.rounds", config { $0.schedule.rounds = -3 }),
        ("evaluation.every", config { $0.evaluation.every = 0 }),
        ("evaluation.samples", config { $0.evaluation.samples = 0 }),
        ("rewards.rolloutsPerPrefix", config { $0.rewards.rolloutsPerPrefix = 0 }),
        ("schedule.mleSteps", config { $0.schedule.mleSteps = -1 }),
        ("rewards.rolloutRate", config { $0.rewards.rolloutRate = 1.5 }),
        ("oracle.trainingSequences", config { $0.oracle.trainingSequences = 0 }),
        ("generator.startToken", config { $0.generator.startToken = 60 }),
    ])
    func fieldOutOfRange(field: String, config: RunConfig) throws {
        #expect {
            try config.validate()
        } throws: { error in
            guard case RunError.invalidConfig(let reason) = error else { return false }
            return reason.hasPrefix(field + " must") && !reason.contains("\n")
        }
        // The experiment refuses it before building anything.
        #expect(throws: RunError.self) {
            try SyntheticExperiment(config: config, directory: TestPaths.makeTemporaryDirectory("invalid"))
        }
    }

    @Test("the defaults and the tests' small settings pass")
    func validSettingsPass() throws {
        try RunConfig().validate()
        try SyntheticExperimentTests.smallConfig(epochs: 2).validate()
        try SyntheticExperimentTests.adversarialConfig(mode: .seqgan, rounds: 2).validate()
    }

    @Test("settings whose memory exceeds the machine's are refused with the estimate, before any allocation")
    func absurdMemoryRefused() throws {
        let config = Self.config {
            $0.generator.vocabularySize = RunConfig.Limits.vocabularySize
            $0.generator.embeddingSize = RunConfig.Limits.width
            $0.generator.hiddenSize = RunConfig.Limits.width
        }
        #expect(config.estimatedMemory > Double(ProcessInfo.processInfo.physicalMemory))
        #expect {
            try config.validate()
        } throws: { error in
            "\(error)".contains("of memory, more than this machine's")
        }
        // The estimate grows with the sizes and covers at least the parameters.
        let small = SyntheticExperimentTests.smallConfig(epochs: 2)
        let parameters = Double(Generator.parameterLayout(for: small.generator).totalCount) * 4
        #expect(small.estimatedMemory > parameters)
        #expect(config.estimatedMemory > small.estimatedMemory)
    }

    /// A finished small run whose `config.json` is then rewritten by `edit`.
    static func editedRun(_ label: String, edit: (inout [String: Any]) -> Void) throws -> URL {
        let directory = try TestPaths.makeTemporaryDirectory(label)
        try SyntheticExperiment(config: SyntheticExperimentTests.smallConfig(epochs: 1), directory: directory).run(resume: false)
        let url = directory.appendingPathComponent("config.json")
        var object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        edit(&object)
        try JSONSerialization.data(withJSONObject: object).write(to: url)
        return directory
    }

    @Test("an edited config.json with a bad size is refused naming the file and the field", arguments: [
        ("hiddenSize", -1), ("sequenceLength", 0), ("hiddenSize", 10_000_000),
    ])
    func editedConfigRefused(key: String, value: Int) throws {
        let directory = try Self.editedRun("edited-\(key)") { object in
            var generator = object["generator"] as! [String: Any]
            generator[key] = value
            object["generator"] = generator
        }
        #expect {
            try TrainingRun.trainedGenerator(in: directory)
        } throws: { error in
            let text = "\(error)"
            return text.contains("config.json") && text.contains("generator.\(key)")
        }
    }

    @Test("a generator shape that disagrees with the checkpoint is refused naming the tensor, before the model is built")
    func shapeCheckedAgainstCheckpoint() throws {
        let directory = try Self.editedRun("edited-shape") { object in
            var generator = object["generator"] as! [String: Any]
            generator["hiddenSize"] = 16
            object["generator"] = generator
        }
        #expect {
            try TrainingRun.trainedGenerator(in: directory)
        } throws: { error in
            guard case SafeTensorsError.shapeMismatch(let path, let tensor, let expected, let found) = error else { return false }
            return path.hasSuffix("checkpoint.safetensors") && tensor == "generator.lstm.inputWeights"
                && expected == [8, 64] && found == [8, 32]
        }
    }

    @Test("a discriminator shape that disagrees with the checkpoint is refused naming the tensor, by discriminate and by resume")
    func discriminatorShapeCheckedAgainstCheckpoint() throws {
        let directory = try TestPaths.makeTemporaryDirectory("edited-discriminator")
        var config = SyntheticExperimentTests.smallConfig(epochs: 1)
        config.schedule.mode = .seqgan
        config.schedule.rounds = 1
        config.schedule.discriminatorPretrainSteps = 1
        config.schedule.discriminatorEpochs = 1
        config.rewards.rolloutsPerPrefix = 2
        config.evaluation.discriminatorSamples = 16
        config.discriminator.embeddingSize = 8
        config.discriminator.filterBanks = [.init(window: 2, count: 4), .init(window: 3, count: 4)]
        try SyntheticExperiment(config: config, directory: directory).run(resume: false)
        let url = directory.appendingPathComponent("config.json")
        var object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        var discriminator = object["discriminator"] as! [String: Any]
        discriminator["embeddingSize"] = 16
        object["discriminator"] = discriminator
        try JSONSerialization.data(withJSONObject: object).write(to: url)
        let checkpoint = try Data(contentsOf: directory.appendingPathComponent("checkpoint.safetensors"))
        func isMismatch(_ error: any Error) -> Bool {
            guard case SafeTensorsError.shapeMismatch(let path, let tensor, let expected, let found) = error else { return false }
            return path.hasSuffix("checkpoint.safetensors") && tensor.hasPrefix("discriminator.embedding")
                && expected.contains(16) && found.contains(8)
        }
        #expect(performing: { try TrainingRun.trainedDiscriminator(in: directory) }, throws: isMismatch)
        var resumed = try TrainingRun.savedConfig(in: directory)
        resumed.schedule.rounds = 2
        #expect(performing: { try SyntheticExperiment(config: resumed, directory: directory).run(resume: true) }, throws: isMismatch)
        #expect(try Data(contentsOf: directory.appendingPathComponent("checkpoint.safetensors")) == checkpoint)
    }
}
