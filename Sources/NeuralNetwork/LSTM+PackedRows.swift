extension LSTM {
    /// Where each step's rows start when `B` sequences of different lengths run `T` steps
    /// packed, and how many rows that is in all.
    ///
    /// Sequence `b` runs its first `lengths[b]` steps only. The lengths never increase from one
    /// sequence to the next (longest first), so the sequences still running at step `t` are
    /// the first `count(t)` of the batch; the rows of step `t` follow those of step `t - 1`,
    /// in batch order: sequence `b` at step `t` is row `starts[t] + b`, and its previous step
    /// is row `starts[t - 1] + b`. This is PyTorch's packed sequence. Without `lengths` (every
    /// sequence runs all `T` steps) it is the plain time-major layout, `starts[t] = t * B`.
    ///
    /// - Parameters:
    ///   - lengths: `[B]` steps per sequence, each in `0...T`, non-increasing; `nil` for `T`
    ///     each.
    ///   - starts: Receives `[T + 1]` values: step `t`'s rows are `starts[t]..<starts[t + 1]`.
    /// - Returns: `N`, the number of rows (the sum of the lengths).
    @discardableResult
    public static func stepStarts(
        steps: Int, batch: Int, lengths: UnsafePointer<Int>?, into starts: UnsafeMutablePointer<Int>
    ) -> Int {
        starts[0] = 0
        guard let lengths else {
            for t in 0..<steps { starts[t + 1] = (t + 1) * batch }
            return steps * batch
        }
        for b in 0..<batch {
            precondition(lengths[b] >= 0 && lengths[b] <= steps, "a sequence length outside 0...T")
            precondition(b == 0 || lengths[b] <= lengths[b - 1], "packed sequences must be longest first")
        }
        var running = batch
        for t in 0..<steps {
            while running > 0 && lengths[running - 1] <= t { running -= 1 }
            starts[t + 1] = starts[t] + running
        }
        return starts[steps]
    }

    /// The row of sequence `b`'s step `t` in the packed layout of `lengths` (see
    /// ``stepStarts(steps:batch:lengths:into:)``), computed without the step starts.
    static func packedRow(step t: Int, sequence b: Int, batch: Int, lengths: UnsafePointer<Int>?) -> Int {
        guard let lengths else { return t * batch + b }
        var start = 0
        for other in 0..<batch { start += min(lengths[other], t) }
        return start + b
    }

    /// `N`, the rows of `batch` sequences run `steps` steps packed by `lengths` (`T x B`
    /// without).
    static func rowCount(steps: Int, batch: Int, lengths: UnsafePointer<Int>?) -> Int {
        packedRow(step: steps, sequence: 0, batch: batch, lengths: lengths)
    }
}
