/// Scores every hypothesis against precomputed reference counts and lengths.
///
/// - Parameters:
///   - hypotheses: The sequences to score.
///   - counts: The references' n-gram limits.
///   - lengths: The references' lengths.
///   - smoothing: How zero counts are smoothed.
///   - leavingOutSelf: Whether hypothesis i is also reference i and must be left out of its
///     own reference set (self-BLEU).
/// - Returns: One score per hypothesis, in order.
func sentenceScores(
    _ hypotheses: TokenSequences, against counts: ReferenceNGramCounts,
    lengths: ClosestLengthTable, smoothing: BLEUSmoothing, leavingOutSelf: Bool
) -> [Double] {
    parallelScores(count: hypotheses.count) { range, output in
        let counter = ClippedMatchCounter(
            distinctNGrams: counts.distinctCount, maximumOrder: counts.maximumOrder,
            maximumHypothesisLength: hypotheses.maximumLength)
        hypotheses.tokens.withUnsafeBufferPointer { tokens in
            for index in range {
                let start = hypotheses.starts[index]
                let hypothesis = UnsafeBufferPointer(
                    rebasing: tokens[start..<hypotheses.starts[index + 1]])
                counter.count(hypothesis, in: counts, excluding: leavingOutSelf ? Int32(index) : -1)
                // Callers guarantee at least one reference besides the hypothesis itself.
                let closest = lengths.closest(
                    to: hypothesis.count, excluding: leavingOutSelf ? hypothesis.count : nil)!
                output[index] = sentenceBLEU(
                    matches: UnsafeBufferPointer(counter.matches),
                    hypothesisLength: hypothesis.count, closestReferenceLength: closest,
                    smoothing: smoothing)
            }
        }
    }
}

/// Maps string tokens to dense ids, the first new token getting the next id.
struct StringTokenIDs: Sendable {
    private(set) var ids: [String: Int] = [:]

    /// The ids of `sequences`, adding new tokens.
    mutating func intern(_ sequences: [[String]]) -> [[Int]] {
        sequences.map { sequence in
            sequence.map { token in
                if let id = ids[token] { return id }
                ids[token] = ids.count
                return ids.count - 1
            }
        }
    }

    /// The ids of `sequences`; a token never interned gets `ids.count`, an id no interned
    /// n-gram contains.
    func lookUp(_ sequences: [[String]]) -> [[Int]] {
        let foreign = ids.count
        return sequences.map { $0.map { ids[$0] ?? foreign } }
    }
}
