import Foundation

/// Reading UTF-8 text files of one sequence per line.
public enum TextFile {
    /// The text of the file at `url`, validated as UTF-8. Pipes and process substitutions
    /// (`/dev/stdin`, `<(...)`) are read to their end like regular files.
    ///
    /// - Throws: `TextFileError.unreadable` when the file cannot be read,
    ///   `.invalidUTF8` with the byte offset and line of the first bad byte.
    public static func readText(_ url: URL) throws(TextFileError) -> String {
        let data: Data
        do {
            // Data(contentsOf:) refuses files whose size is unknown, such as pipes.
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            data = try handle.readToEnd() ?? Data()
        } catch {
            let reason =
                FileManager.default.fileExists(atPath: url.path)
                ? error.localizedDescription : "no such file"
            throw .unreadable(path: url.path, reason: reason)
        }
        let bytes = [UInt8](data)
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let offset = firstInvalidUTF8Offset(bytes)
        let line = 1 + bytes[..<offset].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        throw .invalidUTF8(path: url.path, byteOffset: offset, line: line)
    }

    /// The lines of the file at `url`, without line terminators (`\n` or `\r\n`).
    ///
    /// A final line terminator does not start another line; blank lines elsewhere are kept,
    /// as empty strings, so that line numbers stay true.
    ///
    /// - Throws: `TextFileError` when the file is unreadable, not UTF-8, or has no non-blank
    ///   line.
    public static func readLines(_ url: URL) throws(TextFileError) -> [String] {
        let text = try readText(url)
        // "\r\n" is one Character in Swift, so it is a separator of its own.
        var lines = text.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }
        ).map(String.init)
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard lines.contains(where: { !$0.allSatisfy(\.isWhitespace) }) else {
            throw .empty(path: url.path)
        }
        return lines
    }

    /// The lines of the file at `url`, each split at whitespace into tokens: the format of
    /// `seqgan bleu`'s reference and hypothesis files. A blank line is an empty sequence.
    ///
    /// - Throws: `TextFileError` as `readLines(_:)`.
    public static func readWhitespaceTokens(_ url: URL) throws(TextFileError) -> [[String]] {
        try readLines(url).map { line in
            line.split(whereSeparator: \.isWhitespace).map(String.init)
        }
    }

    /// The training sequences of a text corpus: one per non-blank line, split by `tokenizer`
    /// (the `seqgan train FILE.txt --task text --tokens char|word` format). Blank lines are
    /// skipped, since an empty sequence teaches a model nothing.
    ///
    /// - Throws: `TextFileError` as `readLines(_:)`.
    public static func readSequences(_ url: URL, tokenizer: Tokenizer) throws(TextFileError)
        -> [[String]]
    {
        try readLines(url).map { tokenizer.tokens($0) }.filter { !$0.isEmpty }
    }

    /// The offset of the first byte that does not belong to a valid UTF-8 sequence.
    private static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
        var offset = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return bytes.count
            case .error: return offset
            }
        }
    }
}
