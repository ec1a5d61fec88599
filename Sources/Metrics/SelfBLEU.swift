/// Self-BLEU: the BLEU of each sample against all the *other* samples, a measure of how
/// alike generated samples are (higher means less diverse).
///
/// Sample i is scored exactly as NLTK's `sentence_bleu(samples[:i] + samples[i+1:],
/// samples[i], ...)` would; it is never compared with itself. One count table serves every
/// sample: for each n-gram it keeps the largest count in one sample, which sample that is, and
/// the largest count in any other sample, so leaving sample i out is a look-up, not a rebuild.
/// Nothing is cached between calls: each call counts the samples it is given.
public enum SelfBLEU {
    /// The self-BLEU of each sample, in order.
    ///
    /// - Parameters:
    ///   - samples: The generated sequences (token ids), at least two.
    ///   - order: The highest n-gram order n, at least 1.
    ///   - smoothing: `.method1` or `.none`, as for `BLEUScorer`.
    /// - Throws: `BLEUError` for n < 1, fewer than two samples or an out-of-range token.
    public static func scores(
        _ samples: [[Int]], order: Int, smoothing: BLEUSmoothing = .method1
    ) throws(BLEUError) -> [Double] {
        guard order >= 1 else { throw .invalidOrder(order) }
        guard samples.count >= 2 else { throw .tooFewSamples(samples.count) }
        let sequences = try TokenSequences(samples)
        return sentenceScores(
            sequences, against: ReferenceNGramCounts(sequences, maximumOrder: order),
            lengths: ClosestLengthTable(lengths: samples.map(\.count)), smoothing: smoothing,
            leavingOutSelf: true)
    }

    /// The mean self-BLEU over `samples`.
    public static func meanScore(
        _ samples: [[Int]], order: Int, smoothing: BLEUSmoothing = .method1
    ) throws(BLEUError) -> Double {
        Statistics.mean(try scores(samples, order: order, smoothing: smoothing))
    }

    /// The self-BLEU of each sample of text tokens (equal strings match), in order.
    ///
    /// - Throws: `BLEUError` for n < 1 or fewer than two samples.
    public static func scores(
        text samples: [[String]], order: Int, smoothing: BLEUSmoothing = .method1
    ) throws(BLEUError) -> [Double] {
        var ids = StringTokenIDs()
        let encoded = ids.intern(samples)
        return try scores(encoded, order: order, smoothing: smoothing)
    }
}
