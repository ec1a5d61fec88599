/// Cumulative BLEU-n of hypotheses against one whole, fixed reference set.
///
/// Every hypothesis is scored against *all* references exactly as NLTK's
/// `sentence_bleu(references, hypothesis, weights=(1/n,)*n, smoothing_function=...)` does:
/// n-gram counts clipped by their maximum count in any single reference, the brevity penalty
/// from the closest reference length (ties to the shorter). Because the reference set is fixed,
/// the maximum count of every reference n-gram and the sorted reference lengths are computed
/// once, in `init`; scoring a hypothesis of length h then costs O(h n) hash look-ups.
///
/// Tokens are integer ids; for text tokens use `TextBLEUScorer`.
public struct BLEUScorer: Sendable {
    /// The highest n-gram order n (weights are 1/n for orders 1...n).
    public let order: Int
    /// How zero counts are smoothed.
    public let smoothing: BLEUSmoothing
    /// The number of references.
    public let referenceCount: Int
    private let counts: ReferenceNGramCounts
    private let lengths: ClosestLengthTable

    /// Precomputes the clipping limits and lengths of `references`.
    ///
    /// - Parameters:
    ///   - references: The reference set (token ids, each in `0..<UInt32.max`).
    ///   - order: The highest n-gram order n, at least 1.
    ///   - smoothing: `.method1` (NLTK `SmoothingFunction().method1`) or `.none`.
    /// - Throws: `BLEUError` for n < 1, an empty reference set or an out-of-range token.
    public init(references: [[Int]], order: Int, smoothing: BLEUSmoothing = .method1)
        throws(BLEUError)
    {
        guard order >= 1 else { throw .invalidOrder(order) }
        guard !references.isEmpty else { throw .emptyReferenceSet }
        let sequences = try TokenSequences(references)
        self.order = order
        self.smoothing = smoothing
        referenceCount = references.count
        counts = ReferenceNGramCounts(sequences, maximumOrder: order)
        lengths = ClosestLengthTable(lengths: references.map(\.count))
    }

    /// The BLEU score of each hypothesis, in order.
    ///
    /// - Throws: `BLEUError.tokenOutOfRange` for a token outside `0..<UInt32.max`.
    public func scores(_ hypotheses: [[Int]]) throws(BLEUError) -> [Double] {
        sentenceScores(
            try TokenSequences(hypotheses), against: counts, lengths: lengths,
            smoothing: smoothing, leavingOutSelf: false)
    }

    /// The BLEU score of one hypothesis.
    ///
    /// Each call sets up scratch space as large as the reference n-gram table; to score many
    /// hypotheses (roll-outs, samples) pass them together to `scores(_:)`.
    public func score(_ hypothesis: [Int]) throws(BLEUError) -> Double {
        try scores([hypothesis])[0]
    }

    /// The mean BLEU score over `hypotheses` (0 for none): the number papers report.
    public func meanScore(_ hypotheses: [[Int]]) throws(BLEUError) -> Double {
        Statistics.mean(try scores(hypotheses))
    }
}
