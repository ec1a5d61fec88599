/// `N` consecutive roll-out completions of one prefix: they keep the first `prefixLength`
/// tokens of sampled sequence `sequence` and differ after it.
public struct RolloutBlock: Equatable, Sendable {
    /// The row of the sampled sequence whose prefix the completions keep.
    public var sequence: Int
    /// How many of its leading tokens they keep (at least 1, less than `T`).
    public var prefixLength: Int

    public init(sequence: Int, prefixLength: Int) {
        self.sequence = sequence
        self.prefixLength = prefixLength
    }
}
