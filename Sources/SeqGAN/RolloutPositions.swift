/// Where SeqGAN's Monte Carlo roll-outs start, and so which tokens share a reward.
public enum RolloutPositions: String, Codable, Sendable, CaseIterable {
    /// After every token but the last: each token has a reward of its own (the paper).
    case everyToken
    /// After the tokens where the roll-out policy's reader reports a boundary
    /// (``SequenceReader/isAtBoundary``, for tunes the end of a bar), and the last token;
    /// every token takes the reward of the first boundary at or after it. The roll-outs cost
    /// grows with the number of boundaries, not of tokens. Needs a ``SequenceConditioning`` on
    /// the roll-out policy.
    case boundaries
}
