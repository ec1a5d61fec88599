/// Everything that determines a training run (synthetic oracle or a corpus); written to
/// `RUN/config.json` and into every checkpoint, so the same config and seed give the same
/// numbers.
public struct RunConfig: Codable, Sendable, Equatable {
    /// What happens after MLE pre-training (the paper's Table 1 rows).
    public enum Mode: String, Codable, Sendable, CaseIterable {
        /// Continue MLE training, one epoch per round.
        case mle
        /// Scheduled sampling (Bengio et al. 2015), one epoch per round, ω from 1 down by
        /// `scheduledSamplingDecay` per epoch.
        case ss
        /// The SeqGAN loop with BLEU-3 against the training set as the reward.
        case pgbleu
        /// SeqGAN: policy gradient with the discriminator's roll-out rewards.
        case seqgan

        /// One line describing the mode, for `--help`.
        public var summary: String {
            switch self {
            case .mle: "more MLE epochs"
            case .ss: "scheduled sampling"
            case .pgbleu: "policy gradient with BLEU-3 rewards"
            case .seqgan: "policy gradient with the discriminator's roll-out rewards"
            }
        }
    }

    /// Named schedules.
    public enum Preset: String, Codable, Sendable, CaseIterable {
        /// The released code's schedule: 120 MLE epochs, D pre-training 50 x 3 epochs,
        /// 200 rounds of 1 g-step and 5 x 3 D epochs.
        case paper
        /// This project's quicker schedule (see the README for its times).
        case fast

        /// One line describing the schedule, for `--help`.
        public var summary: String {
            switch self {
            case .paper: "120 epochs, D 50x3, 200 rounds of 1 g-step + 5x3 D epochs (about 9 h on 2 cores)"
            case .fast: "50 epochs, D 10x2, 20 rounds of 1 g-step + 1x2 D epochs (NLL-oracle 8.75 in 745 s)"
            }
        }
    }

    /// How the roll-out policy follows the generator.
    public enum RolloutPolicy: String, Codable, Sendable, CaseIterable {
        /// `G_β = G_θ`, copied after each round (the paper).
        case same
        /// `β ← rate β + (1 - rate) θ` after each round (what the released code intended).
        case ema

        /// One line describing the policy, for `--help`.
        public var summary: String {
            switch self {
            case .same: "G_beta = G_theta after each round (the paper)"
            case .ema: "beta <- rate * beta + (1 - rate) * theta after each round"
            }
        }
    }

    /// The generator's shape; its `vocabularySize` and `sequenceLength` are the run's `V`
    /// and `T`, the one place they are stored (the discriminator takes them from here).
    public var generator = GeneratorConfig() {
        didSet { matchDiscriminatorToGenerator() }
    }
    /// Generator optimiser settings (MLE and policy gradient).
    public var optimizer = OptimizerConfig()
    /// The discriminator (used by `seqgan` mode); its `vocabularySize` and `sequenceLength`
    /// always follow ``generator``'s.
    public var discriminator = DiscriminatorConfig() {
        didSet { matchDiscriminatorToGenerator() }
    }
    /// What is trained, in what order, for how long.
    public var schedule = Schedule()
    /// How the generator's samples are rewarded in adversarial rounds.
    public var rewards = Rewards()
    /// When and on how many samples the run is evaluated.
    public var evaluation = Evaluation()
    /// The synthetic task's oracle and training set (ignored by corpus runs).
    public var oracle = Oracle()
    /// The seed every random choice derives from.
    public var seed: UInt64 = 1
    /// A run folder that stopped after its MLE pre-training: this run starts from its
    /// pre-trained generator (and its log) instead of pre-training again.
    public var initFrom: String?

    /// Gives the discriminator the generator's `V` and `T`.
    mutating func matchDiscriminatorToGenerator() {
        if discriminator.vocabularySize != generator.vocabularySize {
            discriminator.vocabularySize = generator.vocabularySize
        }
        if discriminator.sequenceLength != generator.sequenceLength {
            discriminator.sequenceLength = generator.sequenceLength
        }
    }

    /// The released code's settings with MLE only.
    public init() {}

    /// Applies a named schedule.
    public mutating func apply(_ preset: Preset) {
        switch preset {
        case .paper:
            schedule.epochs = 120
            schedule.rounds = 200
            schedule.discriminatorPretrainSteps = 50
            schedule.discriminatorEpochs = 3
            schedule.generatorSteps = 1
            schedule.discriminatorSteps = 5
            rewards.rolloutsPerPrefix = 16
        case .fast:
            schedule.epochs = 50
            schedule.rounds = 20
            schedule.discriminatorPretrainSteps = 10
            schedule.discriminatorEpochs = 2
            schedule.generatorSteps = 1
            schedule.discriminatorSteps = 1
            rewards.rolloutsPerPrefix = 16
        }
    }

    /// The schedule that music and text runs start from: the `fast` preset's with 30 rounds
    /// (50 MLE epochs, 10 discriminator pre-training steps of 2 epochs, then rounds of 1
    /// generator step and 1 discriminator step) in `seqgan` mode, policy-gradient Adam 0.001,
    /// evaluated every 10 epochs or rounds. Callers set the roll-outs per prefix.
    public mutating func applyCorpusSchedule() {
        apply(.fast)
        schedule.rounds = 30
        schedule.mode = .seqgan
        optimizer.policyGradientLearningRate = 1e-3
        evaluation.every = 10
    }

}

extension RunConfig {
    /// The discriminator's settings as a run builds its discriminator: those of
    /// ``discriminator`` with the generator's vocabulary size and sequence length.
    ///
    /// - Throws: ``RunError/invalidConfig(_:)`` when they do not pass
    ///   ``DiscriminatorConfig/validate()`` (a hand-edited `config.json`).
    public func discriminatorForGenerator() throws -> DiscriminatorConfig {
        var config = discriminator
        config.vocabularySize = generator.vocabularySize
        config.sequenceLength = generator.sequenceLength
        do {
            try config.validate()
        } catch {
            throw RunError.invalidConfig("discriminator: \(error)")
        }
        return config
    }
}
