// The names of the settings before they had sections, kept so that code written against
// them still builds. Prefer the sections (`config.schedule.epochs`, ...).

extension RunConfig {
    /// The same as `schedule.mode`. Prefer `schedule.mode`.
    public var mode: Mode {
        get { schedule.mode }
        set { schedule.mode = newValue }
    }

    /// The same as `schedule.epochs`. Prefer `schedule.epochs`.
    public var epochs: Int {
        get { schedule.epochs }
        set { schedule.epochs = newValue }
    }

    /// The same as `schedule.rounds`. Prefer `schedule.rounds`.
    public var rounds: Int {
        get { schedule.rounds }
        set { schedule.rounds = newValue }
    }

    /// The same as `schedule.discriminatorPretrainSteps`. Prefer `schedule.discriminatorPretrainSteps`.
    public var discriminatorPretrainSteps: Int {
        get { schedule.discriminatorPretrainSteps }
        set { schedule.discriminatorPretrainSteps = newValue }
    }

    /// The same as `schedule.discriminatorEpochs`. Prefer `schedule.discriminatorEpochs`.
    public var discriminatorEpochs: Int {
        get { schedule.discriminatorEpochs }
        set { schedule.discriminatorEpochs = newValue }
    }

    /// The same as `schedule.generatorSteps`. Prefer `schedule.generatorSteps`.
    public var generatorSteps: Int {
        get { schedule.generatorSteps }
        set { schedule.generatorSteps = newValue }
    }

    /// The same as `schedule.discriminatorSteps`. Prefer `schedule.discriminatorSteps`.
    public var discriminatorSteps: Int {
        get { schedule.discriminatorSteps }
        set { schedule.discriminatorSteps = newValue }
    }

    /// The same as `schedule.scheduledSamplingDecay`. Prefer `schedule.scheduledSamplingDecay`.
    public var scheduledSamplingDecay: Double {
        get { schedule.scheduledSamplingDecay }
        set { schedule.scheduledSamplingDecay = newValue }
    }

    /// The same as `rewards.rolloutsPerPrefix`. Prefer `rewards.rolloutsPerPrefix`.
    public var rolloutsPerPrefix: Int {
        get { rewards.rolloutsPerPrefix }
        set { rewards.rolloutsPerPrefix = newValue }
    }

    /// The same as `rewards.rollout`. Prefer `rewards.rollout`.
    public var rollout: RolloutPolicy {
        get { rewards.rollout }
        set { rewards.rollout = newValue }
    }

    /// The same as `rewards.rolloutRate`. Prefer `rewards.rolloutRate`.
    public var rolloutRate: Float {
        get { rewards.rolloutRate }
        set { rewards.rolloutRate = newValue }
    }

    /// The same as `rewards.pgLoss`. Prefer `rewards.pgLoss`.
    public var pgLoss: PolicyGradientReduction {
        get { rewards.pgLoss }
        set { rewards.pgLoss = newValue }
    }

    /// The same as `rewards.baseline`. Prefer `rewards.baseline`.
    public var baseline: PolicyGradientBaseline {
        get { rewards.baseline }
        set { rewards.baseline = newValue }
    }

    /// The same as `evaluation.samples`. Prefer `evaluation.samples`.
    public var evaluationSamples: Int {
        get { evaluation.samples }
        set { evaluation.samples = newValue }
    }

    /// The same as `evaluation.discriminatorSamples`. Prefer `evaluation.discriminatorSamples`.
    public var discriminatorEvaluationSamples: Int {
        get { evaluation.discriminatorSamples }
        set { evaluation.discriminatorSamples = newValue }
    }

    /// The same as `evaluation.every`. Prefer `evaluation.every`.
    public var evaluateEvery: Int {
        get { evaluation.every }
        set { evaluation.every = newValue }
    }

    /// The same as `evaluation.bleuOrder`. Prefer `evaluation.bleuOrder`.
    public var bleuOrder: Int {
        get { evaluation.bleuOrder }
        set { evaluation.bleuOrder = newValue }
    }

    /// The same as `oracle.path`. Prefer `oracle.path`.
    public var oraclePath: String? {
        get { oracle.path }
        set { oracle.path = newValue }
    }

    /// The same as `oracle.seed`. Prefer `oracle.seed`.
    public var oracleSeed: UInt64 {
        get { oracle.seed }
        set { oracle.seed = newValue }
    }

    /// The same as `oracle.trainingSequences`. Prefer `oracle.trainingSequences`.
    public var trainingSequences: Int {
        get { oracle.trainingSequences }
        set { oracle.trainingSequences = newValue }
    }
}
