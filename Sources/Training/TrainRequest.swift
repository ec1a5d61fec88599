import Foundation
import MusicEncoding
import SeqGAN
import TextEncoding
import TextGeneration

/// What `seqgan train` was asked to do, as typed values: the task, its inputs, the run
/// folder, and the settings given explicitly (`nil`: the task's default, or the saved run's).
public struct TrainRequest: Sendable {
    /// What a run trains on.
    public enum Task: String, Sendable, CaseIterable {
        /// The paper's synthetic oracle.
        case synthetic
        /// Tunes from MIDI or ABC files.
        case music
        /// Lines of text.
        case text
    }

    /// Schedule and optimiser settings given explicitly; each replaces the task's default
    /// (and the preset's, applied first).
    public struct Overrides: Sendable {
        public var preset: RunConfig.Preset?
        public var mode: RunConfig.Mode?
        public var seed: UInt64?
        public var epochs: Int?
        public var rounds: Int?
        public var discriminatorPretrainSteps: Int?
        public var discriminatorEpochs: Int?
        public var generatorSteps: Int?
        public var discriminatorSteps: Int?
        /// Teacher-forced updates per adversarial round (``RunConfig/Schedule/mleSteps``).
        public var mleSteps: Int?
        public var rolloutsPerPrefix: Int?
        public var rollout = RunConfig.RolloutPolicy.same
        public var rolloutRate: Float = 0.8
        public var pgLoss = PolicyGradientReduction.sum
        public var baseline = PolicyGradientBaseline.none
        /// The temperature of the policy the rounds train (``RunConfig/Rewards/temperature``).
        public var policyTemperature: Float?
        public var evaluateEvery: Int?
        public var evaluationSamples: Int?
        public var batchSize: Int?
        public var learningRate: Float = 0.01
        public var policyGradientLearningRate: Float?
        /// The generator's shape (`nil`: the task's default); fixed for the life of a run.
        public var embeddingSize: Int?
        public var hiddenSize: Int?
        public var layers: Int?
        public var dropout: Float?

        /// Whether any of the generator's sizes is given.
        public var setsGeneratorShape: Bool {
            embeddingSize != nil || hiddenSize != nil || layers != nil || dropout != nil
        }

        /// No setting given.
        public init() {}

        /// Applies the preset, then every setting given, over `config`.
        public func apply(to config: inout RunConfig) {
            if let preset { config.apply(preset) }
            if let mode { config.schedule.mode = mode }
            if let seed { config.seed = seed }
            if let epochs { config.schedule.epochs = epochs }
            if let rounds { config.schedule.rounds = rounds }
            if let discriminatorPretrainSteps { config.schedule.discriminatorPretrainSteps = discriminatorPretrainSteps }
            if let discriminatorEpochs { config.schedule.discriminatorEpochs = discriminatorEpochs }
            if let generatorSteps { config.schedule.generatorSteps = generatorSteps }
            if let discriminatorSteps { config.schedule.discriminatorSteps = discriminatorSteps }
            if let mleSteps { config.schedule.mleSteps = mleSteps }
            if let rolloutsPerPrefix { config.rewards.rolloutsPerPrefix = rolloutsPerPrefix }
            config.rewards.rollout = rollout
            config.rewards.rolloutRate = rolloutRate
            config.rewards.pgLoss = pgLoss
            config.rewards.baseline = baseline
            if let policyTemperature { config.rewards.temperature = policyTemperature }
            if let evaluateEvery { config.evaluation.every = evaluateEvery }
            if let evaluationSamples { config.evaluation.samples = evaluationSamples }
            if let batchSize { config.optimizer.batchSize = batchSize }
            config.optimizer.learningRate = learningRate
            if let policyGradientLearningRate { config.optimizer.policyGradientLearningRate = policyGradientLearningRate }
            if let embeddingSize { config.generator.embeddingSize = embeddingSize }
            if let hiddenSize { config.generator.hiddenSize = hiddenSize }
            if let layers { config.generator.layers = layers }
            if let dropout { config.generator.dropout = dropout }
        }
    }

    /// How music inputs become tokens and splits.
    public struct Music: Sendable {
        public var scheme = TokenScheme.tune
        public var window: Int?
        public var stride: Int?
        public var track: Int?
        /// A folder of split lists; `nil` looks for a `splits/` folder unless `noSplits`.
        public var splits: String?
        public var noSplits = false
        public var strict = false

        /// The defaults of `seqgan train`.
        public init() {}
    }

    /// How text inputs become sequences.
    public struct Text: Sendable {
        public var tokens = Tokenizer.char
        public var length: Int?
        public var windows = false
        public var stride: Int?
        public var minimumCount = 1
        public var test: String?
        public var format = TextSettings.Format.auto

        /// The defaults of `seqgan train`.
        public init() {}
    }

    /// The task asked for; `nil` chooses it from the inputs or the run folder.
    public var task: Task?
    /// Files and folders to train on (music, text).
    public var inputs: [String] = []
    /// The run folder; `nil` for the task's default (`runs/<first input>`).
    public var out: String?
    /// Continue the run in ``out`` from its checkpoint.
    public var resume = false
    /// Start from the pre-trained generator of this run folder.
    public var initFrom: String?
    /// Settings given explicitly.
    public var overrides = Overrides()
    /// The synthetic task's oracle file (`nil`: a fresh oracle from `oracleSeed`).
    public var oracle: String?
    /// Seed of a fresh oracle.
    public var oracleSeed: UInt64 = 88
    /// Oracle samples in the synthetic training set.
    public var trainSize = 10_000
    /// Music options.
    public var music = Music()
    /// Text options.
    public var text = Text()

    /// A request with every setting at its default.
    public init() {}
}
