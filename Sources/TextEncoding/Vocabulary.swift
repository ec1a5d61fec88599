/// The map between text tokens and the integer ids a model sees, saved with the model.
///
/// Ids 0, 1 and 2 are reserved: padding (after the end of a sequence), the end of a sequence,
/// and the unknown token (any token not in the vocabulary, including those dropped by the
/// minimum count). Regular tokens follow from id 3, most frequent first, ties in ascending
/// token order, so the same corpus always gives the same ids.
public struct Vocabulary: Sendable, Equatable {
    /// The padding id: every position after a sequence's end token.
    public static let paddingID = 0
    /// The end-of-sequence id.
    public static let endID = 1
    /// The id of every out-of-vocabulary token.
    public static let unknownID = 2
    /// How the reserved ids print.
    public static let reservedTokens = ["<pad>", "<end>", "<unk>"]

    /// Every token by id: the reserved tokens, then the regular ones.
    public let tokens: [String]
    /// The smallest corpus count a token needed to get its own id.
    public let minimumCount: Int
    private let ids: [String: Int]

    /// Builds a vocabulary from the tokens of a corpus.
    ///
    /// - Parameters:
    ///   - sequences: The training sequences.
    ///   - minimumCount: Tokens seen fewer times than this map to the unknown id (at least 1).
    public init(counting sequences: [[String]], minimumCount: Int = 1) {
        precondition(minimumCount >= 1, "minimum count must be at least 1 (\(minimumCount))")
        var counts: [String: Int] = [:]
        for sequence in sequences {
            for token in sequence { counts[token, default: 0] += 1 }
        }
        let kept = counts.filter { $0.value >= minimumCount }.sorted {
            $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
        }
        self.init(regularTokens: kept.map(\.key), minimumCount: minimumCount)
    }

    /// A vocabulary of the given regular tokens, in id order from 3.
    ///
    /// - Precondition: no token repeats.
    public init(regularTokens: [String], minimumCount: Int = 1) {
        tokens = Self.reservedTokens + regularTokens
        self.minimumCount = minimumCount
        var ids: [String: Int] = [:]
        for (offset, token) in regularTokens.enumerated() {
            precondition(ids[token] == nil, "vocabulary token '\(token)' repeats")
            ids[token] = Self.reservedTokens.count + offset
        }
        self.ids = ids
    }

    /// The number of ids, reserved ones included (the model's V).
    public var count: Int { tokens.count }

    /// The id of `token`, or `unknownID` when it has none.
    ///
    /// A text token spelled like a reserved token ("<end>") is a regular token if the corpus
    /// had it, unknown otherwise; it never becomes a reserved id.
    public func id(of token: String) -> Int { ids[token] ?? Self.unknownID }

    /// The ids of `tokens` (without an end token; `PaddedSequences` adds it).
    public func encode(_ tokens: [String]) -> [Int] { tokens.map(id(of:)) }

    /// The tokens of `ids` up to the first end token; padding is dropped, and an id outside
    /// the vocabulary prints as the unknown token.
    public func decode(_ ids: some Sequence<Int>) -> [String] {
        var result: [String] = []
        for id in ids {
            if id == Self.endID { break }
            if id == Self.paddingID { continue }
            result.append(tokens.indices.contains(id) ? tokens[id] : tokens[Self.unknownID])
        }
        return result
    }
}
