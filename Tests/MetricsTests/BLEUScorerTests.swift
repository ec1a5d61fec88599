import Foundation
import Metrics
import Testing

@Suite("BLEU against NLTK and by its definition")
struct BLEUScorerTests {
    static let cases = GoldenFixtures.bleu.bleu

    @Test("every golden case equals NLTK's sentence_bleu to 1e-9", arguments: cases.map(\.name))
    func matchesNLTK(name: String) throws {
        let golden = try #require(Self.cases.first { $0.name == name })
        var interner = TokenInterner()
        let references = interner.ids(golden.references)
        let hypotheses = interner.ids(golden.hypotheses)
        let smoothing = try #require(BLEUSmoothing(rawValue: golden.smoothing))
        let scorer = try BLEUScorer(references: references, order: golden.n, smoothing: smoothing)
        let scores = try scorer.scores(hypotheses)
        #expect(scores.count == golden.scores.count)
        for (index, (ours, theirs)) in zip(scores, golden.scores).enumerated() {
            #expect(abs(ours - theirs) <= 1e-9, "hypothesis \(index): \(ours) vs NLTK \(theirs)")
        }
        #expect(abs(try scorer.meanScore(hypotheses) - golden.mean) <= 1e-9)
        // The text scorer maps strings itself and must agree exactly.
        let text = try TextBLEUScorer(
            references: golden.references, order: golden.n, smoothing: smoothing)
        #expect(text.scores(golden.hypotheses) == scores)
    }

    @Test("text tokens absent from the references never match, not even each other")
    func foreignTextTokens() throws {
        let scorer = try TextBLEUScorer(references: [["a", "b", "c"]], order: 1)
        #expect(scorer.scores([["x", "y", "z"], ["a", "x", "c"]]) == [0, 2.0 / 3.0])
    }

    @Test("the golden set covers real poems and both smoothings")
    func goldenCoverage() {
        #expect(Self.cases.filter { $0.name.hasPrefix("poems") }.count == 6)
        #expect(Self.cases.contains { $0.smoothing == "none" })
        #expect(Self.cases.contains { $0.smoothing == "method1" })
    }

    @Test("a hypothesis equal to one reference scores 1; a foreign one scores 0")
    func extremes() throws {
        let scorer = try BLEUScorer(references: [[1, 2, 3, 4, 5], [6, 7]], order: 4)
        #expect(try scorer.score([1, 2, 3, 4, 5]) == 1)
        #expect(try scorer.score([9, 9, 9]) == 0)
        #expect(try scorer.score([]) == 0)
    }

    @Test("clipping uses the maximum count in a single reference, not the sum")
    func clipping() throws {
        // "a a" appears at most twice in one reference although three times overall.
        let scorer = try BLEUScorer(references: [[1, 1, 2], [1, 2, 1, 3], [1]], order: 1)
        // Hypothesis of four 1s: clipped matches 2 of 4, length 4 > closest 4? closest is 4
        // (tie-free), so BP = 1 and BLEU-1 = 2/4.
        #expect(try scorer.score([1, 1, 1, 1]) == 0.5)
    }

    @Test("scoring in parallel chunks equals scoring one at a time")
    func parallelIsDeterministic() throws {
        var generator = SplitMix64(seed: 42)
        let references = (0..<300).map { _ in
            (0..<Int.random(in: 1...25, using: &generator)).map { _ in
                Int.random(in: 0..<12, using: &generator)
            }
        }
        let hypotheses = (0..<400).map { _ in
            (0..<Int.random(in: 0...25, using: &generator)).map { _ in
                Int.random(in: 0..<12, using: &generator)
            }
        }
        let scorer = try BLEUScorer(references: references, order: 4)
        let together = try scorer.scores(hypotheses)
        let oneByOne = try hypotheses.map { try scorer.score($0) }
        #expect(together == oneByOne)
        #expect(try scorer.scores(hypotheses) == together)
    }

    @Test("bad orders, empty reference sets and bad tokens throw")
    func errors() {
        #expect(throws: BLEUError.invalidOrder(0)) { try BLEUScorer(references: [[1]], order: 0) }
        #expect(throws: BLEUError.emptyReferenceSet) { try BLEUScorer(references: [], order: 2) }
        #expect(throws: BLEUError.tokenOutOfRange(token: -3, sequence: 1)) {
            try BLEUScorer(references: [[1], [2, -3]], order: 2)
        }
        #expect(BLEUError.invalidOrder(0).description.contains("at least 1"))
    }
}

/// A small seeded generator for test data.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("BLEU's brevity penalty and n-gram table at scale")
struct BLEUBrevityAndScaleTests {
    @Test("the closest reference length wins, ties go to the shorter reference")
    func closestLength() throws {
        // References of lengths 3, 7, 7 and 12 made of token 1; a hypothesis of five 1s has all
        // unigrams matched, so BLEU-1 is the brevity penalty alone.
        let references = [3, 7, 7, 12].map { Array(repeating: 1, count: $0) }
        let scorer = try BLEUScorer(references: references, order: 1)
        // Length 5: 3 and 7 tie, the shorter (3) wins, 5 > 3 so no penalty.
        #expect(try scorer.score(Array(repeating: 1, count: 5)) == 1)
        // Length 6: 7 is closest, penalty exp(1 - 7/6).
        let six = try scorer.score(Array(repeating: 1, count: 6))
        #expect(abs(six - exp(1 - 7.0 / 6.0)) < 1e-15)
    }

    @Test("a reference set with a hundred thousand distinct n-grams is counted exactly")
    func manyNGrams() throws {
        // Each reference is a run of distinct tokens, so every n-gram is distinct, and every
        // hypothesis copies one reference: BLEU-4 must be exactly 1 for all of them.
        let references = (0..<5_000).map { index in (0..<10).map { index * 10 + $0 } }
        let scorer = try BLEUScorer(references: references, order: 4, smoothing: .none)
        let hypotheses = stride(from: 0, to: 5_000, by: 97).map { references[$0] }
        #expect(try scorer.scores(hypotheses).allSatisfy { $0 == 1 })
        // Shifted by one token, the copy's unigrams all match, but the n-grams that cross
        // into the next reference do not: 8 of 9 bigrams, 7 of 8 trigrams, 6 of 7 4-grams.
        let shifted = Array(references[10].dropFirst()) + [references[11][0]]
        let expected = exp((log(8.0 / 9) + log(7.0 / 8) + log(6.0 / 7)) / 4)
        #expect(abs(try scorer.score(shifted) - expected) < 1e-12)
    }
}
