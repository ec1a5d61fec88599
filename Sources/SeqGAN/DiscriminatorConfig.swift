import Foundation

/// The discriminator's shape and training settings. Defaults are the released code's.
public struct DiscriminatorConfig: Codable, Sendable, Equatable {
    /// One bank of convolution filters: `count` filters spanning `window` time steps.
    public struct FilterBank: Codable, Sendable, Equatable {
        /// `w`, the number of time steps a filter spans.
        public var window: Int
        /// `F`, the number of filters (feature maps).
        public var count: Int

        /// A bank of `count` filters of width `window`.
        public init(window: Int, count: Int) {
            self.window = window
            self.count = count
        }
    }

    /// `V`, the number of tokens.
    public var vocabularySize = 5000
    /// `T`, the length of every sequence.
    public var sequenceLength = 20
    /// `E`, the embedding width.
    public var embeddingSize = 64
    /// The convolution banks; by default ``defaultFilterBanks(sequenceLength:)``.
    public var filterBanks = DiscriminatorConfig.defaultFilterBanks(sequenceLength: 20)
    /// The constant added to the highway gate's pre-activation (the released discriminator
    /// passes 0; its `highway()` function's own default is -2).
    public var highwayGateBias: Float = 0
    /// Probability of keeping a feature in the dropout before the output layer (training only).
    public var dropoutKeepProbability: Float = 0.75
    /// Coefficient of the L2 penalty `sum of x² / 2` on the output layer's weights and bias.
    public var l2Coefficient: Float = 0.2
    /// Adam's step size.
    public var learningRate: Float = 1e-4
    /// Sequences per update.
    public var batchSize = 64
    /// Score (rewards, evaluation) with per-token projection tables instead of convolution
    /// products: much faster, at the cost of `V x sum(w F)` floats of memory (250 MB at the
    /// paper's sizes). The scores agree to float rounding.
    public var projectionTables = true

    /// The released code's synthetic-task settings (V 5000, T 20).
    public init() {}

    /// The released code's settings for `V` tokens and sequences of `T`, with the filter
    /// table of ``defaultFilterBanks(sequenceLength:)``.
    public init(vocabularySize: Int, sequenceLength: Int) {
        self.vocabularySize = vocabularySize
        self.sequenceLength = sequenceLength
        filterBanks = DiscriminatorConfig.defaultFilterBanks(sequenceLength: sequenceLength)
    }

    /// The total number of feature maps, the width of the highway layer.
    public var featureCount: Int { filterBanks.reduce(0) { $0 + $1.count } }

    /// The released code's filter table, generalised to any `T`.
    ///
    /// Windows 1...10 with 100, 200, 200, 200, 200, 100, 100, 100, 100, 100 filters (those
    /// longer than `T` dropped), then 160 filters for each of `T/2`, `3T/4` and `T` (rounded
    /// down) that is longer than 10. This gives exactly the released tables: for T = 20,
    /// windows 1...10, 15, 20 (1,720 maps); for T = 32, windows 1...10, 16, 24, 32 (1,880 maps).
    public static func defaultFilterBanks(sequenceLength t: Int) -> [FilterBank] {
        let short = [100, 200, 200, 200, 200, 100, 100, 100, 100, 100]
        var banks = short.enumerated()
            .filter { $0.offset + 1 <= t }
            .map { FilterBank(window: $0.offset + 1, count: $0.element) }
        for window in [t / 2, 3 * t / 4, t]
        where window > 10 && !banks.contains(where: { $0.window == window }) {
            banks.append(FilterBank(window: window, count: 160))
        }
        return banks
    }

    /// Checks that the configuration describes a model that can be built.
    ///
    /// - Throws: ``DiscriminatorConfigError`` naming the first offending setting.
    public func validate() throws {
        func require(_ condition: Bool, _ reason: @autoclosure () -> String) throws {
            if !condition { throw DiscriminatorConfigError.invalid(reason()) }
        }
        try require(vocabularySize > 0, "vocabularySize must be positive, not \(vocabularySize)")
        try require(sequenceLength > 0, "sequenceLength must be positive, not \(sequenceLength)")
        try require(embeddingSize > 0, "embeddingSize must be positive, not \(embeddingSize)")
        try require(!filterBanks.isEmpty, "filterBanks must not be empty")
        for bank in filterBanks {
            try require(
                bank.window > 0 && bank.window <= sequenceLength,
                "filter window \(bank.window) must be in 1...\(sequenceLength) (the sequence length)"
            )
            try require(bank.count > 0, "filter count for window \(bank.window) must be positive")
        }
        try require(
            dropoutKeepProbability > 0 && dropoutKeepProbability <= 1,
            "dropoutKeepProbability must be in (0, 1], not \(dropoutKeepProbability)")
        try require(l2Coefficient >= 0, "l2Coefficient must not be negative")
        try require(learningRate > 0, "learningRate must be positive")
        try require(batchSize > 0, "batchSize must be positive, not \(batchSize)")
    }

    private enum CodingKeys: String, CodingKey {
        case vocabularySize, sequenceLength, embeddingSize, filterBanks, highwayGateBias
        case dropoutKeepProbability, l2Coefficient, learningRate, batchSize, projectionTables
    }

    /// Decodes a configuration; missing keys take their defaults (the filter table the
    /// default for the decoded `sequenceLength`).
    public init(from decoder: any Decoder) throws {
        let d = DiscriminatorConfig()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        vocabularySize =
            try c.decodeIfPresent(Int.self, forKey: .vocabularySize) ?? d.vocabularySize
        sequenceLength =
            try c.decodeIfPresent(Int.self, forKey: .sequenceLength) ?? d.sequenceLength
        embeddingSize = try c.decodeIfPresent(Int.self, forKey: .embeddingSize) ?? d.embeddingSize
        filterBanks =
            try c.decodeIfPresent([FilterBank].self, forKey: .filterBanks)
            ?? DiscriminatorConfig.defaultFilterBanks(sequenceLength: sequenceLength)
        highwayGateBias =
            try c.decodeIfPresent(Float.self, forKey: .highwayGateBias) ?? d.highwayGateBias
        dropoutKeepProbability =
            try c.decodeIfPresent(Float.self, forKey: .dropoutKeepProbability)
            ?? d.dropoutKeepProbability
        l2Coefficient = try c.decodeIfPresent(Float.self, forKey: .l2Coefficient) ?? d.l2Coefficient
        learningRate = try c.decodeIfPresent(Float.self, forKey: .learningRate) ?? d.learningRate
        batchSize = try c.decodeIfPresent(Int.self, forKey: .batchSize) ?? d.batchSize
        projectionTables =
            try c.decodeIfPresent(Bool.self, forKey: .projectionTables) ?? d.projectionTables
    }
}

/// Why a discriminator configuration was rejected.
public enum DiscriminatorConfigError: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// A setting is out of range; the message names it.
    case invalid(String)

    public var description: String {
        switch self {
        case .invalid(let reason): "invalid discriminator configuration: \(reason)"
        }
    }

    public var errorDescription: String? { description }
}
