/// Scores complete sequences: the reward of SeqGAN's policy gradient (the discriminator's
/// probability that a sequence is real, or BLEU against the training set for PG-BLEU).
public protocol SequenceScorer: AnyObject {
    /// Writes the score of each of `count` sequences (`[count, T]` at `sequences`) to `scores`.
    func score(_ sequences: UnsafePointer<Int32>, count: Int, into scores: UnsafeMutablePointer<Float>)

    /// Writes the score of each roll-out completion: rows `k N ..< (k + 1) N` of
    /// `completions` keep the first `blocks[k].prefixLength` tokens of row `blocks[k].sequence`
    /// of `sequences` (`[batch, T]`). A scorer may use what the rows share; the scores must
    /// equal those of ``score(_:count:into:)``.
    func score(
        completions: UnsafePointer<Int32>, blocks: [RolloutBlock], perPrefix: Int,
        of sequences: UnsafePointer<Int32>, batch: Int, into scores: UnsafeMutablePointer<Float>)
}

extension SequenceScorer {
    /// Scores the completions as whole sequences.
    public func score(
        completions: UnsafePointer<Int32>, blocks: [RolloutBlock], perPrefix: Int,
        of sequences: UnsafePointer<Int32>, batch: Int, into scores: UnsafeMutablePointer<Float>
    ) {
        score(completions, count: blocks.count * perPrefix, into: scores)
    }
}
