extension Generator {
    /// NLL-test: the generator's per-token negative log-likelihood on `count` real sequences.
    ///
    /// Without a ``SequenceEnd`` it is the mean over sequences of their per-token NLL (all
    /// sequences have `T` tokens). With one, every counted token (up to and including each
    /// end token) weighs the same, so long sentences weigh more than short ones.
    ///
    /// - Parameter sequences: `[count, T]` token ids, batch-major.
    /// - Returns: The per-sequence values (as ``negativeLogLikelihoods(of:count:workspace:)``)
    ///   and the per-token mean.
    public func negativeLogLikelihood(of sequences: [Int32], count: Int) -> (
        perSequence: [Float], mean: Double
    ) {
        let t = config.sequenceLength
        precondition(sequences.count == count * t, "sequences must be [count, T]")
        let workspace = Generator.Workspace(batchSize: 64, generator: self)
        let nll = sequences.withUnsafeBufferPointer {
            negativeLogLikelihoods(of: $0.baseAddress!, count: count, workspace: workspace)
        }
        guard let end = config.sequenceEnd else {
            return (nll, nll.reduce(0.0) { $0 + Double($1) } / Double(max(1, count)))
        }
        var total = 0.0
        var tokens = 0
        sequences.withUnsafeBufferPointer { rows in
            for index in 0..<count {
                let counted = end.countedLength(of: rows.baseAddress! + index * t, length: t)
                total += Double(nll[index]) * Double(counted)
                tokens += counted
            }
        }
        return (nll, total / Double(max(1, tokens)))
    }
}
