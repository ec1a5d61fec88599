import Metrics
import Testing

@Suite("Music MSE: nearest test sequence by mean squared pitch difference")
struct MusicMSETests {
    @Test("per-sample minima and their mean equal the NumPy transcription")
    func golden() throws {
        for (index, golden) in GoldenFixtures.statistics.musicMSE.enumerated() {
            let perSample = try MusicMSE.perSample(generated: golden.generated, test: golden.test)
            #expect(perSample == golden.perSample, "case \(index)")
            let mean = try MusicMSE.mean(generated: golden.generated, test: golden.test)
            #expect(abs(mean - golden.mean) <= 1e-12, "case \(index)")
        }
    }

    @Test("a generated sequence found in the test set has MSE 0")
    func exactCopy() throws {
        let test = [[60, 62, 64], [50, 50, 50]]
        #expect(
            try MusicMSE.perSample(generated: [[50, 50, 50], [52, 50, 50]], test: test)
                == [0, 4.0 / 3.0])
    }

    @Test("empty test sets and mismatched lengths throw")
    func errors() {
        #expect(throws: MusicMSEError.emptyTestSet) {
            try MusicMSE.perSample(generated: [[1]], test: [])
        }
        #expect(
            throws: MusicMSEError.lengthMismatch(
                set: "generated", index: 1, length: 2, expected: 3)
        ) {
            try MusicMSE.perSample(generated: [[1, 2, 3], [1, 2]], test: [[1, 2, 3]])
        }
    }
}
