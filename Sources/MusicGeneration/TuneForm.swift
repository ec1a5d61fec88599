/// The section plan of a generated tune, written as letters: each new letter is a new part,
/// a letter seen before repeats that part note for note (`AABB` is the common reel and jig
/// form, `AABA` the 32-bar song form, `ABAC` ...).
public struct TuneForm: Sendable, Equatable {
    /// The parts in playing order, each a letter `A`...`Z`.
    public let letters: [Character]

    /// The longest form accepted.
    public static let maximumParts = 16

    /// Parses a form such as `AABB`; `nil` unless it is 1 to ``maximumParts`` capital letters.
    public init?(_ text: String) {
        let letters = Array(text)
        guard (1...Self.maximumParts).contains(letters.count),
            letters.allSatisfy({ $0.isASCII && $0.isUppercase })
        else { return nil }
        self.letters = letters
    }
}
