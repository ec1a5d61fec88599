import Metrics

/// PG-BLEU's reward: BLEU-n (uniform weights, no smoothing, as the authors' early code) of
/// each sequence against the whole training set.
public final class BLEURewardScorer: SequenceScorer {
    let scorer: BLEUScorer
    let sequenceLength: Int

    /// Precomputes the reference n-gram counts of `references` (`[count, T]`).
    public init(references: [Int32], sequenceLength: Int, order: Int = 3) throws {
        self.sequenceLength = sequenceLength
        let rows = stride(from: 0, to: references.count, by: sequenceLength).map {
            references[$0..<($0 + sequenceLength)].map(Int.init)
        }
        scorer = try BLEUScorer(references: rows, order: order, smoothing: .none)
    }

    public func score(_ sequences: UnsafePointer<Int32>, count: Int, into scores: UnsafeMutablePointer<Float>) {
        let hypotheses = (0..<count).map { row in
            (0..<sequenceLength).map { Int(sequences[row * sequenceLength + $0]) }
        }
        do {
            for (index, value) in try scorer.scores(hypotheses).enumerated() { scores[index] = Float(value) }
        } catch {
            preconditionFailure("BLEU of generated sequences failed: \(error)")
        }
    }
}
