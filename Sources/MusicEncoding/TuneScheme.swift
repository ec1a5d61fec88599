/// Whole tunes with their form as event tokens: a ``FormedTune`` <-> token ids.
///
/// A tune is `begin`, its metre, its mode, then its sections as written (bars with bar lines,
/// repeat signs and first and second endings), then `end`; rows are padded after `end`. Each
/// note is a pitch token followed by a duration token; durations count twelfths of a quarter
/// note (``unitsPerQuarter``), so quavers (6), semiquavers (3) and triplet quavers (4) are all
/// exact. A bar that sounds as the written bar *k* back is one copy token. Tunes are
/// transposed to C major / A minor (as ``GridScheme`` does) and pitches moved by octaves into
/// ``lowestPitch``...``highestPitch``.
///
/// Token ids (the default settings have 35 pitches, 17 durations and copies of the bar 1, 2,
/// 4, 8, 9 and 16 back: 81 tokens; ``vocabularySize`` gives the count):
///
/// | ids | token | meaning |
/// |---|---|---|
/// | 0 | `pad` | after `end` |
/// | 1 | `begin` | the tune starts; a metre follows |
/// | 2 | `end` | the tune ends (only between sections) |
/// | 3 | `\|` | bar line: closes a full bar, the section goes on |
/// | 4 | `\|:` | a repeated section starts |
/// | 5 | `:\|` | closes a bar and the repeated body (no endings) or the first ending |
/// | 6 | `\|\|` | closes a bar and a section played once, or the second ending |
/// | 7, 8 | `[1`, `[2` | the first / second ending starts |
/// | 9 | `rest` | silence; a duration follows |
/// | 10 | `tie` | the sounding note goes on; a duration follows |
/// | 11 | `pickup` | the bar starts late (anacrusis): a duration follows, the silent start |
/// | 12 ..< 12+M | metres | ``metres`` in order (M = 9): after `begin`, or first in a bar |
/// | next 2 | modes | major, minor (after the first metre) |
/// | next C | copies | "this bar sounds as the written bar k back", k in ``copyDistances`` |
/// | next P | pitches | ``lowestPitch``...``highestPitch`` |
/// | next D | durations | ``durations`` (twelfths of a quarter), ascending |
///
/// A section played once is its bars, the last closed by `||`. A repeated section is `|:`,
/// its body's bars, the last closed by `:|`; with endings, the body's last bar is closed by
/// `|`, then `[1`, the first ending's bars (the last closed by `:|`), `[2`, the second
/// ending's bars (the last closed by `||`). A bar is an optional metre token, then either a
/// copy token or an optional `pickup` and duration, then events (`pitch`, `rest` or `tie`,
/// each followed by a duration) that fill the bar, then its closing token. A note tied over
/// a bar line continues with `tie` at the start of the next written bar (for the second
/// ending, at its start again). ``TuneTokenReader`` knows the grammar.
public struct TuneScheme: Sendable, Hashable, Codable {
    /// Duration units per quarter note: twelfths, so triplets are exact.
    public static let unitsPerQuarter = 12

    /// The metres with a token: the metres of the Nottingham tunes. A tune (or bar) in
    /// another metre is refused by the encoder (``TuneEncodingError/unsupportedMetre``).
    public static let metres: [Metre] = [
        Metre(4, 4), Metre(6, 8), Metre(3, 4), Metre(2, 4), Metre(9, 8), Metre(2, 2), Metre(3, 2),
        Metre(6, 4), Metre(5, 4),
    ]

    /// The lowest pitch token (after the move to C major / A minor); lower notes move up by
    /// octaves.
    public var lowestPitch: Int
    /// The highest pitch token; higher notes move down by octaves.
    public var highestPitch: Int
    /// The note and rest lengths with a token, in twelfths of a quarter, ascending; 1 must be
    /// one of them. Other lengths are written as a sum (a note, then `tie`s; rests in a row).
    public var durations: [Int]
    /// The distances (in written bars) of the copy tokens, ascending; at most
    /// ``TuneTokenReader/maximumCopyDistance``.
    public var copyDistances: [Int]

    /// The default scheme, measured on the Nottingham tunes: pitches G3...F6 after the move
    /// to C major / A minor (20 of 103,165 notes lie outside and move by an octave); the 17
    /// note and rest lengths that occur; copies of the written bar 1, 2, 4, 8, 9 and 16 back
    /// (9: the bar 8 back in played order when a second ending is written between; these six
    /// save nearly as many tokens as all distances 1...16).
    public init(
        lowestPitch: Int = 55, highestPitch: Int = 89,
        durations: [Int] = [1, 2, 3, 4, 6, 8, 9, 12, 16, 18, 24, 30, 36, 42, 48, 54, 60],
        copyDistances: [Int] = [1, 2, 4, 8, 9, 16]
    ) {
        self.lowestPitch = lowestPitch
        self.highestPitch = highestPitch
        self.durations = durations
        self.copyDistances = copyDistances
    }

    /// What makes this scheme unusable, or `nil` when it is fine.
    public var problem: String? {
        if lowestPitch < 0 || highestPitch > 127 || highestPitch - lowestPitch < 11 {
            return "the pitch range must span an octave inside 0...127"
        }
        if durations.first != 1 || zip(durations, durations.dropFirst()).contains(where: { $0 >= $1 }) {
            return "durations must ascend from 1"
        }
        if durations.last! > Int(Int16.max) { return "durations must be at most \(Int16.max) twelfths" }
        if zip(copyDistances, copyDistances.dropFirst()).contains(where: { $0 >= $1 })
            || (copyDistances.first ?? 1) < 1
            || (copyDistances.last ?? 1) > TuneTokenReader.maximumCopyDistance
        {
            return "copy distances must ascend inside 1...\(TuneTokenReader.maximumCopyDistance)"
        }
        return nil
    }

    // MARK: - Token ids

    /// Padding after the end token.
    public static let padding = 0
    /// Begins a tune.
    public static let begin = 1
    /// Ends a tune.
    public static let end = 2
    /// Bar line `|`.
    public static let barLine = 3
    /// Repeat start `|:`.
    public static let repeatStart = 4
    /// Repeat end `:|`.
    public static let repeatEnd = 5
    /// Section end `||`.
    public static let sectionEnd = 6
    /// First ending `[1`.
    public static let firstEnding = 7
    /// Second ending `[2`.
    public static let secondEnding = 8
    /// Rest.
    public static let rest = 9
    /// Tie (the sounding note goes on).
    public static let tie = 10
    /// Pickup (the bar starts late).
    public static let pickup = 11
    /// The first metre token (``metres`` in order).
    public static let firstMetre = 12
    /// The major mode token.
    public static let major = firstMetre + metres.count
    /// The minor mode token.
    public static let minor = major + 1
    /// The first copy token.
    public static let firstCopy = minor + 1

    /// The first pitch token (``lowestPitch``).
    public var firstPitch: Int { Self.firstCopy + copyDistances.count }
    /// The first duration token (``durations`` in order).
    public var firstDuration: Int { firstPitch + highestPitch - lowestPitch + 1 }
    /// The pitch tokens, ``lowestPitch`` to ``highestPitch``.
    public var pitchTokens: Range<Int> { firstPitch..<firstDuration }
    /// Number of distinct token ids.
    public var vocabularySize: Int { firstDuration + durations.count }

    /// The id of a token, or `nil` when the scheme has no such token.
    public func id(of token: TuneToken) -> Int? {
        switch token {
        case .padding: return Self.padding
        case .begin: return Self.begin
        case .end: return Self.end
        case .barLine: return Self.barLine
        case .repeatStart: return Self.repeatStart
        case .repeatEnd: return Self.repeatEnd
        case .sectionEnd: return Self.sectionEnd
        case .ending(let number): return number == 1 ? Self.firstEnding : number == 2 ? Self.secondEnding : nil
        case .rest: return Self.rest
        case .tie: return Self.tie
        case .pickup: return Self.pickup
        case .metre(let metre): return Self.metres.firstIndex(of: metre).map { Self.firstMetre + $0 }
        case .mode(let minor): return minor ? Self.minor : Self.major
        case .copy(let bars): return copyDistances.firstIndex(of: bars).map { Self.firstCopy + $0 }
        case .pitch(let pitch):
            return (lowestPitch...highestPitch).contains(pitch) ? firstPitch + pitch - lowestPitch : nil
        case .duration(let units): return durations.firstIndex(of: units).map { firstDuration + $0 }
        }
    }

    /// What a token id means, or `nil` outside the vocabulary.
    public func token(_ id: Int) -> TuneToken? {
        switch id {
        case Self.padding: return .padding
        case Self.begin: return .begin
        case Self.end: return .end
        case Self.barLine: return .barLine
        case Self.repeatStart: return .repeatStart
        case Self.repeatEnd: return .repeatEnd
        case Self.sectionEnd: return .sectionEnd
        case Self.firstEnding: return .ending(1)
        case Self.secondEnding: return .ending(2)
        case Self.rest: return .rest
        case Self.tie: return .tie
        case Self.pickup: return .pickup
        case Self.firstMetre..<Self.major: return .metre(Self.metres[id - Self.firstMetre])
        case Self.major: return .mode(minor: false)
        case Self.minor: return .mode(minor: true)
        case Self.firstCopy..<firstPitch: return .copy(bars: copyDistances[id - Self.firstCopy])
        case pitchTokens: return .pitch(lowestPitch + id - firstPitch)
        case firstDuration..<vocabularySize: return .duration(units: durations[id - firstDuration])
        default: return nil
        }
    }

    /// The pitch moved by octaves into ``lowestPitch``...``highestPitch``.
    public func pitchInRange(_ pitch: Int) -> Int {
        var pitch = pitch
        while pitch < lowestPitch { pitch += 12 }
        while pitch > highestPitch { pitch -= 12 }
        return pitch
    }

    /// Readable text of a token sequence: `begin M:6/8 major |: G4 d6 ...`.
    public func text(of tokens: some Sequence<Int>) -> String {
        tokens.map { token($0)?.description ?? "?\($0)" }.joined(separator: " ")
    }
}
