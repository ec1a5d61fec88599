import Foundation
import Testing
@testable import SeqGAN
import TestSupport

@Suite("config.json: sections, defaults for missing keys, and the flat layout of older runs")
struct RunConfigLayoutTests {
    static let fixtures = TestPaths.repositoryRoot.appendingPathComponent("Tests/Fixtures/SeqGAN")

    /// The JSON object of a fixture.
    static func object(_ name: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: fixtures.appendingPathComponent(name))) as! [String: Any]
    }

    @Test("a config.json written in the flat layout reads with every value in its section", arguments: [
        "flat-config-synthetic-seqgan.json", "flat-config-music.json", "flat-config-text.json",
    ])
    func flatLayoutMigrates(name: String) throws {
        let flat = try Self.object(name)
        let config = try JSONDecoder().decode(RunConfig.self, from: Data(contentsOf: Self.fixtures.appendingPathComponent(name)))
        #expect(config.schedule.mode.rawValue == flat["mode"] as? String)
        #expect(config.schedule.epochs == flat["epochs"] as? Int)
        #expect(config.schedule.rounds == flat["rounds"] as? Int)
        #expect(config.schedule.discriminatorPretrainSteps == flat["discriminatorPretrainSteps"] as? Int)
        #expect(config.schedule.discriminatorSteps == flat["discriminatorSteps"] as? Int)
        #expect(config.rewards.rolloutsPerPrefix == flat["rolloutsPerPrefix"] as? Int)
        #expect(config.rewards.rollout.rawValue == flat["rollout"] as? String)
        #expect(config.evaluation.samples == flat["evaluationSamples"] as? Int)
        #expect(config.evaluation.discriminatorSamples == flat["discriminatorEvaluationSamples"] as? Int)
        #expect(config.evaluation.every == flat["evaluateEvery"] as? Int)
        #expect(config.evaluation.bleuOrder == flat["bleuOrder"] as? Int)
        #expect(config.oracle.seed == (flat["oracleSeed"] as? NSNumber)?.uint64Value)
        #expect(config.oracle.trainingSequences == flat["trainingSequences"] as? Int)
        #expect(config.seed == (flat["seed"] as? NSNumber)?.uint64Value)
        let generator = flat["generator"] as! [String: Any]
        #expect(config.generator.hiddenSize == generator["hiddenSize"] as? Int)
        #expect(config.generator.sequenceLength == generator["sequenceLength"] as? Int)
        #expect(config.generator.vocabularySize == generator["vocabularySize"] as? Int)
        #expect(config.generator.sequenceEnd != nil || generator["sequenceEnd"] == nil)
        let discriminator = flat["discriminator"] as! [String: Any]
        #expect(config.discriminator.sequenceLength == discriminator["sequenceLength"] as? Int)
        #expect(config.discriminator.filterBanks.count == (discriminator["filterBanks"] as! [Any]).count)
        #expect(config.discriminator.learningRate == (discriminator["learningRate"] as? NSNumber)?.floatValue)
        try config.validate()
        // Written again, it has sections, and reads back equal.
        let written = try JSONEncoder().encode(config)
        let object = try JSONSerialization.jsonObject(with: written) as! [String: Any]
        #expect(object["epochs"] == nil && object["schedule"] != nil && object["evaluation"] != nil)
        #expect((object["discriminator"] as! [String: Any])["sequenceLength"] == nil)
        #expect(try JSONDecoder().decode(RunConfig.self, from: written) == config)
    }

    @Test("missing keys take their defaults, in every section")
    func missingKeysDefault() throws {
        let config = try JSONDecoder().decode(RunConfig.self, from: Data(#"{"schedule": {"epochs": 7}, "generator": {"sequenceLength": 8}}"#.utf8))
        var expected = RunConfig()
        expected.schedule.epochs = 7
        expected.generator.sequenceLength = 8
        expected.discriminator.filterBanks = DiscriminatorConfig.defaultFilterBanks(sequenceLength: 8)
        #expect(config == expected)
        #expect(try JSONDecoder().decode(RunConfig.self, from: Data("{}".utf8)) == RunConfig())
    }

    @Test("the sequence length and vocabulary are stored once: the discriminator follows the generator")
    func sequenceLengthStoredOnce() throws {
        var config = RunConfig()
        config.generator.sequenceLength = 12
        config.generator.vocabularySize = 40
        #expect(config.discriminator.sequenceLength == 12 && config.discriminator.vocabularySize == 40)
        config.discriminator = DiscriminatorConfig(vocabularySize: 7, sequenceLength: 99)
        #expect(config.discriminator.sequenceLength == 12 && config.discriminator.vocabularySize == 40)
        let text = String(decoding: try JSONEncoder().encode(config), as: UTF8.self)
        #expect(text.components(separatedBy: "\"sequenceLength\"").count == 2)
    }

    @Test("a wrong type names the field's path")
    func wrongTypeNamed() throws {
        #expect {
            try JSONDecoder().decode(RunConfig.self, from: Data(#"{"schedule": {"epochs": "many"}}"#.utf8))
        } throws: { error in
            "\(RunCheckpoint.reason(error))".contains("schedule.epochs")
        }
    }

    @Test("the same seed gives the same numbers whether the run's settings were read from the flat or the sectioned layout")
    func flatAndSectionedRunAlike() throws {
        let config = SyntheticExperimentTests.smallConfig(epochs: 2)
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(config)) as! [String: Any]
        var flat: [String: Any] = [:]
        for (key, value) in object {
            if let section = value as? [String: Any], ["schedule", "rewards", "evaluation", "oracle"].contains(key) {
                for (inner, innerValue) in section {
                    let flatKey = RunConfig.flatLayout.first { $0.value == (key, inner) }?.key
                    flat[flatKey ?? inner] = innerValue
                }
            } else {
                flat[key] = value
            }
        }
        let read = try JSONDecoder().decode(RunConfig.self, from: JSONSerialization.data(withJSONObject: flat))
        #expect(read == config)
    }
}
