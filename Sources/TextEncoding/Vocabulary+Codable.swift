extension Vocabulary: Codable {
    private enum CodingKeys: String, CodingKey {
        case reservedTokens, tokens, minimumCount
    }

    /// Encodes the reserved tokens (for readers of the file), the regular tokens in id order
    /// and the minimum count.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Self.reservedTokens, forKey: .reservedTokens)
        try container.encode(Array(tokens.dropFirst(Self.reservedTokens.count)), forKey: .tokens)
        try container.encode(minimumCount, forKey: .minimumCount)
    }

    /// Decodes a vocabulary written by `encode(to:)`; `minimumCount` defaults to 1.
    ///
    /// - Throws: `DecodingError` when the reserved tokens differ from this version's or a
    ///   token repeats.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let reserved = try container.decode([String].self, forKey: .reservedTokens)
        guard reserved == Self.reservedTokens else {
            throw DecodingError.dataCorruptedError(
                forKey: .reservedTokens, in: container,
                debugDescription: "reserved tokens \(reserved), expected \(Self.reservedTokens)")
        }
        let regular = try container.decode([String].self, forKey: .tokens)
        guard Set(regular).count == regular.count else {
            throw DecodingError.dataCorruptedError(
                forKey: .tokens, in: container, debugDescription: "a vocabulary token repeats")
        }
        let minimumCount = try container.decodeIfPresent(Int.self, forKey: .minimumCount) ?? 1
        self.init(regularTokens: regular, minimumCount: minimumCount)
    }
}
