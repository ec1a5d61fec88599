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
    }

    /// Named schedules.
    public enum Preset: String, Codable, Sendable, CaseIterable {
        /// The released code's schedule: 120 MLE epochs, D pre-training 50 x 3 epochs,
        /// 200 rounds of 1 g-step and 5 x 3 D epochs.
        case paper
        /// This project's quicker schedule (see the README for its times).
        case fast
    }

    /// How the roll-out policy follows the generator.
    public enum RolloutPolicy: String, Codable, Sendable, CaseIterable {
        /// `G_β = G_θ`, copied after each round (the paper).
        case same
        /// `β ← rate β + (1 - rate) θ` after each round (what the released code intended).
        case ema
    }

    /// The generator's shape.
    public var generator = GeneratorConfig()
    /// Generator optimiser settings (MLE and policy gradient).
    public var optimizer = OptimizerConfig()
    /// The discriminator (used by `seqgan` mode).
    public var discriminator = DiscriminatorConfig()
    /// What follows MLE pre-training.
    public var mode = Mode.mle
    /// The seed every random choice derives from.
    public var seed: UInt64 = 1
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
    /// ω's decrease per epoch in `ss` mode.
    public var scheduledSamplingDecay = 0.002
    /// Sequences sampled from the oracle as the training set (synthetic task), or the number
    /// of negatives sampled for each discriminator update (corpora: set to the corpus size).
    public var trainingSequences = 10_000
    /// Samples drawn from the generator for each evaluation (NLL-oracle, BLEU).
    public var evaluationSamples = 10_000
    /// Held-out real and fake sequences (each) for the discriminator's evaluation.
    public var discriminatorEvaluationSamples = 1_000
    /// Evaluate every this many epochs or rounds (and after the last).
    public var evaluateEvery = 5
    /// BLEU order for corpus runs (4 for music, 2 for poems).
    public var bleuOrder = 4
    /// The oracle file, or `nil` for a fresh N(0, 1) oracle drawn from `oracleSeed`.
    public var oraclePath: String?
    /// Seed of the fresh oracle when `oraclePath` is `nil`.
    public var oracleSeed: UInt64 = 88
    /// A run folder that stopped after its MLE pre-training: this run starts from its
    /// pre-trained generator (and its log) instead of pre-training again.
    public var initFrom: String?

    /// The released code's settings with MLE only.
    public init() {}

    /// Applies a named schedule.
    public mutating func apply(_ preset: Preset) {
        switch preset {
        case .paper:
            epochs = 120
            rounds = 200
            discriminatorPretrainSteps = 50
            discriminatorEpochs = 3
            generatorSteps = 1
            discriminatorSteps = 5
            rolloutsPerPrefix = 16
        case .fast:
            epochs = 50
            rounds = 20
            discriminatorPretrainSteps = 10
            discriminatorEpochs = 2
            generatorSteps = 1
            discriminatorSteps = 1
            rolloutsPerPrefix = 16
        }
    }

    /// The schedule that music and text runs start from: SeqGAN after 50 MLE epochs, 10
    /// discriminator pre-training steps of 2 epochs, then 30 rounds of 1 generator step
    /// (policy-gradient Adam 0.001) and 1 discriminator step, evaluated every 10 epochs or
    /// rounds.
    public mutating func applyCorpusSchedule() {
        mode = .seqgan
        optimizer.policyGradientLearningRate = 1e-3
        epochs = 50
        rounds = 30
        discriminatorPretrainSteps = 10
        discriminatorEpochs = 2
        generatorSteps = 1
        discriminatorSteps = 1
        evaluateEvery = 10
    }

    public init(from decoder: any Decoder) throws {
        let d = RunConfig()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func value<T: Decodable>(_ key: CodingKeys, _ fallback: T) throws -> T {
            try c.decodeIfPresent(T.self, forKey: key) ?? fallback
        }
        generator = try value(.generator, d.generator)
        optimizer = try value(.optimizer, d.optimizer)
        discriminator = try value(.discriminator, d.discriminator)
        mode = try value(.mode, d.mode)
        seed = try value(.seed, d.seed)
        epochs = try value(.epochs, d.epochs)
        rounds = try value(.rounds, d.rounds)
        discriminatorPretrainSteps = try value(.discriminatorPretrainSteps, d.discriminatorPretrainSteps)
        discriminatorEpochs = try value(.discriminatorEpochs, d.discriminatorEpochs)
        generatorSteps = try value(.generatorSteps, d.generatorSteps)
        discriminatorSteps = try value(.discriminatorSteps, d.discriminatorSteps)
        rolloutsPerPrefix = try value(.rolloutsPerPrefix, d.rolloutsPerPrefix)
        rollout = try value(.rollout, d.rollout)
        rolloutRate = try value(.rolloutRate, d.rolloutRate)
        pgLoss = try value(.pgLoss, d.pgLoss)
        baseline = try value(.baseline, d.baseline)
        scheduledSamplingDecay = try value(.scheduledSamplingDecay, d.scheduledSamplingDecay)
        trainingSequences = try value(.trainingSequences, d.trainingSequences)
        evaluationSamples = try value(.evaluationSamples, d.evaluationSamples)
        discriminatorEvaluationSamples = try value(.discriminatorEvaluationSamples, d.discriminatorEvaluationSamples)
        evaluateEvery = try value(.evaluateEvery, d.evaluateEvery)
        bleuOrder = try value(.bleuOrder, d.bleuOrder)
        oraclePath = try c.decodeIfPresent(String.self, forKey: .oraclePath)
        oracleSeed = try value(.oracleSeed, d.oracleSeed)
        initFrom = try c.decodeIfPresent(String.self, forKey: .initFrom)
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
