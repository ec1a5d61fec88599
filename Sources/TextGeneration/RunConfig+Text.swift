import SeqGAN
import TextEncoding

extension RunConfig {
    /// Scoring tables larger than this many bytes are not built (the discriminator then scores
    /// by convolution): large word vocabularies with long `T` would need gigabytes.
    static let projectionTableBudget = 600_000_000

    /// The default settings for text of `vocabularySize` ids (reserved ones included) in rows
    /// of `length` tokens.
    ///
    /// The paper's networks: generator E 32, H 32, start token `<pad>`, with the vocabulary's
    /// `<end>` and `<pad>` as its ``SequenceEnd``; the released discriminator's filter table
    /// for `T`. SeqGAN with the schedule of music runs: batch 64, 50 MLE epochs, 10
    /// discriminator pre-training steps of 2 epochs, then 30 rounds of 1 generator step (16
    /// roll-outs per prefix, policy-gradient Adam 0.005: on the Obama sentences 0.001 left
    /// BLEU where MLE had it, 0.005 raised BLEU-3 from 0.242 to 0.266; see docs/text.md) and 1
    /// discriminator step, evaluated every 10 epochs or rounds on 1,000 samples with BLEU-2 (characters) or BLEU-3 (words) against the test
    /// split. `apply(_:)` with a preset replaces the schedule.
    public static func text(vocabularySize: Int, length: Int, tokens: Tokenizer) -> RunConfig {
        var config = RunConfig()
        config.applyCorpusSchedule()
        config.optimizer.policyGradientLearningRate = 5e-3
        config.generator = GeneratorConfig(
            vocabularySize: vocabularySize, embeddingSize: 32, hiddenSize: 32,
            sequenceLength: length,
            startToken: Vocabulary.paddingID,
            sequenceEnd: SequenceEnd(endToken: Vocabulary.endID, paddingToken: Vocabulary.paddingID)
        )
        config.discriminator = DiscriminatorConfig(
            vocabularySize: vocabularySize, sequenceLength: length)
        let tableBytes =
            config.discriminator.filterBanks.reduce(0) { $0 + $1.window * $1.count }
            * vocabularySize * 4
        config.discriminator.projectionTables = tableBytes <= projectionTableBudget
        config.optimizer.batchSize = 64
        config.rewards.rolloutsPerPrefix = 16
        config.evaluation.samples = 1000
        config.evaluation.discriminatorSamples = 1000
        config.evaluation.bleuOrder = tokens == .char ? 2 : 3
        return config
    }
}
