import TensorCore

extension Discriminator {
    /// For a row of a scoring batch and a bank: the first window position to sum, and the
    /// running maxima of the positions before it (`nil` when it is 0).
    typealias SharedPrefix = (_ row: Int, _ bank: Int) -> (firstPosition: Int, maxima: UnsafePointer<Float>?)

    /// `D(Y)` of roll-out completions, with dropout off: the same values as
    /// ``probabilityReal(of:count:into:workspace:)`` on them, bit for bit, for less work.
    ///
    /// Completion rows `k N ..< (k + 1) N` keep the first `blocks[k].prefixLength` tokens of
    /// row `blocks[k].sequence` of `sequences`, so every convolution window that lies inside
    /// that prefix is a window of the sampled sequence. Those windows are pooled once per
    /// sampled sequence (running maxima over positions), and each completion sums only the
    /// windows that reach past its prefix: at the paper's sizes, about a third fewer table
    /// lookups. Without projection tables it scores the completions whole.
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
        let t = config.sequenceLength
        for (index, block) in blocks.enumerated() {
            precondition(
                (0..<batch).contains(block.sequence) && (1..<t).contains(block.prefixLength),
                "roll-out block \(block) outside \(batch) sequences of length \(t)")
            let prefix = sequences + block.sequence * t
            for row in (index * perPrefix)..<((index + 1) * perPrefix) {
                for position in 0..<block.prefixLength {
                    precondition(
                        completions[row * t + position] == prefix[position],
                        "completion \(row) does not keep the prefix of its block \(block)")
                }
            }
        }
        for n in 0..<(batch * t) {
            precondition(
                sequences[n] >= 0 && Int(sequences[n]) < config.vocabularySize,
                "token \(sequences[n]) outside vocabulary")
        }
        scoreCompletions(
            completions, blocks: blocks, perPrefix: perPrefix, sequences: sequences, batch: batch,
            into: probabilities, workspace: workspace)
    }

    /// ``probabilityReal(ofCompletions:blocks:perPrefix:sequences:batch:into:workspace:)``
    /// without checking that the blocks and sequences are valid and that the completions keep
    /// their prefixes (a completion that does not is scored with its block's prefix windows).
    func scoreCompletions(
        _ completions: UnsafePointer<Int32>, blocks: [RolloutBlock], perPrefix: Int,
        sequences: UnsafePointer<Int32>, batch: Int, into probabilities: UnsafeMutablePointer<Float>,
        workspace: Workspace
    ) {
        let count = blocks.count * perPrefix
        guard config.projectionTables, count > 0 else {
            probabilityReal(of: completions, count: count, into: probabilities, workspace: workspace)
            return
        }
        let t = config.sequenceLength
        prepareProjectionTables()
        // [bank][batch, P, F]: the running maxima of each sampled sequence's windows.
        let perRow = convolutions.map { $0.runningMaximaCount(steps: t, batch: 1) }
        var total = 0
        let offsets = perRow.map { count in
            defer { total += count * batch }
            return total
        }
        if workspace.prefixMaxima.count < total { workspace.prefixMaxima = FloatBuffer(count: total) }
        let maxima = workspace.prefixMaxima
        let tables = UnsafePointer(projectionTables.base)
        schedule.run(Discriminator.rowChunkCount) { chunk, _ in
            let rows = Discriminator.part(chunk, of: Discriminator.rowChunkCount, in: batch)
            guard !rows.isEmpty else { return }
            for (bank, convolution) in convolutions.enumerated() {
                convolution.runningMaxima(
                    tokens: sequences + rows.lowerBound * t, steps: t, batch: rows.count,
                    table: tables + tableOffsets[bank],
                    into: maxima.base + offsets[bank] + rows.lowerBound * perRow[bank])
            }
        }
        let shared: SharedPrefix = { row, bank in
            let block = blocks[row / perPrefix]
            let convolution = self.convolutions[bank]
            // Windows at positions 0...(prefix - w) lie inside the prefix.
            let inside = block.prefixLength - convolution.window + 1
            guard inside > 0 else { return (0, nil) }
            let rowMaxima = maxima.base + offsets[bank] + block.sequence * perRow[bank]
            return (inside, UnsafePointer(rowMaxima + (inside - 1) * convolution.filterCount))
        }
        scoreLogits(of: completions, count: count, workspace: workspace, sharedPrefix: shared) { range, logits in
            Discriminator.writeProbabilityReal(logits, rows: range, into: probabilities)
        }
    }
}
