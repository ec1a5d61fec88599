import Testing
@testable import SeqGAN
import TensorCore

@Suite("Token batches")
struct TokenBatchTests {
    @Test("a batch's rows are the consecutive runs of its length")
    func rows() {
        let batch = TokenBatch(tokens: [1, 2, 3, 4, 5, 6], length: 3)
        #expect(batch.rows == 2)
        #expect(Array(batch[0]) == [1, 2, 3])
        #expect(Array(batch[1]) == [4, 5, 6])
        #expect(TokenBatch(tokens: [], length: 4).rows == 0)
    }

    @Test("scores of a batch are the scorer's scores of its rows, one per row")
    func scoresOfBatch() {
        let scorer = MeanTokenScorer(length: 2)
        let batch = TokenBatch(tokens: [2, 4, 6, 8, 0, 0], length: 2)
        #expect(scorer.scores(of: batch) == [0.3, 0.7, 0])
        #expect(scorer.scores(of: TokenBatch(tokens: [], length: 2)).isEmpty)
    }

    @Test("roll-out rewards of a batch equal those of the pointer kernel, with the same seed")
    func rolloutRewardsOfBatch() {
        let t = 6
        let generator = Generator(config: GeneratorConfig(vocabularySize: 11, embeddingSize: 4, hiddenSize: 5, sequenceLength: t))
        var random = SplitMix64(seed: 3)
        generator.initializeRandom(using: &random)
        let sequences = generator.sample(count: 4, using: &random)
        let scorer = MeanTokenScorer(length: t)
        let viaBatch = RolloutRewards.compute(
            for: TokenBatch(tokens: sequences, length: t), perPrefix: 3, rolloutPolicy: generator, scorer: scorer, seed: 9)
        let viaPointer = sequences.withUnsafeBufferPointer {
            RolloutRewards.compute(
                for: $0.baseAddress!, batch: 4, sequenceLength: t, perPrefix: 3, rolloutPolicy: generator,
                scorer: scorer, seed: 9)
        }
        #expect(viaBatch.count == 4 * t)
        #expect(viaBatch == viaPointer)
        #expect(viaBatch.contains { $0 != 0 })
    }
}
