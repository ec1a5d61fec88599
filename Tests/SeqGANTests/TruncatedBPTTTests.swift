import Foundation
import NeuralNetwork
import Testing
@testable import SeqGAN
import TensorCore

@Suite("Truncated back-propagation through time")
struct TruncatedBPTTTests {
    func makeTrainer(_ config: GeneratorConfig, batchSize: Int, seed: UInt64 = 1) -> GeneratorTrainer {
        let generator = Generator(config: config)
        var random = SplitMix64(seed: seed)
        generator.initializeRandom(using: &random)
        var settings = OptimizerConfig()
        settings.batchSize = batchSize
        return GeneratorTrainer(generator: generator, settings: settings, dropoutSeed: 3)
    }

    /// `count` rows of `length` random tokens in `1..<vocabulary`.
    func randomRows(count: Int, length: Int, vocabulary: Int, seed: UInt64) -> [Int32] {
        var random = SplitMix64(seed: seed)
        return (0..<(count * length)).map { _ in Int32(1 + random.next() % UInt64(vocabulary - 1)) }
    }

    @Test(
        "one chunk at least as long as the sequences is the full-sequence step, bit for bit",
        arguments: [1, 2], [false, true])
    func oneChunkIsFullBPTT(layers: Int, withEnd: Bool) {
        let length = 6
        var config = GeneratorConfig(
            vocabularySize: 9, embeddingSize: 4, hiddenSize: 5, sequenceLength: length,
            initialStandardDeviation: 0.5, layers: layers, dropout: layers > 1 ? 0.2 : 0)
        if withEnd { config.sequenceEnd = SequenceEnd(endToken: 1, paddingToken: 2) }
        let rows = randomRows(count: 5, length: length, vocabulary: 9, seed: 4)
        let full = makeTrainer(config, batchSize: 5)
        let chunked = makeTrainer(config, batchSize: 5)
        // A generator whose T exceeds the sequences runs them as one shorter chunk.
        var longer = config
        longer.sequenceLength = 10
        let longChunk = makeTrainer(longer, batchSize: 5)
        for _ in 0..<3 {
            let a = full.step(sequences: rows, batchSize: 5)
            let b = chunked.truncatedStep(sequences: rows, length: length, batchSize: 5)
            let c = longChunk.truncatedStep(sequences: rows, length: length, batchSize: 5)
            #expect(a == b && a == c)
        }
        #expect(full.generator.arena.values.array == chunked.generator.arena.values.array)
        #expect(full.generator.arena.values.array == longChunk.generator.arena.values.array)
    }

    @Test("tokens after a row's end token change nothing, in any chunk")
    func maskedAfterEnd() {
        let length = 12
        var config = GeneratorConfig(
            vocabularySize: 9, embeddingSize: 4, hiddenSize: 5, sequenceLength: 4,
            initialStandardDeviation: 0.5, layers: 2)
        config.sequenceEnd = SequenceEnd(endToken: 1, paddingToken: 2)
        var first = randomRows(count: 3, length: length, vocabulary: 9, seed: 5).map { $0 == 1 ? 3 : $0 }
        first[0 * length + 5] = 1  // ends in the second chunk
        first[1 * length + 2] = 1  // ends in the first chunk
        var second = first
        for position in 6..<length { second[position] = 2 }
        for position in 3..<length { second[length + position] = 7 }
        let a = makeTrainer(config, batchSize: 3)
        let b = makeTrainer(config, batchSize: 3)
        let lossA = a.truncatedStep(sequences: first, length: length, batchSize: 3)
        let lossB = b.truncatedStep(sequences: second, length: length, batchSize: 3)
        #expect(lossA == lossB)
        #expect(a.generator.arena.values.array == b.generator.arena.values.array)
    }

    @Test("a token copied from more than a chunk back is learnt only when the state is carried")
    func carriedStateIsUsed() {
        // Rows `3 3 a 3 3 3 3 a` with `a` in {1, 2}: the last token repeats the one five
        // positions back, in the previous chunk of 4; nothing in its own chunk tells which.
        let length = 8
        let count = 32
        var data: [Int32] = []
        for row in 0..<count {
            let a = Int32(1 + row % 2)
            data += [3, 3, a, 3, 3, 3, 3, a]
        }
        let config = GeneratorConfig(
            vocabularySize: 4, embeddingSize: 8, hiddenSize: 16, sequenceLength: 4,
            initialStandardDeviation: 0.3, layers: 2)
        func lastTokenNLL(carried: Bool) -> Double {
            let generator = Generator(config: config)
            var random = SplitMix64(seed: 6)
            generator.initializeRandom(using: &random)
            var settings = OptimizerConfig()
            settings.batchSize = count
            settings.learningRate = 0.003
            let trainer = GeneratorTrainer(generator: generator, settings: settings)
            for _ in 0..<500 {
                trainer.truncatedStep(sequences: data, length: length, batchSize: count, carriesState: carried)
            }
            // Score whole rows with a generator of T = 8 holding the trained weights.
            var whole = config
            whole.sequenceLength = length
            let scorer = Generator(config: whole)
            scorer.arena.copyValues(from: trainer.generator.arena)
            let workspace = Generator.Workspace(batchSize: count, generator: scorer)
            let rowNLL = scorer.negativeLogLikelihoods(of: data, count: count, workspace: workspace)
            // Every row: log 2 for the first `a`, ~0 for the fillers, the rest is the last token.
            let mean = rowNLL.reduce(0.0) { $0 + Double($1) } / Double(count)
            return mean * Double(length) - log(2.0)
        }
        let carried = lastTokenNLL(carried: true)
        let reset = lastTokenNLL(carried: false)
        #expect(carried < 0.1, "carried state: last-token NLL \(carried)")
        #expect(reset > 0.5, "state reset at every chunk: last-token NLL \(reset)")
    }

    @Test("an epoch over long sequences trains chunk by chunk and is reproducible")
    func truncatedEpoch() {
        let length = 20
        let config = GeneratorConfig(
            vocabularySize: 6, embeddingSize: 4, hiddenSize: 6, sequenceLength: 5, layers: 2, dropout: 0.1)
        // Rows counting up modulo 5 from a random start: every token follows from the previous.
        var random = SplitMix64(seed: 7)
        let data = (0..<16).flatMap { _ -> [Int32] in
            let start = Int(random.next() % 5)
            return (0..<length).map { Int32(1 + (start + $0) % 5) }
        }
        func train() -> ([Float], [Double]) {
            let trainer = makeTrainer(config, batchSize: 8, seed: 8)
            var losses: [Double] = []
            for epoch in 0..<30 {
                var order = SplitMix64(seed: 9, stream: UInt64(epoch))
                losses.append(trainer.trainTruncatedEpoch(data: data, count: 16, length: length, using: &order))
            }
            return (trainer.generator.arena.values.array, losses)
        }
        let (first, losses) = train()
        #expect(first == train().0)
        #expect(losses.last! < 0.5 * losses.first!, "losses \(losses.first!) -> \(losses.last!)")
    }
}
