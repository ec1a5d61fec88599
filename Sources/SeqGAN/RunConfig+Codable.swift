import Foundation

extension RunConfig {
    /// The sections of `config.json`, in the layout written today.
    private struct Sections: Codable {
        var generator: GeneratorConfig
        var optimizer: OptimizerConfig
        var discriminator: DiscriminatorConfig
        var schedule: Schedule
        var rewards: Rewards
        var evaluation: Evaluation
        var oracle: Oracle
        var seed: UInt64
        var initFrom: String?
    }

    /// Reads settings written in the current layout or the flat layout of older runs
    /// (``migratedFromFlatLayout(_:)``); missing keys take their defaults (the
    /// generator's, optimiser's and discriminator's by their own decoders, which know that the
    /// default filter table follows `T`).
    public init(from decoder: any Decoder) throws {
        let given = RunConfig.migratedFromFlatLayout(try JSONValue(from: decoder))
        var members = try RunConfig.defaultTree.merging(given).members
        // The discriminator section: only the keys given, with the generator's V and T.
        var discriminatorTree = given.members["discriminator"]?.members ?? [:]
        let generatorTree = members["generator"]?.members ?? [:]
        discriminatorTree["vocabularySize"] =
            generatorTree["vocabularySize"] ?? .integer(Int64(GeneratorConfig().vocabularySize))
        discriminatorTree["sequenceLength"] =
            generatorTree["sequenceLength"] ?? .integer(Int64(GeneratorConfig().sequenceLength))
        members["discriminator"] = .object(discriminatorTree)
        let data = try JSONEncoder().encode(JSONValue.object(members))
        let sections: Sections
        do {
            sections = try JSONDecoder().decode(Sections.self, from: data)
        } catch DecodingError.typeMismatch(let type, let context) {
            throw DecodingError.typeMismatch(type, .init(codingPath: decoder.codingPath + context.codingPath, debugDescription: context.debugDescription))
        } catch DecodingError.dataCorrupted(let context) {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath + context.codingPath, debugDescription: context.debugDescription))
        }
        self.init()
        generator = sections.generator
        optimizer = sections.optimizer
        discriminator = sections.discriminator
        schedule = sections.schedule
        rewards = sections.rewards
        evaluation = sections.evaluation
        oracle = sections.oracle
        seed = sections.seed
        initFrom = sections.initFrom
    }

    /// Writes the sections; the discriminator's `V` and `T` are left out (they are the
    /// generator's).
    public func encode(to encoder: any Encoder) throws {
        let sections = Sections(
            generator: generator, optimizer: optimizer, discriminator: discriminator, schedule: schedule,
            rewards: rewards, evaluation: evaluation, oracle: oracle, seed: seed, initFrom: initFrom)
        var members = try RunConfig.tree(of: sections).members
        var discriminatorTree = members["discriminator"]?.members ?? [:]
        discriminatorTree["vocabularySize"] = nil
        discriminatorTree["sequenceLength"] = nil
        members["discriminator"] = .object(discriminatorTree)
        try JSONValue.object(members).encode(to: encoder)
    }

    /// The defaults as a JSON tree (without the model sections, whose decoders supply their
    /// own defaults).
    private static var defaultTree: JSONValue {
        let defaults = RunConfig()
        let sections = Sections(
            generator: defaults.generator, optimizer: defaults.optimizer, discriminator: defaults.discriminator,
            schedule: defaults.schedule, rewards: defaults.rewards, evaluation: defaults.evaluation,
            oracle: defaults.oracle, seed: defaults.seed, initFrom: nil)
        var members = (try? tree(of: sections).members) ?? [:]
        for model in ["generator", "optimizer", "discriminator"] { members[model] = .object([:]) }
        return .object(members)
    }

    private static func tree<T: Encodable>(of value: T) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: JSONEncoder().encode(value))
    }

    /// Where each key of the flat layout (runs written before the settings had sections)
    /// lives now: section and key.
    static let flatLayout: [String: (section: String, key: String)] = [
        "mode": ("schedule", "mode"), "epochs": ("schedule", "epochs"), "rounds": ("schedule", "rounds"),
        "discriminatorPretrainSteps": ("schedule", "discriminatorPretrainSteps"),
        "discriminatorEpochs": ("schedule", "discriminatorEpochs"),
        "generatorSteps": ("schedule", "generatorSteps"), "discriminatorSteps": ("schedule", "discriminatorSteps"),
        "scheduledSamplingDecay": ("schedule", "scheduledSamplingDecay"),
        "rolloutsPerPrefix": ("rewards", "rolloutsPerPrefix"), "rollout": ("rewards", "rollout"),
        "rolloutRate": ("rewards", "rolloutRate"), "pgLoss": ("rewards", "pgLoss"), "baseline": ("rewards", "baseline"),
        "evaluationSamples": ("evaluation", "samples"),
        "discriminatorEvaluationSamples": ("evaluation", "discriminatorSamples"),
        "evaluateEvery": ("evaluation", "every"), "bleuOrder": ("evaluation", "bleuOrder"),
        "oraclePath": ("oracle", "path"), "oracleSeed": ("oracle", "seed"),
        "trainingSequences": ("oracle", "trainingSequences"),
    ]

    /// Settings in the flat layout moved into their sections (settings already in sections
    /// are returned as they are). In the flat layout `trainingSequences` of a corpus run was
    /// its number of training windows; it lands in ``Oracle/trainingSequences``, which corpus
    /// runs ignore.
    static func migratedFromFlatLayout(_ value: JSONValue) -> JSONValue {
        var members = value.members
        for (flatKey, place) in flatLayout {
            guard let moved = members.removeValue(forKey: flatKey) else { continue }
            var section = members[place.section]?.members ?? [:]
            if section[place.key] == nil { section[place.key] = moved }
            members[place.section] = .object(section)
        }
        return .object(members)
    }
}
