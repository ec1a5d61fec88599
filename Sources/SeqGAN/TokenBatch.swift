/// A batch of token sequences of one length: `rows` sequences of `length` tokens, stored
/// contiguously row by row (`[B, T]`), as the generator samples them and the kernels read them.
public struct TokenBatch: Sendable, Equatable {
    /// Every token, row after row.
    public private(set) var tokens: [Int32]
    /// `T`, the tokens of each sequence.
    public let length: Int

    /// The batch of `tokens` read as rows of `length`.
    ///
    /// - Precondition: `length` is positive and divides `tokens.count`.
    public init(tokens: [Int32], length: Int) {
        precondition(length > 0 && tokens.count % length == 0, "\(tokens.count) tokens are not rows of \(length)")
        self.tokens = tokens
        self.length = length
    }

    /// `B`, the number of sequences.
    public var rows: Int { tokens.count / length }

    /// The tokens of sequence `row`.
    public subscript(row: Int) -> ArraySlice<Int32> {
        tokens[(row * length)..<((row + 1) * length)]
    }

    /// Calls `body` with a pointer to the first token (kernels read `rows x length` tokens
    /// from it); `nil` for an empty batch.
    func withUnsafeTokens<R>(_ body: (UnsafePointer<Int32>?) throws -> R) rethrows -> R {
        try tokens.withUnsafeBufferPointer { try body($0.baseAddress) }
    }
}

extension SequenceScorer {
    /// The score of every sequence of `batch`.
    public func scores(of batch: TokenBatch) -> [Float] {
        var scores = [Float](repeating: 0, count: batch.rows)
        batch.withUnsafeTokens { tokens in
            guard let tokens else { return }
            scores.withUnsafeMutableBufferPointer { score(tokens, count: batch.rows, into: $0.baseAddress!) }
        }
        return scores
    }
}

extension RolloutRewards {
    /// `Q[b][t]` for every sequence of `batch`, laid out `[B][T]` (see
    /// ``compute(for:batch:sequenceLength:perPrefix:rolloutPolicy:scorer:seed:positions:temperature:)``).
    ///
    /// - Parameters:
    ///   - batch: Sequences sampled from the generator; their length is the policy's `T`.
    ///   - perPrefix: `N`, completions per prefix (16 in the paper).
    ///   - rolloutPolicy: Completes the prefixes.
    ///   - scorer: Scores complete sequences (the discriminator, with dropout off).
    ///   - seed: Seeds the completions (derive it from the run's seed and round).
    ///   - positions: Where roll-outs start (by default after every token).
    ///   - temperature: The completions are sampled at it (the policy's temperature).
    public static func compute(
        for batch: TokenBatch, perPrefix: Int, rolloutPolicy: Generator, scorer: SequenceScorer, seed: UInt64,
        positions: RolloutPositions = .everyToken, temperature: Float = 1
    ) -> [Float] {
        batch.withUnsafeTokens { tokens in
            guard let tokens else { return [] }
            return compute(
                for: tokens, batch: batch.rows, sequenceLength: batch.length, perPrefix: perPrefix,
                rolloutPolicy: rolloutPolicy, scorer: scorer, seed: seed, positions: positions,
                temperature: temperature)
        }
    }
}
