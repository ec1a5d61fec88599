import TensorCore

extension Discriminator {
    /// `D(Y)` of roll-out completions, with dropout off: the same values as
    /// ``probabilityReal(of:count:into:workspace:)`` on them, bit for bit, for less work.
    ///
    /// Completion rows `k N ..< (k + 1) N` keep the first `blocks[k].prefixLength` tokens of
    /// row `blocks[k].sequence` of `sequences`, so every convolution window that lies inside
    /// that prefix is a window of the sampled sequence. Those windows are pooled once per
    /// sampled sequence (running maxima over positions), and each completion sums only the
    /// windows that reach past its prefix: at the paper's sizes, about half of the
    /// convolutions' table lookups. Without projection tables it scores the completions whole.
    ///
    /// - Parameters:
    ///   - completions: `[blocks.count N, T]` token ids.
    ///   - perPrefix: `N`, completions per block.
    ///   - sequences: `[batch, T]`, the sampled sequences.
    ///   - probabilities: Receives `blocks.count N` values.
    public func probabilityReal(
        ofCompletions completions: UnsafePointer<Int32>, blocks: [RolloutBlock], perPrefix: Int,
        sequences: UnsafePointer<Int32>, batch: Int,
        into probabilities: UnsafeMutablePointer<Float>, workspace: Workspace
    ) {
        let count = blocks.count * perPrefix
        guard config.projectionTables, count > 0 else {
            probabilityReal(of: completions, count: count, into: probabilities, workspace: workspace)
            return
        }
        let t = config.sequenceLength
        for block in blocks {
            precondition(
                (0..<batch).contains(block.sequence) && (1..<t).contains(block.prefixLength),
                "roll-out block \(block) outside \(batch) sequences of length \(t)")
        }
        for n in 0..<(batch * t) {
            precondition(
                sequences[n] >= 0 && Int(sequences[n]) < config.vocabularySize,
                "token \(sequences[n]) outside vocabulary")
        }
        prepareProjectionTables()
        // [bank][batch, P, F]: the running maxima of each sampled sequence's windows.
        var offsets: [Int] = []
        var total = 0
        for convolution in convolutions {
            offsets.append(total)
            total += convolution.runningMaximaCount(steps: t, batch: batch)
        }
        let maxima = FloatBuffer(count: total)
        let tables = UnsafePointer(projectionTables.base)
        parallelFor(Discriminator.partitionCount) { p in
            let rows = (p * batch / Discriminator.partitionCount)..<((p + 1) * batch / Discriminator.partitionCount)
            guard !rows.isEmpty else { return }
            for (bank, convolution) in convolutions.enumerated() {
                let perRow = convolution.runningMaximaCount(steps: t, batch: 1)
                convolution.runningMaxima(
                    tokens: sequences + rows.lowerBound * t, steps: t, batch: rows.count,
                    table: tables + tableOffsets[bank],
                    into: maxima.base + offsets[bank] + rows.lowerBound * perRow)
            }
        }
        let shared: SharedPrefix = { row, bank in
            let block = blocks[row / perPrefix]
            let convolution = self.convolutions[bank]
            // Windows at positions 0...(prefix - w) lie inside the prefix.
            let inside = block.prefixLength - convolution.window + 1
            guard inside > 0 else { return (0, nil) }
            let perRow = convolution.runningMaximaCount(steps: t, batch: 1)
            let rowMaxima = maxima.base + offsets[bank] + block.sequence * perRow
            return (inside, UnsafePointer(rowMaxima + (inside - 1) * convolution.filterCount))
        }
        scoreLogits(of: completions, count: count, workspace: workspace, sharedPrefix: shared) { range, logits in
            Discriminator.writeProbabilityReal(logits, rows: range, into: probabilities)
        }
    }
}
