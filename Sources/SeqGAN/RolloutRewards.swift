/// SeqGAN's Monte Carlo rewards for a batch of generated sequences.
public enum RolloutRewards {
    /// `Q[b][t]`, laid out `[B][T]`: for `t < T - 1` (0-based) the mean score of `N`
    /// completions of the length-`t + 1` prefix of sequence `b` by `rolloutPolicy`; for the
    /// last position the score of `Y_b` itself, with no roll-out.
    ///
    /// With a ``SequenceEnd`` on the roll-out policy, a row that ends at position `e` (its end
    /// token) gets `D(Y_b)` at `e` (every completion of that prefix is `Y_b` itself, padded)
    /// and 0 after it, where the policy gradient ignores it; those completions are not scored.
    ///
    /// - Parameters:
    ///   - sequences: `[B, T]` sequences sampled from the generator.
    ///   - perPrefix: `N`, completions per prefix (16 in the paper).
    ///   - scorer: Scores complete sequences (the discriminator, with dropout off).
    ///   - seed: Seeds the completions (derive it from the run's seed and round).
    ///   - positions: Where roll-outs start: after every token (the above), or only at the
    ///     roll-out policy's reader's boundaries
    ///     (``boundaryRewards(for:batch:sequenceLength:perPrefix:rolloutPolicy:scorer:seed:temperature:)``).
    ///   - temperature: The completions are sampled at it (the policy's temperature).
    ///
    /// The kernel behind ``compute(for:perPrefix:rolloutPolicy:scorer:seed:positions:temperature:)``.
    static func compute(
        for sequences: UnsafePointer<Int32>, batch: Int, sequenceLength t: Int, perPrefix: Int,
        rolloutPolicy: Generator, scorer: SequenceScorer, seed: UInt64,
        positions: RolloutPositions = .everyToken, temperature: Float = 1
    ) -> [Float] {
        precondition(rolloutPolicy.config.sequenceLength == t, "roll-out policy has another T")
        if positions == .boundaries {
            return boundaryRewards(
                for: sequences, batch: batch, sequenceLength: t, perPrefix: perPrefix,
                rolloutPolicy: rolloutPolicy, scorer: scorer, seed: seed, temperature: temperature)
        }
        let completions = rolloutPolicy.rolloutCompletions(
            of: sequences, batch: batch, perPrefix: perPrefix, temperature: temperature, seed: seed)
        if let end = rolloutPolicy.config.sequenceEnd {
            return endingRewards(
                for: sequences, batch: batch, sequenceLength: t, perPrefix: perPrefix,
                completions: completions, end: end, scorer: scorer)
        }
        var rewards = [Float](repeating: 0, count: batch * t)
        let rows = batch * perPrefix
        var scores = [Float](repeating: 0, count: (t - 1) * rows + batch)
        let blocks = (1..<max(1, t)).flatMap { prefix in
            (0..<batch).map { RolloutBlock(sequence: $0, prefixLength: prefix) }
        }
        scores.withUnsafeMutableBufferPointer { out in
            completions.withUnsafeBufferPointer { c in
                if !completions.isEmpty {
                    scorer.score(
                        completions: c.baseAddress!, blocks: blocks, perPrefix: perPrefix,
                        of: sequences, batch: batch, into: out.baseAddress!)
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

    /// The rewards of sequences that may end before `T`: roll-out means for the prefixes
    /// before each row's end token, `D(Y_b)` at the end token (or the last position), 0 after.
    static func endingRewards(
        for sequences: UnsafePointer<Int32>, batch: Int, sequenceLength t: Int, perPrefix: Int,
        completions: [Int32], end: SequenceEnd, scorer: SequenceScorer
    ) -> [Float] {
        let rows = batch * perPrefix
        let lengths = (0..<batch).map { end.countedLength(of: sequences + $0 * t, length: t) }
        // The (prefix, row) blocks still running: prefix lengths 1..<length of each row.
        var blocks: [RolloutBlock] = []
        for prefix in 1..<max(1, t) {
            for b in 0..<batch where prefix < lengths[b] {
                blocks.append(RolloutBlock(sequence: b, prefixLength: prefix))
            }
        }
        var running = [Int32](repeating: 0, count: blocks.count * perPrefix * t)
        running.withUnsafeMutableBufferPointer { out in
            completions.withUnsafeBufferPointer { c in
                for (index, block) in blocks.enumerated() {
                    let source = c.baseAddress! + ((block.prefixLength - 1) * rows + block.sequence * perPrefix) * t
                    (out.baseAddress! + index * perPrefix * t).update(from: source, count: perPrefix * t)
                }
            }
        }
        var (scores, rewards) = blockRewards(
            completions: running, blocks: blocks, perPrefix: perPrefix, of: sequences, batch: batch,
            sequenceLength: t, scorer: scorer)
        for b in 0..<batch { rewards[b * t + lengths[b] - 1] = scores[blocks.count * perPrefix + b] }
        return rewards
    }

    /// Scores `N` completions of each block and the `B` rows themselves: `scores` holds the
    /// blocks' scores in block order, then each row's `D(Y_b)`; `rewards` (`[B][T]`) holds
    /// each block's mean score at its prefix's last position, 0 elsewhere.
    static func blockRewards(
        completions: [Int32], blocks: [RolloutBlock], perPrefix: Int, of sequences: UnsafePointer<Int32>,
        batch: Int, sequenceLength t: Int, scorer: SequenceScorer
    ) -> (scores: [Float], rewards: [Float]) {
        var scores = [Float](repeating: 0, count: blocks.count * perPrefix + batch)
        scores.withUnsafeMutableBufferPointer { out in
            completions.withUnsafeBufferPointer { c in
                if !blocks.isEmpty {
                    scorer.score(
                        completions: c.baseAddress!, blocks: blocks, perPrefix: perPrefix,
                        of: sequences, batch: batch, into: out.baseAddress!)
                }
            }
            scorer.score(sequences, count: batch, into: out.baseAddress! + blocks.count * perPrefix)
        }
        var rewards = [Float](repeating: 0, count: batch * t)
        for (index, block) in blocks.enumerated() {
            var sum: Float = 0
            for n in 0..<perPrefix { sum += scores[index * perPrefix + n] }
            rewards[block.sequence * t + block.prefixLength - 1] = sum / Float(perPrefix)
        }
        return (scores, rewards)
    }
}
