/// SeqGAN's Monte Carlo rewards for a batch of generated sequences.
public enum RolloutRewards {
    /// `Q[b][t]`, laid out `[B][T]`: for `t < T - 1` (0-based) the mean score of `N`
    /// completions of the length-`t + 1` prefix of sequence `b` by `rolloutPolicy`; for the
    /// last position the score of `Y_b` itself, with no roll-out.
    ///
    /// - Parameters:
    ///   - sequences: `[B, T]` sequences sampled from the generator.
    ///   - perPrefix: `N`, completions per prefix (16 in the paper).
    ///   - scorer: Scores complete sequences (the discriminator, with dropout off).
    ///   - seed: Seeds the completions (derive it from the run's seed and round).
    public static func compute(
        for sequences: UnsafePointer<Int32>, batch: Int, sequenceLength t: Int, perPrefix: Int,
        rolloutPolicy: Generator, scorer: SequenceScorer, seed: UInt64
    ) -> [Float] {
        precondition(rolloutPolicy.config.sequenceLength == t, "roll-out policy has another T")
        var rewards = [Float](repeating: 0, count: batch * t)
        let completions = rolloutPolicy.rolloutCompletions(
            of: sequences, batch: batch, perPrefix: perPrefix, seed: seed)
        let rows = batch * perPrefix
        var scores = [Float](repeating: 0, count: (t - 1) * rows + batch)
        scores.withUnsafeMutableBufferPointer { out in
            completions.withUnsafeBufferPointer { c in
                if !completions.isEmpty {
                    scorer.score(c.baseAddress!, count: (t - 1) * rows, into: out.baseAddress!)
                }
            }
            scorer.score(sequences, count: batch, into: out.baseAddress! + (t - 1) * rows)
        }
        for b in 0..<batch {
            for prefix in 1..<max(1, t) {
                var sum: Float = 0
                for n in 0..<perPrefix { sum += scores[(prefix - 1) * rows + b * perPrefix + n] }
                rewards[b * t + prefix - 1] = sum / Float(perPrefix)
            }
            rewards[b * t + t - 1] = scores[(t - 1) * rows + b]
        }
        return rewards
    }
}
