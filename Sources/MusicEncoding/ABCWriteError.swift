/// Why a tune could not be written as ABC, with the bar (1-based, as written) where it failed.
public enum ABCWriteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The tune has no notes.
    case noNotes
    /// Notes that start together have different lengths, or a note starts while another
    /// still sounds (ABC writes one voice; chords only of equal lengths).
    case overlappingNotes(bar: Int)
    /// A note or bar whose length rounds to nothing at the writer's resolution.
    case zeroLength(bar: Int)
    /// A chord held over a bar line (ABC ties single notes here).
    case tiedChord(bar: Int)

    public var description: String {
        switch self {
        case .noNotes: return "the tune has no notes"
        case .overlappingNotes(let bar): return "bar \(bar): notes overlap (ABC writes one voice)"
        case .zeroLength(let bar): return "bar \(bar): a note or the bar has no length"
        case .tiedChord(let bar): return "bar \(bar): a chord is held over the bar line"
        }
    }
}
