/// Scores complete sequences: the reward of SeqGAN's policy gradient (the discriminator's
/// probability that a sequence is real, or BLEU against the training set for PG-BLEU).
public protocol SequenceScorer: AnyObject {
    /// Writes the score of each of `count` sequences (`[count, T]` at `sequences`) to `scores`.
    func score(_ sequences: UnsafePointer<Int32>, count: Int, into scores: UnsafeMutablePointer<Float>)
}
