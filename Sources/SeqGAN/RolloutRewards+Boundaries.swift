extension RolloutRewards {
    /// `Q[b][t]`, laid out `[B][T]`, with roll-outs only at boundaries
    /// (``RolloutPositions/boundaries``): a unit of tokens ends after each token where the
    /// roll-out policy's reader reports a boundary, and at the row's last token; the unit's
    /// reward is the mean score of `N` completions of the prefix up to its end (the score of
    /// `Y_b` itself for the last unit), and every token of the unit takes it.
    ///
    /// With a ``SequenceEnd`` on the roll-out policy, a row's last token is its end token;
    /// the positions after it get 0.
    ///
    /// - Precondition: The roll-out policy has a conditioning.
    static func boundaryRewards(
        for sequences: UnsafePointer<Int32>, batch: Int, sequenceLength t: Int, perPrefix: Int,
        rolloutPolicy: Generator, scorer: SequenceScorer, seed: UInt64, temperature: Float = 1
    ) -> [Float] {
        guard let reader = rolloutPolicy.readerRows(reusing: nil, count: 1) else {
            preconditionFailure("boundary roll-outs need a conditioning on the roll-out policy")
        }
        let end = rolloutPolicy.config.sequenceEnd
        var lengths = [Int](repeating: t, count: batch)
        var closesUnit = [Bool](repeating: false, count: batch * t)
        var blocks: [RolloutBlock] = []
        for b in 0..<batch {
            let row = sequences + b * t
            let length = end?.countedLength(of: row, length: t) ?? t
            lengths[b] = length
            reader.reset(0..<1)
            for position in 0..<(length - 1) {
                reader.read(row[position], row: 0)
                if reader.isAtBoundary(row: 0) {
                    closesUnit[b * t + position] = true
                    blocks.append(RolloutBlock(sequence: b, prefixLength: position + 1))
                }
            }
        }
        blocks.sort { ($0.prefixLength, $0.sequence) < ($1.prefixLength, $1.sequence) }
        let completions = rolloutPolicy.rolloutCompletions(
            of: sequences, batch: batch, blocks: blocks, perPrefix: perPrefix, temperature: temperature, seed: seed)
        var (scores, rewards) = blockRewards(
            completions: completions, blocks: blocks, perPrefix: perPrefix, of: sequences, batch: batch,
            sequenceLength: t, scorer: scorer)
        for b in 0..<batch {
            var reward = scores[blocks.count * perPrefix + b]
            for position in stride(from: lengths[b] - 1, through: 0, by: -1) {
                if closesUnit[b * t + position] { reward = rewards[b * t + position] }
                rewards[b * t + position] = reward
            }
        }
        return rewards
    }
}
