import MIDI

/// The key of a tune: its tonic pitch class and its mode.
///
/// Scale membership (``contains(pitchClass:)``) counts the seven notes of the major scale, or
/// for minor the natural minor scale plus the raised seventh (the leading tone that folk tunes
/// in minor use as often as the flat seventh).
public struct TuneKey: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Major or minor.
    public enum Mode: String, Sendable, Hashable, Codable, CaseIterable {
        case major, minor
    }

    /// The tonic's pitch class, C (0) to B (11).
    public var tonic: Int
    /// The mode.
    public var mode: Mode

    /// Creates a key; `tonic` is taken modulo 12.
    public init(tonic: Int, mode: Mode) {
        self.tonic = ((tonic % 12) + 12) % 12
        self.mode = mode
    }

    /// The key a MIDI key signature names: the major tonic of `sharps` (C for none, G for one
    /// sharp, F for one flat), or its relative minor when `minor` is set.
    public init(signature: KeySignature) {
        let major = ((signature.sharps * 7) % 12 + 12) % 12
        self.init(
            tonic: signature.minor ? major + 9 : major, mode: signature.minor ? .minor : .major)
    }

    /// Pitch classes above the tonic in the scale (see the type's description).
    public var scaleSteps: Set<Int> {
        switch mode {
        case .major: [0, 2, 4, 5, 7, 9, 11]
        case .minor: [0, 2, 3, 5, 7, 8, 10, 11]
        }
    }

    /// Pitch classes above the tonic of the tonic triad: root, third (major or minor), fifth.
    public var triadSteps: Set<Int> { mode == .major ? [0, 4, 7] : [0, 3, 7] }

    /// Semitones of `pitch` above the tonic, 0...11.
    public func degree(of pitch: Int) -> Int { ((pitch - tonic) % 12 + 12) % 12 }

    /// Whether the pitch class of `pitch` belongs to the scale.
    public func contains(pitch: Int) -> Bool { scaleSteps.contains(degree(of: pitch)) }

    /// For example "D major", "E minor".
    public var description: String {
        let names = ["C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"]
        return "\(names[tonic]) \(mode.rawValue)"
    }
}
