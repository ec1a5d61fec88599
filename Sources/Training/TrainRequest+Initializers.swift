import Foundation
import MusicEncoding
import SeqGAN
import TextEncoding
import TextGeneration

extension TrainRequest {
    /// A request with every part given (the options of `seqgan train`, one to one).
    public init(
        task: Task?, inputs: [String], out: String?, resume: Bool, initFrom: String?, oracle: String?,
        oracleSeed: UInt64, trainSize: Int, music: Music, text: Text, overrides: Overrides
    ) {
        self.init()
        (self.task, self.inputs, self.out, self.resume, self.initFrom) = (task, inputs, out, resume, initFrom)
        (self.oracle, self.oracleSeed, self.trainSize) = (oracle, oracleSeed, trainSize)
        (self.music, self.text, self.overrides) = (music, text, overrides)
    }
}

extension TrainRequest.Music {
    /// Music options with every field given.
    public init(
        scheme: TokenScheme, window: Int?, stride: Int?, track: Int?, splits: String?, noSplits: Bool, strict: Bool
    ) {
        self.init()
        (self.scheme, self.window, self.stride, self.track) = (scheme, window, stride, track)
        (self.splits, self.noSplits, self.strict) = (splits, noSplits, strict)
    }
}

extension TrainRequest.Text {
    /// Text options with every field given.
    public init(
        tokens: Tokenizer, length: Int?, windows: Bool, stride: Int?, minimumCount: Int, test: String?,
        format: TextSettings.Format
    ) {
        self.init()
        (self.tokens, self.length, self.windows, self.stride) = (tokens, length, windows, stride)
        (self.minimumCount, self.test, self.format) = (minimumCount, test, format)
    }
}

extension TrainRequest.Overrides {
    /// Overrides with every setting given (`nil`: not given).
    public init(
        preset: RunConfig.Preset?, mode: RunConfig.Mode?, seed: UInt64?, epochs: Int?, rounds: Int?,
        discriminatorPretrainSteps: Int?, discriminatorEpochs: Int?, generatorSteps: Int?, discriminatorSteps: Int?,
        mleSteps: Int? = nil, rolloutsPerPrefix: Int?, rollout: RunConfig.RolloutPolicy, rolloutRate: Float, pgLoss: PolicyGradientReduction,
        baseline: PolicyGradientBaseline, policyTemperature: Float? = nil, evaluateEvery: Int?, evaluationSamples: Int?, batchSize: Int?,
        learningRate: Float, policyGradientLearningRate: Float?, embeddingSize: Int? = nil, hiddenSize: Int? = nil,
        layers: Int? = nil, dropout: Float? = nil
    ) {
        self.init()
        (self.preset, self.mode, self.seed, self.epochs, self.rounds) = (preset, mode, seed, epochs, rounds)
        (self.discriminatorPretrainSteps, self.discriminatorEpochs) = (discriminatorPretrainSteps, discriminatorEpochs)
        (self.generatorSteps, self.discriminatorSteps, self.mleSteps) = (generatorSteps, discriminatorSteps, mleSteps)
        (self.rolloutsPerPrefix, self.rollout, self.rolloutRate) = (rolloutsPerPrefix, rollout, rolloutRate)
        (self.pgLoss, self.baseline, self.policyTemperature) = (pgLoss, baseline, policyTemperature)
        (self.evaluateEvery, self.evaluationSamples, self.batchSize) = (evaluateEvery, evaluationSamples, batchSize)
        (self.learningRate, self.policyGradientLearningRate) = (learningRate, policyGradientLearningRate)
        (self.embeddingSize, self.hiddenSize, self.layers, self.dropout) = (embeddingSize, hiddenSize, layers, dropout)
    }
}
