/// What one token of the ``TuneScheme`` means.
public enum TuneToken: Sendable, Hashable, CustomStringConvertible {
    /// Fills a row after the end token.
    case padding
    /// Starts a tune.
    case begin
    /// Ends a tune (only between sections).
    case end
    /// Closes a bar; the section goes on.
    case barLine
    /// Starts a repeated section (`|:`).
    case repeatStart
    /// Closes a bar and the repeated body or the first ending (`:|`).
    case repeatEnd
    /// Closes a bar and a section played once, or the second ending (`||`).
    case sectionEnd
    /// Starts the ending played on pass `n` (1 or 2): `[1`, `[2`.
    case ending(Int)
    /// A silence; a duration follows.
    case rest
    /// The sounding note goes on (tied); a duration follows.
    case tie
    /// The bar starts late (a pickup): its first event sits this far into the bar; a duration
    /// follows.
    case pickup
    /// The metre from this bar on.
    case metre(Metre)
    /// The mode of the tune, transposed to C major or A minor.
    case mode(minor: Bool)
    /// This bar sounds as the written bar `bars` back (its whole content).
    case copy(bars: Int)
    /// A note of this MIDI pitch (in C major / A minor); a duration follows.
    case pitch(Int)
    /// The length of the preceding rest, tie, pickup or note, in twelfths of a quarter note.
    case duration(units: Int)

    /// ABC-like text: `|`, `|:`, `[1`, `C5`, `d6` (six twelfths), `copy4`.
    public var description: String {
        switch self {
        case .padding: return "pad"
        case .begin: return "begin"
        case .end: return "end"
        case .barLine: return "|"
        case .repeatStart: return "|:"
        case .repeatEnd: return ":|"
        case .sectionEnd: return "||"
        case .ending(let number): return "[\(number)"
        case .rest: return "rest"
        case .tie: return "tie"
        case .pickup: return "pickup"
        case .metre(let metre): return "M:\(metre)"
        case .mode(let minor): return minor ? "minor" : "major"
        case .copy(let bars): return "copy\(bars)"
        case .pitch(let pitch):
            let names = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"]
            return names[(pitch % 12 + 12) % 12] + "\(pitch / 12 - 1)"
        case .duration(let units): return "d\(units)"
        }
    }
}
