import Foundation

extension MusicCorpus {
    /// The token windows of `split`'s tunes, or of every tune when `split` is `nil`.
    public func windows(of split: Split?) -> [[Int]] {
        split.map { sequences($0) } ?? allTunes.flatMap(\.windows)
    }

    /// Writes `windows` to `url`, one per line, ids separated by spaces (the format of
    /// `RUN/train.txt` and of `seqgan midi decode`).
    ///
    /// - Throws: Foundation's error naming `url` when it cannot be written.
    public static func writeTokenLines(_ windows: [[Int]], to url: URL) throws {
        var text = ""
        for window in windows {
            text += window.map(String.init).joined(separator: " ")
            text += "\n"
        }
        try Data(text.utf8).write(to: url)
    }

    /// Writes the windows of the tunes `selection` picks to `output`, one per line, and the
    /// tokenizer settings as JSON to `settingsOutput` when given (`seqgan midi tokens`).
    ///
    /// - Returns: The summary lines (``summaryLines(sequenceCount:splitName:output:)``).
    /// - Throws: Foundation's error naming a file that cannot be written.
    public func writeTokenFile(_ selection: SplitSelection, to output: String, settingsOutput: String?) throws -> [String] {
        let sequences = windows(of: selection.split)
        try Self.writeTokenLines(sequences, to: URL(fileURLWithPath: output))
        if let settingsOutput { try settings.writeJSON(to: URL(fileURLWithPath: settingsOutput)) }
        return summaryLines(sequenceCount: sequences.count, splitName: selection.rawValue, output: output)
    }
}
