import MusicEncoding
import SeqGAN

extension RunConfig {
    /// The default settings for training on tunes tokenized with `settings`.
    ///
    /// `V` is the tokenizer's vocabulary and `T` its window length. The paper scheme gets the
    /// paper's networks (generator E 32, H 32; the released discriminator's filter table);
    /// the grid scheme a compact model sized for a few minutes of training on two cores
    /// (generator E 32, H 64; 32 filters for each of windows 1, 2, 3, 4, 6, 8, 12, 16, 24, 32
    /// up to `T`, Adam 0.001). Both use SeqGAN with a moderate schedule: 50 MLE epochs, 10
    /// discriminator pre-training steps of 2 epochs, then 30 rounds of 1 generator step (4
    /// roll-outs per prefix, Adam 0.0003) and 1 discriminator step, evaluated every 10 epochs
    /// or rounds on 256 samples with BLEU-4 against the test tunes. `apply(_:)` with a preset
    /// replaces the schedule; docs/music.md has the measurements behind these choices.
    public static func music(settings: TokenizerSettings) -> RunConfig {
        let vocabularySize = MusicTokenizer(settings: settings).vocabularySize
        let t = settings.windowLength
        var config = RunConfig()
        config.mode = .seqgan
        switch settings.scheme {
        case .paper:
            config.generator = GeneratorConfig(
                vocabularySize: vocabularySize, embeddingSize: 32, hiddenSize: 32, sequenceLength: t)
            config.discriminator = DiscriminatorConfig(vocabularySize: vocabularySize, sequenceLength: t)
        case .grid:
            config.generator = GeneratorConfig(
                vocabularySize: vocabularySize, embeddingSize: 32, hiddenSize: 64, sequenceLength: t)
            var discriminator = DiscriminatorConfig(vocabularySize: vocabularySize, sequenceLength: t)
            discriminator.embeddingSize = 32
            discriminator.filterBanks = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32]
                .filter { $0 <= t }
                .map { DiscriminatorConfig.FilterBank(window: $0, count: 32) }
            discriminator.learningRate = 1e-3
            config.discriminator = discriminator
        }
        config.optimizer.batchSize = 32
        config.optimizer.policyGradientLearningRate = 3e-4
        config.epochs = 50
        config.rounds = 30
        config.discriminatorPretrainSteps = 10
        config.discriminatorEpochs = 2
        config.generatorSteps = 1
        config.discriminatorSteps = 1
        config.rolloutsPerPrefix = 4
        config.evaluateEvery = 10
        config.evaluationSamples = 256
        config.discriminatorEvaluationSamples = 256
        config.bleuOrder = 4
        return config
    }
}
