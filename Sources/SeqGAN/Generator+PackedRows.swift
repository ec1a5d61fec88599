import NeuralNetwork

extension Generator {
    /// Gives each partition of `workspace` its rows of a batch of `batch` rows.
    ///
    /// Without `rowLengths`, partition `p` takes the `p`th run of consecutive rows. With them
    /// (each row's counted length), the rows are sorted longest first (ties in row order) and
    /// dealt to the partitions back and forth (0, 1, 1, 0, 0, 1, ...), so that the partitions,
    /// which run on different cores, get about the same number of tokens, and each
    /// partition's rows stay longest first, as packing needs. The rows depend only on the
    /// lengths, so every chunk of a batch deals them alike, and a partition's carried state
    /// and readers stay with their rows.
    func assignRows(batch: Int, rowLengths: UnsafePointer<Int>?, workspace: Workspace) {
        let share = workspace.partitions[0].capacity
        guard let rowLengths else {
            for (p, part) in workspace.partitions.enumerated() {
                part.takeRows(min(batch, p * share)..<min(batch, (p + 1) * share), longestFirst: nil)
            }
            return
        }
        let sorted = workspace.sortedRows
        for row in 0..<batch { sorted[row] = row }
        Self.sortLongestFirst(sorted, count: batch, lengths: rowLengths)
        let parts = workspace.partitions
        for part in parts { part.rowCount = 0 }
        for place in 0..<batch {
            let round = place / parts.count
            let offset = place % parts.count
            let part = parts[round % 2 == 0 ? offset : parts.count - 1 - offset]
            part.batchRows[part.rowCount] = sorted[place]
            part.rowCount += 1
        }
    }

    /// Sorts `count` row numbers by `lengths[row]`, longest first, keeping the order of rows
    /// of equal length (an insertion sort: a batch has a few dozen rows).
    static func sortLongestFirst(_ rows: UnsafeMutablePointer<Int>, count: Int, lengths: UnsafePointer<Int>) {
        for i in 1..<max(1, count) {
            let row = rows[i]
            var j = i
            while j > 0 && lengths[rows[j - 1]] < lengths[row] {
                rows[j] = rows[j - 1]
                j -= 1
            }
            rows[j] = row
        }
    }

    /// Lays out `part`'s rows for positions `chunk` (``Workspace/Partition/stepStarts``) and
    /// returns the number of rows `N` the chunk runs.
    ///
    /// With `rowLengths` (each batch row's counted length, of the whole row; `part`'s rows
    /// longest first), a row runs only the chunk's positions before its length: when a row
    /// ends before the chunk does, the rows are packed, and ``Workspace/Partition/packedLengths``
    /// holds the steps each runs (see ``LSTM/stepStarts(steps:batch:lengths:into:)``).
    /// Otherwise every row runs every step, time-major.
    @discardableResult
    func layOutRows(chunk: Range<Int>, rowLengths: UnsafePointer<Int>?, in part: Workspace.Partition) -> Int {
        let b = part.rowCount
        let t = chunk.count
        part.packedLengths = nil
        if let rowLengths, (0..<b).contains(where: { rowLengths[part.batchRows[$0]] < chunk.upperBound }) {
            for local in 0..<b {
                part.lengths[local] = min(t, max(0, rowLengths[part.batchRows[local]] - chunk.lowerBound))
            }
            part.packedLengths = UnsafePointer(part.lengths)
        }
        return LSTM.stepStarts(steps: t, batch: b, lengths: part.packedLengths, into: part.stepStarts)
    }
}

extension Generator.Workspace.Partition {
    /// Takes batch rows `rows`, sorted longest first by `lengths` (indexed by batch row) when
    /// given.
    func takeRows(_ rows: Range<Int>, longestFirst lengths: UnsafePointer<Int>?) {
        precondition(rows.count <= capacity, "more rows than the partition holds")
        rowCount = rows.count
        for (local, row) in rows.enumerated() { batchRows[local] = row }
        if let lengths { Generator.sortLongestFirst(batchRows, count: rowCount, lengths: lengths) }
    }
}
