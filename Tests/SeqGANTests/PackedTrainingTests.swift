import NeuralNetwork
import Testing
@testable import SeqGAN
import TensorCore

@Suite("Training that runs only each row's counted positions")
struct PackedTrainingTests {
    static let length = 12

    /// Rows of `length` tokens in `3..<9`, ending (token 1, then padding 2) after `ends[b]`
    /// tokens; a row with `ends[b] >= length` has no end token.
    static func rows(ends: [Int]) -> [Int32] {
        var random = SplitMix64(seed: 11)
        return ends.flatMap { end -> [Int32] in
            (0..<length).map { position in
                position < end ? Int32(3 + random.next() % 6) : position == end ? 1 : 2
            }
        }
    }

    static func generator(conditioned: Bool) -> Generator {
        var config = GeneratorConfig(
            vocabularySize: 9, embeddingSize: 4, hiddenSize: 20, sequenceLength: 4,
            initialStandardDeviation: 0.4, layers: 2)
        config.sequenceEnd = SequenceEnd(endToken: 1, paddingToken: 2)
        if conditioned { config.featureCount = ToyGrammarReader.featureCount }
        let generator = Generator(config: config)
        var random = SplitMix64(seed: 12)
        generator.initializeRandom(using: &random)
        if conditioned { generator.conditioning = ToyGrammarReader.conditioning() }
        return generator
    }

    @Test(
        "chunks packed by the rows' lengths give the losses and gradients of the same chunks run over the padding with weight 0",
        arguments: [false, true])
    func packedEqualsMasked(conditioned: Bool) {
        let ends = [11, 2, 12, 5, 0, 7, 3]
        let batch = ends.count
        let rows = Self.rows(ends: ends)
        let end = SequenceEnd(endToken: 1, paddingToken: 2)
        let counted = (0..<batch).map { b in
            rows.withUnsafeBufferPointer { end.countedLength(of: $0.baseAddress! + b * Self.length, length: Self.length) }
        }
        let packed = Self.generator(conditioned: conditioned)
        let masked = Self.generator(conditioned: conditioned)
        let packedWorkspace = Generator.Workspace(batchSize: batch, generator: packed)
        let maskedWorkspace = Generator.Workspace(batchSize: batch, generator: masked)
        for chunk in [0..<4, 4..<8, 8..<12] {
            let weights = (0..<batch).flatMap { b in chunk.map { $0 < counted[b] ? Float(1) : 0 } }
            func run(_ generator: Generator, _ workspace: Generator.Workspace, lengths: [Int]?) -> Double {
                rows.withUnsafeBufferPointer { rows in
                    weights.withUnsafeBufferPointer { weights in
                        generator.accumulateGradients(
                            sequences: rows.baseAddress!, inputs: nil, rowLength: Self.length, chunk: chunk,
                            carryState: true, batch: batch, weights: weights.baseAddress!,
                            rowLengths: lengths, uniformWeight: 1, dropoutSeed: nil, workspace: workspace)
                    }
                }
            }
            let a = run(packed, packedWorkspace, lengths: counted)
            let b = run(masked, maskedWorkspace, lengths: nil)
            #expect(abs(a - b) <= 1e-5 * max(1, abs(b)), "chunk \(chunk): loss \(a) against \(b)")
            let worst = zip(packed.arena.gradients.array, masked.arena.gradients.array)
                .map { abs($0 - $1) / max(1, abs($1)) }.max()!
            #expect(worst < 1e-5, "chunk \(chunk): worst gradient difference \(worst)")
        }
    }

    @Test("a batch's rows are dealt to the partitions by length, back and forth, each partition's longest first")
    func rowsDealtByLength() {
        let generator = Self.generator(conditioned: false)
        let workspace = Generator.Workspace(batchSize: 6, generator: generator)
        let lengths = [3, 9, 5, 9, 1, 7]
        lengths.withUnsafeBufferPointer {
            generator.assignRows(batch: 6, rowLengths: $0.baseAddress!, workspace: workspace)
        }
        let dealt = workspace.partitions.map { part in (0..<part.rowCount).map { part.batchRows[$0] } }
        // Longest first: rows 1, 3 (9), 5 (7), 2 (5), 0 (3), 4 (1), dealt 0, 1, 1, 0, 0, 1.
        #expect(dealt == [[1, 2, 0], [3, 5, 4]])
        generator.assignRows(batch: 5, rowLengths: nil, workspace: workspace)
        #expect(workspace.partitions.map { part in (0..<part.rowCount).map { part.batchRows[$0] } } == [[0, 1, 2], [3, 4]])
    }
}
