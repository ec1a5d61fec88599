/// How a line of text becomes tokens.
public enum Tokenizer: String, Codable, Sendable, CaseIterable {
    /// One token per Unicode scalar (not per UTF-16 unit, so characters outside the Basic
    /// Multilingual Plane stay whole). Whitespace separates and is not a token, so the
    /// space-separated quatrain files and unspaced text give the same tokens.
    case char
    /// Words and punctuation: whitespace separates; a word is a run of letters and digits,
    /// which may contain an apostrophe or hyphen between two letters or digits ("don't",
    /// "well-being"); every other symbol (".", ",", "?", a quote) is a token of its own.
    case word

    /// One line describing the tokens, for `--help`.
    public var summary: String {
        switch self {
        case .char: "one per Unicode character; spaces only separate"
        case .word: "words and punctuation marks"
        }
    }

    /// The tokens of `line`.
    public func tokens(_ line: some StringProtocol) -> [String] {
        switch self {
        case .char:
            return line.unicodeScalars.filter { !$0.properties.isWhitespace }.map {
                String(Character($0))
            }
        case .word:
            return Self.words(Array(line.unicodeScalars))
        }
    }

    /// Joins tokens into a line: with single spaces in both modes, so that the line reads
    /// back into the same tokens with whitespace splitting (the format `seqgan bleu` reads).
    public func line(_ tokens: [String]) -> String { tokens.joined(separator: " ") }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    private static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "-" || scalar == "\u{2019}"
    }

    private static func words(_ scalars: [Unicode.Scalar]) -> [String] {
        var tokens: [String] = []
        var word = String.UnicodeScalarView()
        func flush() {
            if !word.isEmpty { tokens.append(String(word)) }
            word = String.UnicodeScalarView()
        }
        for (index, scalar) in scalars.enumerated() {
            if scalar.properties.isWhitespace {
                flush()
            } else if isWordScalar(scalar) {
                word.append(scalar)
            } else if isJoiner(scalar), !word.isEmpty, index + 1 < scalars.count,
                isWordScalar(scalars[index + 1])
            {
                word.append(scalar)
            } else {
                flush()
                tokens.append(String(scalar))
            }
        }
        flush()
        return tokens
    }
}
