import Foundation
import NeuralNetwork
import Testing
@testable import SeqGAN
import TensorCore

@Suite("MLE batches of similar lengths")
struct BatchCompositionTests {
    @Test("the order is a permutation whose batches come from sorted groups; the remainder stays last")
    func similarLengthOrderRegroups() {
        let count = 100
        let batchSize = 4
        let lengths = (0..<count).map { ($0 * 37) % 23 }
        var random = SplitMix64(seed: 3)
        var shuffled = Array(0..<count)
        random.shuffle(&shuffled)
        let order = GeneratorTrainer.similarLengthOrder(shuffled, batchSize: batchSize, using: &random) { lengths[$0] }
        #expect(order.sorted() == Array(0..<count))
        let groupSize = batchSize * GeneratorTrainer.lengthGroupBatches
        let spread: (ArraySlice<Int>) -> Int = { batch in
            let values = batch.map { lengths[$0] }
            return values.max()! - values.min()!
        }
        let batches = stride(from: 0, to: count / batchSize * batchSize, by: batchSize).map { order[$0..<($0 + batchSize)] }
        let shuffledBatches = stride(from: 0, to: count / batchSize * batchSize, by: batchSize).map { shuffled[$0..<($0 + batchSize)] }
        // Rows in a batch are close in length; in shuffled batches they are not.
        #expect(batches.map(spread).reduce(0, +) * 3 < shuffledBatches.map(spread).reduce(0, +))
        // Every batch holds rows of one group of the shuffled order.
        for batch in batches {
            let groups = Set(batch.map { shuffled.firstIndex(of: $0)! / groupSize })
            #expect(groups.count == 1)
        }
    }

    @Test("an update that stops at its longest row's end equals the full-length update")
    func trimmedStepEqualsFullStep() {
        var config = GeneratorConfig(
            vocabularySize: 9, embeddingSize: 4, hiddenSize: 5, sequenceLength: 12,
            initialStandardDeviation: 0.5, layers: 2, dropout: 0.2)
        config.sequenceEnd = SequenceEnd(endToken: 1, paddingToken: 2)
        var rows: [Int32] = []
        var random = SplitMix64(seed: 8)
        for end in [5, 3, 7] {
            rows += (0..<end).map { _ in Int32(3 + random.next() % 6) } + [1] + Array(repeating: 2, count: 12 - end - 1)
        }
        func trainer(_ batches: BatchComposition) -> GeneratorTrainer {
            let generator = Generator(config: config)
            var random = SplitMix64(seed: 2)
            generator.initializeRandom(using: &random)
            var settings = OptimizerConfig()
            settings.batchSize = 3
            settings.batches = batches
            return GeneratorTrainer(generator: generator, settings: settings, dropoutSeed: 5)
        }
        let full = trainer(.shuffled)
        let trimmed = trainer(.similarLengths)
        for _ in 0..<3 {
            let a = full.step(sequences: rows, batchSize: 3)
            let b = trimmed.step(sequences: rows, batchSize: 3)
            #expect(abs(a - b) < 1e-5 * max(1, abs(a)))
        }
        let difference = zip(full.generator.arena.values.array, trimmed.generator.arena.values.array).map { abs($0 - $1) }.max()!
        #expect(difference < 1e-5)
    }
}
