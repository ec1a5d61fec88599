import Testing
import NeuralNetwork
@testable import SeqGAN
import TensorCore

@Suite("Generator sampling beyond T")
struct GeneratorLongSamplingTests {
    static func makeGenerator() -> Generator {
        let generator = Generator(
            config: GeneratorConfig(
                vocabularySize: 11, embeddingSize: 4, hiddenSize: 6, sequenceLength: 5,
                initialStandardDeviation: 0.8))
        var random = SplitMix64(seed: 9)
        generator.initializeRandom(using: &random)
        return generator
    }

    @Test("rows longer than T begin with exactly the T tokens sample(count:) draws, across chunks")
    func longRowsExtendShortOnes() {
        let generator = Self.makeGenerator()
        let count = Generator.samplingChunk + 3  // two chunks, the second partial
        var short = SplitMix64(seed: 4)
        var long = SplitMix64(seed: 4)
        let t = generator.config.sequenceLength
        let a = generator.sample(count: count, temperature: 0.7, using: &short)
        let b = generator.sample(count: count, length: 3 * t, temperature: 0.7, using: &long)
        #expect(b.count == count * 3 * t)
        for row in 0..<count {
            #expect(Array(a[(row * t)..<(row * t + t)]) == Array(b[(row * 3 * t)..<(row * 3 * t + t)]))
        }
        #expect(b.allSatisfy { (0..<11).contains($0) })
        // The continuation is not a copy of the first window.
        let repeats = (0..<count).filter { row in
            Array(b[(row * 3 * t)..<(row * 3 * t + t)]) == Array(b[(row * 3 * t + t)..<(row * 3 * t + 2 * t)])
        }
        #expect(repeats.count < count / 2)
        // Both draw the same number of values from the caller's generator.
        #expect(short.next() == long.next())
    }
}
