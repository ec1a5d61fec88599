/// Everything that determines a synthetic-oracle run; written to `RUN/config.json` and into
/// every checkpoint, so the same config and seed give the same numbers.
public struct SyntheticRunConfig: Codable, Sendable, Equatable {
    /// Training modes of the synthetic task.
    public enum Mode: String, Codable, Sendable, CaseIterable {
        /// Maximum-likelihood training only.
        case mle
    }

    /// The generator's shape (the oracle's is read from its file).
    public var generator = GeneratorConfig()
    /// Optimiser settings.
    public var optimizer = OptimizerConfig()
    /// The training mode.
    public var mode = Mode.mle
    /// The seed every random choice derives from.
    public var seed: UInt64 = 1
    /// MLE epochs.
    public var epochs = 120
    /// Sequences sampled from the oracle as the training set.
    public var trainingSequences = 10_000
    /// Samples drawn from the generator for each NLL-oracle evaluation.
    public var evaluationSamples = 10_000
    /// Evaluate every this many epochs (and after the last).
    public var evaluateEvery = 5
    /// The oracle file, or `nil` for a fresh N(0, 1) oracle drawn from `oracleSeed`.
    public var oraclePath: String?
    /// Seed of the fresh oracle when `oraclePath` is `nil`.
    public var oracleSeed: UInt64 = 88

    /// The released code's settings.
    public init() {}

    public init(from decoder: any Decoder) throws {
        let d = SyntheticRunConfig()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        generator = try c.decodeIfPresent(GeneratorConfig.self, forKey: .generator) ?? d.generator
        optimizer = try c.decodeIfPresent(OptimizerConfig.self, forKey: .optimizer) ?? d.optimizer
        mode = try c.decodeIfPresent(Mode.self, forKey: .mode) ?? d.mode
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? d.seed
        epochs = try c.decodeIfPresent(Int.self, forKey: .epochs) ?? d.epochs
        trainingSequences = try c.decodeIfPresent(Int.self, forKey: .trainingSequences) ?? d.trainingSequences
        evaluationSamples = try c.decodeIfPresent(Int.self, forKey: .evaluationSamples) ?? d.evaluationSamples
        evaluateEvery = try c.decodeIfPresent(Int.self, forKey: .evaluateEvery) ?? d.evaluateEvery
        oraclePath = try c.decodeIfPresent(String.self, forKey: .oraclePath)
        oracleSeed = try c.decodeIfPresent(UInt64.self, forKey: .oracleSeed) ?? d.oracleSeed
    }
}
