/// BLEU over text tokens: `BLEUScorer` with the strings mapped to ids internally.
///
/// Use this rather than ids from a model's vocabulary when the references may hold tokens the
/// vocabulary lacks: a vocabulary maps them all to one unknown id, which would then wrongly
/// match a generated unknown token. Here a token matches only an equal string, as in NLTK.
public struct TextBLEUScorer: Sendable {
    private let scorer: BLEUScorer
    private let ids: StringTokenIDs

    /// Precomputes the clipping limits and lengths of `references`.
    ///
    /// - Throws: `BLEUError` for n < 1 or an empty reference set.
    public init(references: [[String]], order: Int, smoothing: BLEUSmoothing = .method1)
        throws(BLEUError)
    {
        var ids = StringTokenIDs()
        let encoded = ids.intern(references)
        scorer = try BLEUScorer(references: encoded, order: order, smoothing: smoothing)
        self.ids = ids
    }

    /// The highest n-gram order n.
    public var order: Int { scorer.order }

    /// The BLEU score of each hypothesis, in order.
    public func scores(_ hypotheses: [[String]]) -> [Double] {
        let encoded = ids.lookUp(hypotheses)
        // Ids are small non-negative numbers, so scoring cannot throw.
        do { return try scorer.scores(encoded) } catch { preconditionFailure("\(error)") }
    }

    /// The mean BLEU score over `hypotheses` (0 for none).
    public func meanScore(_ hypotheses: [[String]]) -> Double {
        Statistics.mean(scores(hypotheses))
    }
}
