import Foundation

/// The Chinese five-character quatrain files (`quatrains5_train.txt`, `_test.txt`, and the
/// simplified variants): one poem per line, 20 characters separated by spaces.
public enum QuatrainCorpus {
    /// Characters per poem: 4 lines of 5.
    public static let charactersPerPoem = 20

    /// The poems of `url`, each as its 20 characters (Unicode scalars, so characters outside
    /// the Basic Multilingual Plane stay whole).
    ///
    /// - Throws: `TextFileError` when the file is unreadable, not UTF-8, empty, or a line
    ///   (named by number) does not hold exactly 20 characters.
    public static func load(_ url: URL) throws(TextFileError) -> [[String]] {
        var poems: [[String]] = []
        for (index, line) in try TextFile.readLines(url).enumerated() {
            let characters = Tokenizer.char.tokens(line)
            guard characters.count == charactersPerPoem else {
                throw .malformedLine(
                    path: url.path, line: index + 1,
                    reason: "a quatrain has \(charactersPerPoem) characters, this line "
                        + "has \(characters.count)")
            }
            poems.append(characters)
        }
        return poems
    }
}
