/// Optimiser settings shared by MLE and policy-gradient updates of the generator.
public struct OptimizerConfig: Codable, Sendable, Equatable {
    /// Sequences per update.
    public var batchSize = 64
    /// Adam's step size.
    public var learningRate: Float = 0.01
    /// Gradients are scaled down to this global L2 norm.
    public var gradientClip: Float = 5.0
    /// Adam's step size for policy-gradient updates (adversarial rounds); `nil` uses
    /// `learningRate`, as the released code does. Adam's steps do not shrink with the rewards,
    /// so small corpora (music) need a smaller step here to keep what MLE learned.
    public var policyGradientLearningRate: Float?
    /// How MLE epochs make their batches.
    public var batches = BatchComposition.shuffled

    /// The released code's settings.
    public init() {}

    public init(from decoder: any Decoder) throws {
        let d = OptimizerConfig()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        batchSize = try c.decodeIfPresent(Int.self, forKey: .batchSize) ?? d.batchSize
        learningRate = try c.decodeIfPresent(Float.self, forKey: .learningRate) ?? d.learningRate
        gradientClip = try c.decodeIfPresent(Float.self, forKey: .gradientClip) ?? d.gradientClip
        policyGradientLearningRate = try c.decodeIfPresent(Float.self, forKey: .policyGradientLearningRate)
        batches = try c.decodeIfPresent(BatchComposition.self, forKey: .batches) ?? d.batches
    }
}
