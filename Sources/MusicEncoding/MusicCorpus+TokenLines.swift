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
}
