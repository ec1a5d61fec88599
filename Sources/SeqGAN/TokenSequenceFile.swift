import Foundation

/// Text files of token sequences, the paper's data format: one sequence per line, token ids
/// separated by spaces.
public enum TokenSequenceFile {
    /// Reads sequences of exactly `length` ids below `vocabularySize`.
    ///
    /// - Returns: `[count, length]` ids, batch-major, and the number of sequences.
    /// - Throws: ``TokenSequenceFileError`` naming the file and line of the first bad line.
    public static func read(
        _ url: URL, length: Int, vocabularySize: Int
    ) throws -> (tokens: [Int32], count: Int) {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw TokenSequenceFileError.unreadable(path: url.path, reason: error.localizedDescription)
        }
        var tokens: [Int32] = []
        var count = 0
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if fields.isEmpty { continue }
            guard fields.count == length else {
                throw TokenSequenceFileError.wrongLength(
                    path: url.path, line: lineNumber, expected: length, found: fields.count)
            }
            for field in fields {
                guard let id = Int(field), id >= 0, id < vocabularySize else {
                    throw TokenSequenceFileError.badToken(
                        path: url.path, line: lineNumber, token: String(field),
                        vocabularySize: vocabularySize)
                }
                tokens.append(Int32(id))
            }
            count += 1
        }
        guard count > 0 else { throw TokenSequenceFileError.empty(path: url.path) }
        return (tokens, count)
    }

    /// Reads sequences as ``read(_:length:vocabularySize:)`` does, one array per sequence.
    public static func readRows(_ url: URL, length: Int, vocabularySize: Int) throws -> [[Int]] {
        let file = try read(url, length: length, vocabularySize: vocabularySize)
        return (0..<file.count).map { n in file.tokens[(n * length)..<((n + 1) * length)].map(Int.init) }
    }

    /// The text of `[count, length]` sequences, one per line.
    public static func text(of tokens: [Int32], length: Int) -> String {
        var text = ""
        text.reserveCapacity(tokens.count * 5)
        for start in stride(from: 0, to: tokens.count, by: length) {
            text += tokens[start..<(start + length)].map(String.init).joined(separator: " ")
            text += "\n"
        }
        return text
    }
}

/// Why a token-sequence file was rejected.
public enum TokenSequenceFileError: Error, Equatable, CustomStringConvertible, LocalizedError {
    case unreadable(path: String, reason: String)
    case empty(path: String)
    case wrongLength(path: String, line: Int, expected: Int, found: Int)
    case badToken(path: String, line: Int, token: String, vocabularySize: Int)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
        case .empty(let path): "\(path): no sequences"
        case .wrongLength(let path, let line, let expected, let found):
            "\(path):\(line): \(found) tokens, expected \(expected)"
        case .badToken(let path, let line, let token, let v):
            "\(path):\(line): token '\(token)' is not an id in 0..<\(v)"
        }
    }

    public var errorDescription: String? { description }
}
