import NeuralNetwork
import TensorCore
import Testing

@testable import SeqGAN

@Suite("Generator sampling after a primer")
struct GeneratorPrimedTests {
    static let t = GeneratorLongSamplingTests.makeGenerator().config.sequenceLength

    @Test("every row begins with the primer, across chunks; the rest stays in the vocabulary")
    func rowsBeginWithPrimer() {
        let generator = GeneratorLongSamplingTests.makeGenerator()
        let count = Generator.samplingChunk + 3
        let primer: [Int32] = [3, 3, 7, 0, 10, 1, 2]  // longer than T = 5
        var random = SplitMix64(seed: 8)
        let rows = generator.sample(count: count, length: 20, primer: primer, temperature: 0.9, using: &random)
        #expect(rows.count == count * 20)
        for row in 0..<count {
            #expect(Array(rows[(row * 20)..<(row * 20 + primer.count)]) == primer)
        }
        #expect(rows.allSatisfy { (0..<11).contains($0) })
        // The continuations are samples, not all alike.
        let continuations = Set((0..<count).map { Array(rows[($0 * 20 + primer.count)..<($0 * 20 + 20)]) })
        #expect(continuations.count > count / 2)
    }

    @Test("an empty primer samples exactly what sample(count:length:) samples")
    func emptyPrimer() {
        let generator = GeneratorLongSamplingTests.makeGenerator()
        var a = SplitMix64(seed: 21)
        var b = SplitMix64(seed: 21)
        let plain = generator.sample(count: 40, length: 12, temperature: 1.1, using: &a)
        let primed = generator.sample(count: 40, length: 12, primer: [], temperature: 1.1, using: &b)
        #expect(plain == primed)
        #expect(a.next() == b.next())
    }

    @Test("primed with the first k tokens of its own sample, a row continues exactly as it did", arguments: [1, 4, 9])
    func ownPrefixContinuesExactly(k: Int) {
        let generator = GeneratorLongSamplingTests.makeGenerator()
        var a = SplitMix64(seed: 33)
        var b = SplitMix64(seed: 33)
        let plain = generator.sample(count: 1, length: 15, temperature: 1, using: &a)
        let primed = generator.sample(count: 1, length: 15, primer: Array(plain[0..<k]), temperature: 1, using: &b)
        #expect(primed == plain)
    }

    @Test("the same seed gives the same tunes, another seed other continuations; the primer steers the model")
    func determinism() {
        let generator = GeneratorLongSamplingTests.makeGenerator()
        func draw(seed: UInt64, primer: [Int32]) -> [Int32] {
            var random = SplitMix64(seed: seed)
            return generator.sample(count: 16, length: 10, primer: primer, using: &random)
        }
        #expect(draw(seed: 1, primer: [4, 5]) == draw(seed: 1, primer: [4, 5]))
        #expect(draw(seed: 1, primer: [4, 5]) != draw(seed: 2, primer: [4, 5]))
        // Same seed and uniforms, other primer: the LSTM state differs, so the draws do.
        let a = draw(seed: 1, primer: [4, 5]), b = draw(seed: 1, primer: [9, 0])
        let differing = (0..<16).filter { row in a[(row * 10 + 2)..<(row * 10 + 10)] != b[(row * 10 + 2)..<(row * 10 + 10)] }
        #expect(differing.count > 0)
    }
}
