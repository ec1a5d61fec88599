import Foundation
import Metrics
import Testing
import Randomness

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
