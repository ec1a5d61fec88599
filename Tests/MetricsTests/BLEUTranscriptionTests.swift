import Randomness
import Foundation
import Metrics
import Testing

/// A direct, slow transcription of NLTK's `sentence_bleu` (dictionaries of n-grams, a scan of
/// every reference), to check the fast scorer on many more random cases than the golden file.
enum NLTKTranscription {
    static func counts(_ sequence: [Int], _ order: Int) -> [[Int]: Int] {
        guard sequence.count >= order else { return [:] }
        var counts: [[Int]: Int] = [:]
        for start in 0...(sequence.count - order) {
            counts[Array(sequence[start..<(start + order)]), default: 0] += 1
        }
        return counts
    }

    static func bleu(
        references: [[Int]], hypothesis: [Int], order: Int, smoothing: BLEUSmoothing
    ) -> Double {
        var numerators: [Int] = []
        var denominators: [Int] = []
        for n in 1...order {
            let hypothesisCounts = counts(hypothesis, n)
            var maximum: [[Int]: Int] = [:]
            for reference in references {
                let referenceCounts = counts(reference, n)
                for gram in hypothesisCounts.keys {
                    maximum[gram] = max(maximum[gram] ?? 0, referenceCounts[gram] ?? 0)
                }
            }
            numerators.append(
                hypothesisCounts.reduce(0) { $0 + min($1.value, maximum[$1.key] ?? 0) })
            denominators.append(max(1, hypothesisCounts.values.reduce(0, +)))
        }
        if numerators[0] == 0 { return 0 }
        let h = hypothesis.count
        let r = references.map(\.count).min { (abs($0 - h), $0) < (abs($1 - h), $1) }!
        let penalty = h > r ? 1 : exp(1 - Double(r) / Double(h))
        var sum = 0.0
        for (numerator, denominator) in zip(numerators, denominators) {
            let precision =
                numerator > 0
                ? Double(numerator) / Double(denominator)
                : (smoothing == .method1 ? 0.1 / Double(denominator) : Double.leastNormalMagnitude)
            sum += 1 / Double(order) * log(precision)
        }
        return penalty * exp(sum)
    }
}

@Suite("BLEU and self-BLEU against a direct transcription of NLTK, on random cases")
struct BLEUTranscriptionTests {
    static func randomSequences(
        _ count: Int, vocabulary: Int, maximumLength: Int, using generator: inout SplitMix64
    ) -> [[Int]] {
        (0..<count).map { _ in
            (0..<Int.random(in: 0...maximumLength, using: &generator)).map { _ in
                Int.random(in: 0..<vocabulary, using: &generator)
            }
        }
    }

    @Test("200 random reference sets", arguments: 0..<4)
    func bleu(batch: Int) throws {
        var generator = SplitMix64(seed: UInt64(100 + batch))
        for _ in 0..<50 {
            let vocabulary = [2, 3, 5, 20].randomElement(using: &generator)!
            let order = Int.random(in: 1...6, using: &generator)
            let smoothing = BLEUSmoothing.allCases.randomElement(using: &generator)!
            let references = Self.randomSequences(
                Int.random(in: 1...12, using: &generator), vocabulary: vocabulary,
                maximumLength: 10, using: &generator)
            let hypotheses = Self.randomSequences(
                8, vocabulary: vocabulary, maximumLength: 10, using: &generator)
            let scores = try BLEUScorer(
                references: references, order: order, smoothing: smoothing
            ).scores(hypotheses)
            for (hypothesis, score) in zip(hypotheses, scores) {
                let expected = NLTKTranscription.bleu(
                    references: references, hypothesis: hypothesis, order: order,
                    smoothing: smoothing)
                #expect(abs(score - expected) <= 1e-12, "\(hypothesis) vs \(references)")
            }
        }
    }

    @Test("200 random sample sets for self-BLEU, with many ties between samples")
    func selfBLEU() throws {
        var generator = SplitMix64(seed: 9)
        for _ in 0..<200 {
            let order = Int.random(in: 1...4, using: &generator)
            // A tiny vocabulary makes equal n-gram counts in several samples common.
            let samples = Self.randomSequences(
                Int.random(in: 2...10, using: &generator), vocabulary: 2, maximumLength: 8,
                using: &generator)
            let scores = try SelfBLEU.scores(samples, order: order, smoothing: .method1)
            for index in samples.indices {
                var others = samples
                others.remove(at: index)
                let expected = NLTKTranscription.bleu(
                    references: others, hypothesis: samples[index], order: order,
                    smoothing: .method1)
                #expect(abs(scores[index] - expected) <= 1e-12, "sample \(index) of \(samples)")
            }
        }
    }
}
