import Foundation
import MIDI

/// A key asked for by name (`--key`): the key signature written and the mode the tune is in.
///
/// Names are a tonic (`C`, `F#`, `Bb`) and a mode: none or `maj`/`major`/`ion` for major,
/// `m`/`min`/`minor`/`aeo` for minor. Whole tunes are major or minor (their mode token), so
/// the church modes map to the major or minor key of their tonic by their third: `Ddor`,
/// `Ephr`, `Bloc` are written as D, E, B minor, `Gmix` and `Flyd` as G and F major (a
/// dorian tune's raised sixth shows as accidentals). Case does not matter after the tonic,
/// and a space may separate tonic and mode (`D dorian`).
///
/// Tunes are generated in C major or A minor and transposed when written: the signature's
/// sharps move them (``DecodeOptions/sharps``), and a whole-tune request forces the mode, so
/// `Em` gives a tune in E minor.
public struct TuneKeyRequest: Sendable, Equatable {
    /// Sharps of the key signature written (negative for flats), -7...7.
    public var sharps: Int
    /// Whether the key is minor (and a whole tune is sampled in its minor mode).
    public var minor: Bool

    /// The key of `sharps` and `minor`.
    public init(sharps: Int, minor: Bool) {
        self.sharps = sharps
        self.minor = minor
    }

    /// The key named `name` (`G`, `Em`, `F#m`, `Bb`, `Ddor`, `G mixolydian`), or `nil` when the
    /// name is not understood or the key needs more than 7 sharps or flats (`G#`, `Dbm`).
    public init?(named name: String) {
        let text = name.trimmingCharacters(in: .whitespaces)
        guard let letter = text.first, "ABCDEFG".contains(letter) else { return nil }
        var tonic = String(letter)
        var rest = text.dropFirst()
        if let accidental = rest.first, accidental == "#" || accidental == "b" {
            tonic.append(accidental)
            rest = rest.dropFirst()
        }
        let mode = rest.trimmingCharacters(in: .whitespaces).lowercased()
        guard let minor = Self.modeIsMinor(mode) else { return nil }
        // The minor suffix must be the exact `m` (or a mode word), never `M`.
        if mode == "m" && rest.trimmingCharacters(in: .whitespaces) != "m" { return nil }
        guard let signature = MIDIKeyName.signature(named: tonic + (minor ? "m" : "")) else { return nil }
        self.init(sharps: signature.sharps, minor: signature.minor)
    }

    /// Whether a mode name (lower case) has a minor third; `nil` for an unknown name.
    private static func modeIsMinor(_ mode: String) -> Bool? {
        let majors = ["", "maj", "major", "ion", "ionian", "mix", "mixolydian", "lyd", "lydian"]
        let minors = ["m", "min", "minor", "aeo", "aeolian", "dor", "dorian", "phr", "phrygian", "loc", "locrian"]
        if majors.contains(mode) { return false }
        if minors.contains(mode) { return true }
        return nil
    }

    /// "E minor", "Bb major".
    public var name: String { MIDIKeyName.name(sharps: sharps, minor: minor) }
}
