import Foundation

extension MusicTokenizer {
    /// Reads token sequences from a text file, one per line, ids separated by spaces, each
    /// checked against this tokenizer's vocabulary (lines may differ in length).
    ///
    /// - Throws: ``TokenLinesError`` naming the file and line of the first bad id, or a file
    ///   that cannot be read or holds no sequence.
    public func readTokenLines(_ url: URL) throws(TokenLinesError) -> [[Int]] {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .unreadable(path: url.relativePath, reason: error.localizedDescription)
        }
        var sequences: [[Int]] = []
        for (index, row) in text.split(separator: "\n").enumerated() {
            var sequence: [Int] = []
            for field in row.split(separator: " ") {
                guard let token = Int(field) else {
                    throw .notAnID(path: url.relativePath, line: index + 1, field: String(field))
                }
                sequence.append(token)
            }
            sequences.append(sequence)
        }
        guard !sequences.isEmpty else { throw .empty(path: url.relativePath) }
        for (index, sequence) in sequences.enumerated() {
            if let bad = sequence.first(where: { $0 < 0 || $0 >= vocabularySize }) {
                throw .outsideVocabulary(
                    path: url.relativePath, line: index + 1, token: bad, scheme: settings.scheme.rawValue,
                    vocabularySize: vocabularySize)
            }
        }
        return sequences
    }
}

/// Why a file of token lines was refused; each message names the file (and line).
public enum TokenLinesError: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// The file cannot be read.
    case unreadable(path: String, reason: String)
    /// A field of a line is not a whole number.
    case notAnID(path: String, line: Int, field: String)
    /// An id is outside the scheme's vocabulary.
    case outsideVocabulary(path: String, line: Int, token: Int, scheme: String, vocabularySize: Int)
    /// The file holds no line of tokens.
    case empty(path: String)
    /// The line asked for is not in the file, which holds `count` lines of tokens.
    case noSuchLine(path: String, line: Int, count: Int)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
        case .notAnID(let path, let line, let field): "\(path): line \(line): '\(field)' is not a token id"
        case .outsideVocabulary(let path, let line, let token, let scheme, let size):
            "\(path): line \(line): token \(token) is outside the \(scheme) vocabulary (0..<\(size))"
        case .empty(let path): "\(path): no token sequences"
        case .noSuchLine(let path, let line, let count): "\(path): --line \(line) is outside 1...\(count)"
        }
    }

    public var errorDescription: String? { description }
}
