/// How a variable-length sequence (a line of text) ends inside the fixed length `T`.
///
/// A row holds its tokens, one end token, then padding up to `T`. Everything after the first
/// end token is masked: it carries no weight in the MLE loss, no reward in the policy
/// gradient, and sampling writes padding there (so the discriminator sees padding, as in real
/// rows). The end token itself counts: the model must learn where to stop. Synthetic and music
/// runs have no `SequenceEnd`: every one of their `T` positions counts.
public struct SequenceEnd: Codable, Sendable, Equatable {
    /// The id that ends a sequence.
    public var endToken: Int
    /// The id of every position after the end token; never sampled before it.
    public var paddingToken: Int

    /// An end marking with the given ids.
    public init(endToken: Int, paddingToken: Int) {
        precondition(endToken != paddingToken, "the end and padding tokens must differ")
        self.endToken = endToken
        self.paddingToken = paddingToken
    }

    /// The number of positions of `row` (`length` ids) that count: up to and including the
    /// first end token, or all `length` when there is none.
    @inline(__always)
    public func countedLength(of row: UnsafePointer<Int32>, length: Int) -> Int {
        let end = Int32(endToken)
        for position in 0..<length where row[position] == end { return position + 1 }
        return length
    }

    /// The counted length of a row given as an array (see ``countedLength(of:length:)``).
    public func countedLength(of row: some Collection<Int>) -> Int {
        if let index = row.firstIndex(of: endToken) {
            return row.distance(from: row.startIndex, to: index) + 1
        }
        return row.count
    }
}
