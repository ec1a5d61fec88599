import Foundation

extension MusicEvaluation {
    /// One line of the metric table: a label, then one cell per column ("-" where a value
    /// does not apply, such as BLEU of the test windows against themselves).
    public struct TableRow: Sendable, Equatable {
        /// What the row measures.
        public var label: String
        /// One cell per column of ``MusicEvaluation/columns``.
        public var cells: [String]
        /// Whether lower values are better, higher, or neither (for a reader's hint).
        public var better: String
    }

    /// The metric table shown by `seqgan evaluate` and `seqgan report`.
    public var table: [TableRow] {
        func row(_ label: String, better: String = "", _ value: (Column) -> String?) -> TableRow {
            TableRow(label: label, cells: columns.map { value($0) ?? "-" }, better: better)
        }
        func fixed(_ digits: Int) -> (Double?) -> String? {
            { $0.map { String(format: "%.\(digits)f", $0) } }
        }
        func percent(_ value: Double?) -> String? { value.map { String(format: "%.1f%%", $0 * 100) } }
        return [
            row("windows") { String($0.windows) },
            row("BLEU-\(bleuOrder) vs \(referenceName)", better: "higher") { fixed(4)($0.bleu) },
            row("MSE of pitch numbers vs \(referenceName)", better: "lower") { fixed(2)($0.mse) },
            row("pitch-class histogram distance", better: "lower") { fixed(3)($0.pitchClassDistance) },
            row("interval histogram distance", better: "lower") { fixed(3)($0.intervalDistance) },
            row("notes per window") { fixed(1)($0.statistics.notesPerMelody) },
            row("notes in key") { percent($0.statistics.inKeyShare) },
            row("pitch range (semitones)") { fixed(1)($0.statistics.pitchRange) },
            row("repeated 4-note patterns") { percent($0.statistics.repetition) },
        ]
    }

    /// The table as aligned plain text, with a header line of column names.
    public var tableText: String {
        let header = TableRow(label: "", cells: columns.map(\.name), better: "")
        let rows = [header] + table
        let labelWidth = rows.map(\.label.count).max() ?? 0
        let cellWidth = max(10, rows.flatMap(\.cells).map(\.count).max() ?? 0)
        return rows.map { row in
            row.label.padding(toLength: labelWidth, withPad: " ", startingAt: 0)
                + row.cells.map { String(repeating: " ", count: cellWidth + 2 - $0.count) + $0 }.joined()
                + (row.better.isEmpty ? "" : "   (\(row.better) is better)")
        }.joined(separator: "\n")
    }
}
