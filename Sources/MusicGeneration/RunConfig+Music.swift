import MusicEncoding
import SeqGAN

extension RunConfig {
    /// The default settings for training on tunes tokenized with `settings`.
    ///
    /// `V` is the tokenizer's vocabulary and `T` its window (or, for whole tunes, row) length.
    /// Every scheme gets a compact discriminator sized for training on two cores (embedding
    /// 32; 32 filters for each of windows 1, 2, 3, 4, 6, 8, 12, 16, 24, 32 up to `T`, and for
    /// whole tunes ``tuneDiscriminatorWindows``; Adam 0.001) and SeqGAN with a moderate schedule: MLE
    /// epochs, 10 discriminator pre-training steps of 2 epochs, then 30 rounds of 1 generator
    /// step (4 roll-outs per prefix, Adam 0.001) and 1 discriminator step, evaluated every 10
    /// epochs or rounds on 256 samples with BLEU-4 against the test tunes.
    ///
    /// - paper, grid: 4-bar windows, 50 MLE epochs; the paper's generator (E 32, H 32) for the
    ///   paper scheme, a wider one (E 32, H 64) for the grid.
    /// - tune: whole tunes in rows of `T` tokens that end at the tune's `end` token
    ///   (``TuneScheme/end``, padding after it); a generator of ``tuneGenerator`` size reading
    ///   the tune grammar's ``TuneTokenReader/featureCount`` features per step; roll-outs at
    ///   bar lines; batches of similar lengths; ``tuneEpochs`` MLE epochs; policy-gradient
    ///   steps on the policy at ``tuneSamplingTemperature``, each round with ``tuneMLESteps``
    ///   teacher-forced steps.
    ///
    /// `apply(_:)` with a preset replaces the schedule; docs/music.md has the measurements
    /// behind these choices.
    public static func music(settings: TokenizerSettings) -> RunConfig {
        let vocabularySize = MusicTokenizer(settings: settings).vocabularySize
        let t = settings.windowLength
        var config = RunConfig()
        config.applyCorpusSchedule()
        switch settings.scheme {
        case .paper, .grid:
            config.generator = GeneratorConfig(
                vocabularySize: vocabularySize, embeddingSize: 32, hiddenSize: settings.scheme == .paper ? 32 : 64,
                sequenceLength: t)
        case .tune:
            config.generator = GeneratorConfig(
                vocabularySize: vocabularySize, embeddingSize: tuneGenerator.embeddingSize,
                hiddenSize: tuneGenerator.hiddenSize, sequenceLength: t, startToken: TuneScheme.padding,
                sequenceEnd: SequenceEnd(endToken: TuneScheme.end, paddingToken: TuneScheme.padding),
                layers: tuneGenerator.layers, dropout: tuneGenerator.dropout)
            config.generator.featureCount = TuneTokenReader.featureCount
            config.rewards.rolloutPositions = .boundaries
            config.optimizer.batches = .similarLengths
            config.schedule.epochs = tuneEpochs
            config.rewards.temperature = tuneSamplingTemperature
            config.schedule.mleSteps = tuneMLESteps
        }
        // A compact discriminator: the text CNN's filter table has ~1,700 filters, far more than
        // a vocabulary of under 100 tokens needs, and would make each round several times slower.
        var discriminator = DiscriminatorConfig(vocabularySize: vocabularySize, sequenceLength: t)
        discriminator.embeddingSize = 32
        let windows = settings.scheme == .tune ? tuneDiscriminatorWindows : [1, 2, 3, 4, 6, 8, 12, 16, 24, 32]
        discriminator.filterBanks = windows
            .filter { $0 <= t }
            .map { DiscriminatorConfig.FilterBank(window: $0, count: 32) }
        discriminator.learningRate = 1e-3
        config.discriminator = discriminator
        config.optimizer.batchSize = 32
        config.rewards.rolloutsPerPrefix = 4
        config.evaluation.samples = 256
        config.evaluation.discriminatorSamples = 256
        config.evaluation.bleuOrder = 4
        return config
    }

    /// The discriminator's windows for whole tunes: up to 8 tokens (about half a bar). With
    /// windows of up to 64 tokens it learned the 806 Nottingham training tunes by heart (their
    /// D(real) 0.9998 at the median against 0.14 for held-out real tunes, its held-out accuracy
    /// falling from 0.87 to 0.70 during pre-training), so it rewarded nothing but copies; with
    /// these it gives held-out tunes 0.94 and tells them from generated ones at 0.84-0.88
    /// through the rounds (docs/music.md).
    public static let tuneDiscriminatorWindows = [1, 2, 3, 4, 6, 8]

    /// The temperature whole tunes are sampled at by default and the policy the adversarial
    /// rounds train (``RunConfig/Rewards/temperature``): above it the tunes wander in length
    /// and ending, and a policy trained at 1 but sampled at 0.7 gains less over MLE
    /// (docs/music.md).
    public static let tuneSamplingTemperature: Float = 0.7

    /// Teacher-forced steps per adversarial round for whole tunes
    /// (``RunConfig/Schedule/mleSteps``): without them the rounds at 0.7 end a third of the
    /// Nottingham tunes off the tonic (a fifth of real ones do); with two, about as often as
    /// real tunes, and the policy-gradient steps can keep the rate of 0.001 that without them
    /// shortened the tunes (docs/music.md).
    public static let tuneMLESteps = 2

    /// MLE epochs for whole tunes: on the Nottingham tunes the held-out NLL is lowest after
    /// about 20 and rises after 25 (docs/music.md).
    public static let tuneEpochs = 20

    /// The generator's shape for whole tunes (tune scheme), chosen by per-token NLL on the
    /// held-out Nottingham tunes (docs/music.md).
    public static let tuneGenerator = (embeddingSize: 64, hiddenSize: 128, layers: 2, dropout: Float(0.3))
}
