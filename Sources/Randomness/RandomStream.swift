/// The named random streams of a run: each random choice draws from
/// `SplitMix64(seed: runSeed, stream: .name, indices...)`, so that every choice has its own
/// stream and a resumed run repeats exactly the numbers of one that was never stopped.
///
/// The raw values are part of every run's results: changing one changes the numbers of every
/// run made with the same seed. Add new streams with fresh values; never renumber.
public enum RandomStream: UInt64, CaseIterable, Sendable {
    /// The generator's initial weights.
    case generatorInitialization = 0x6E4
    /// The seed of the dropout masks between stacked LSTM layers of the generator.
    case generatorDropout = 0xD209
    /// The discriminator's initial weights.
    case discriminatorInitialization = 0xD15C
    /// The weights of a fresh N(0, 1) oracle (synthetic task without an oracle file).
    case randomOracle = 0x0AC1E
    /// The oracle's samples that form the synthetic training set.
    case oracleTrainingData = 0xDA7A
    /// The oracle's samples held out as the discriminator's real evaluation data.
    case oracleHeldOut = 0x4E1D
    /// Batch order of MLE pre-training epoch `e` (index: `e`).
    case pretrainingOrder = 0x5BF1
    /// Batch order of an epoch of `mle` mode after pre-training (index: the epoch).
    case mleModeOrder = 0x5BF2
    /// Batch order of a scheduled-sampling epoch (index: the epoch).
    case scheduledSamplingOrder = 0x55A1
    /// The coin flips of a scheduled-sampling epoch (index: the epoch).
    case scheduledSamplingDraws = 0x55A2
    /// Negatives sampled for discriminator pre-training step `s` (index: `s`).
    case discriminatorPretrainingNegatives = 0xD1
    /// Batch order of discriminator pre-training step `s` (index: `s`).
    case discriminatorPretrainingOrder = 0xD2
    /// Negatives for a discriminator step of an adversarial round (indices: round, step).
    case roundDiscriminatorNegatives = 0xD3
    /// Batch order of a discriminator step of an adversarial round (indices: round, step).
    case roundDiscriminatorOrder = 0xD4
    /// The generator's batch of a policy-gradient step and its roll-out seed (indices: round,
    /// step).
    case policyGradientBatch = 0x6A
    /// The training sequences of a teacher-forced step of an adversarial round (indices:
    /// round, step).
    case roundMLEBatch = 0x5BF3
    /// Fake sequences for judging the discriminator at an evaluation point (index: the point).
    case discriminatorEvaluation = 0xD0E2
    /// Generator samples scored by NLL-oracle at an evaluation point (index: the point).
    case oracleEvaluation = 0xE7A1
    /// Generator samples scored by BLEU at an evaluation point of a corpus run (index: the
    /// point).
    case corpusEvaluation = 0xB1E0
    /// The sampling seed of part `i` of a tune generated with a form such as AABB (index: `i`).
    case tuneFormPart = 0xF0
    /// The seeds of the draws that replace a generated whole tune without notes (index: the
    /// tune's place in the batch).
    case silentTuneRedraw = 0xF1
}

extension SplitMix64 {
    /// The generator of a named stream of `seed`, further split by `indices` (the same
    /// numbers as `SplitMix64(seed: seed, stream: stream.rawValue, indices...)`).
    public init(seed: UInt64, stream: RandomStream, _ indices: UInt64...) {
        self.init(seed: seed, streamPath: [stream.rawValue] + indices)
    }
}
