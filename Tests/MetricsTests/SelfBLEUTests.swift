import Metrics
import Testing
import Randomness

@Suite("Self-BLEU: each sample against all the others")
struct SelfBLEUTests {
    static let cases = GoldenFixtures.bleu.selfBLEU

    @Test("every golden case equals NLTK with the sample left out", arguments: cases.map(\.name))
    func matchesNLTK(name: String) throws {
        let golden = try #require(Self.cases.first { $0.name == name })
        var interner = TokenInterner()
        let samples = interner.ids(golden.samples)
        let smoothing = try #require(BLEUSmoothing(rawValue: golden.smoothing))
        let scores = try SelfBLEU.scores(samples, order: golden.n, smoothing: smoothing)
        for (index, (ours, theirs)) in zip(scores, golden.scores).enumerated() {
            #expect(abs(ours - theirs) <= 1e-9, "sample \(index): \(ours) vs NLTK \(theirs)")
        }
        #expect(abs(Statistics.mean(scores) - golden.mean) <= 1e-9)
        let text = try SelfBLEU.scores(text: golden.samples, order: golden.n, smoothing: smoothing)
        #expect(text == scores)
    }

    @Test("a sample is never compared with itself")
    func neverItself() throws {
        // Sample 0 is unique: against itself it would score 1.
        let scores = try SelfBLEU.scores([[1, 2, 3, 4], [5, 6, 7, 8], [5, 6, 7, 8]], order: 2)
        #expect(scores[0] == 0)
        #expect(scores[1] == 1)
        #expect(scores[2] == 1)
    }

    @Test("self-BLEU equals BLEU against a reference set without the sample")
    func equalsLeaveOneOut() throws {
        var generator = SplitMix64(seed: 7)
        let samples = (0..<80).map { _ in
            (0..<Int.random(in: 0...15, using: &generator)).map { _ in
                Int.random(in: 0..<6, using: &generator)
            }
        }
        let scores = try SelfBLEU.scores(samples, order: 3, smoothing: .none)
        for index in [0, 17, 79] {
            var others = samples
            others.remove(at: index)
            let expected = try BLEUScorer(references: others, order: 3, smoothing: .none)
                .score(samples[index])
            #expect(scores[index] == expected)
        }
    }

    @Test("each call counts the samples it is given (no state between calls)")
    func noCaching() throws {
        let first = try SelfBLEU.meanScore([[1, 2, 3], [1, 2, 3]], order: 2)
        let second = try SelfBLEU.meanScore([[1, 2, 3], [4, 5, 6]], order: 2)
        #expect(first == 1)
        #expect(second == 0)
    }

    @Test("fewer than two samples throws")
    func tooFew() {
        #expect(throws: BLEUError.tooFewSamples(1)) { try SelfBLEU.scores([[1, 2]], order: 2) }
    }
}
