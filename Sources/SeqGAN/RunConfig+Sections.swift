extension RunConfig {
    /// What is trained, in what order, for how long: MLE pre-training, discriminator
    /// pre-training (`seqgan` mode), then `rounds` units of the mode.
    public struct Schedule: Codable, Sendable, Equatable {
        /// What follows MLE pre-training.
        public var mode = Mode.mle
        /// MLE pre-training epochs.
        public var epochs = 120
        /// Rounds after pre-training (adversarial rounds, or MLE/SS epochs for those modes).
        public var rounds = 0
        /// D pre-training: this many times { fresh negatives; `discriminatorEpochs` epochs }.
        public var discriminatorPretrainSteps = 50
        /// Epochs over real + fake each time D is trained (k).
        public var discriminatorEpochs = 3
        /// Generator updates per round.
        public var generatorSteps = 1
        /// Discriminator updates per round, each on fresh negatives.
        public var discriminatorSteps = 5
        /// Teacher-forced (MLE) updates per round, each on a random batch of training
        /// sequences, after the generator steps and at the policy-gradient learning rate: they
        /// hold the policy to the data where the discriminator has no opinion. 0 in the paper.
        public var mleSteps = 0
        /// Negatives sampled from the generator for each discriminator update; `nil` samples
        /// as many as there are training sequences (the released code).
        public var discriminatorNegatives: Int?
        /// ω's decrease per epoch in `ss` mode.
        public var scheduledSamplingDecay = 0.002

        /// The released code's schedule with MLE only.
        public init() {}
    }

    /// How the generator's samples are rewarded and its policy-gradient loss is formed in
    /// adversarial rounds.
    public struct Rewards: Codable, Sendable, Equatable {
        /// Monte Carlo completions per prefix (N).
        public var rolloutsPerPrefix = 16
        /// How the roll-out policy follows the generator.
        public var rollout = RolloutPolicy.same
        /// `β`'s share kept at each `ema` update.
        public var rolloutRate: Float = 0.8
        /// Reduction of the policy-gradient loss.
        public var pgLoss = PolicyGradientReduction.sum
        /// Baseline subtracted from the rewards.
        public var baseline = PolicyGradientBaseline.none
        /// Where roll-outs start: after every token (the paper), or at the reader's
        /// boundaries (needs a conditioning on the generator).
        public var rolloutPositions = RolloutPositions.everyToken
        /// The temperature of the policy the rounds train: its samples, their roll-outs and
        /// the discriminator's negatives are drawn from `softmax(logits / temperature)`, and
        /// the policy gradient is that distribution's. 1 in the paper; a run sampled at
        /// another temperature trains the distribution it samples from.
        public var temperature: Float = 1

        /// The released code's settings.
        public init() {}

        public init(from decoder: any Decoder) throws {
            let defaults = Rewards()
            let c = try decoder.container(keyedBy: CodingKeys.self)
            rolloutsPerPrefix =
                try c.decodeIfPresent(Int.self, forKey: .rolloutsPerPrefix) ?? defaults.rolloutsPerPrefix
            rollout = try c.decodeIfPresent(RolloutPolicy.self, forKey: .rollout) ?? defaults.rollout
            rolloutRate = try c.decodeIfPresent(Float.self, forKey: .rolloutRate) ?? defaults.rolloutRate
            pgLoss = try c.decodeIfPresent(PolicyGradientReduction.self, forKey: .pgLoss) ?? defaults.pgLoss
            baseline = try c.decodeIfPresent(PolicyGradientBaseline.self, forKey: .baseline) ?? defaults.baseline
            rolloutPositions =
                try c.decodeIfPresent(RolloutPositions.self, forKey: .rolloutPositions)
                ?? defaults.rolloutPositions
            temperature = try c.decodeIfPresent(Float.self, forKey: .temperature) ?? defaults.temperature
        }
    }

    /// When and on how many samples the run is evaluated.
    public struct Evaluation: Codable, Sendable, Equatable {
        /// Samples drawn from the generator for each evaluation (NLL-oracle, BLEU).
        public var samples = 10_000
        /// Held-out real and fake sequences (each) for the discriminator's evaluation.
        public var discriminatorSamples = 1_000
        /// Evaluate every this many epochs or rounds (and after the last).
        public var every = 5
        /// BLEU order for corpus runs (4 for music, 2 for poems).
        public var bleuOrder = 4

        /// The synthetic task's settings.
        public init() {}
    }

    /// The synthetic task: the oracle that makes the training set and judges the samples.
    public struct Oracle: Codable, Sendable, Equatable {
        /// The oracle file, or `nil` for a fresh N(0, 1) oracle drawn from `seed`.
        public var path: String?
        /// Seed of the fresh oracle when `path` is `nil`.
        public var seed: UInt64 = 88
        /// Sequences sampled from the oracle as the training set.
        public var trainingSequences = 10_000

        /// The paper's training-set size and a fresh oracle.
        public init() {}
    }
}
