/// Key names (D major, F# minor) for key signatures, both ways.
public enum MIDIKeyName {
    /// Tonics of the major keys with -7...7 sharps.
    private static let majors = ["Cb", "Gb", "Db", "Ab", "Eb", "Bb", "F", "C", "G", "D", "A", "E", "B", "F#", "C#"]
    /// Tonics of the minor keys with -7...7 sharps.
    private static let minors = ["Ab", "Eb", "Bb", "F", "C", "G", "D", "A", "E", "B", "F#", "C#", "G#", "D#", "A#"]

    /// "D major", "F# minor" (sharps outside -7...7 are clamped).
    public static func name(sharps: Int, minor: Bool) -> String {
        let index = max(-7, min(7, sharps)) + 7
        return minor ? minors[index] + " minor" : majors[index] + " major"
    }

    /// The signature of "D", "Bb", "F#m", "Am"; `nil` for anything else.
    public static func signature(named text: String) -> (sharps: Int, minor: Bool)? {
        let minor = text.hasSuffix("m")
        let tonic = minor ? String(text.dropLast()) : text
        guard let index = (minor ? minors : majors).firstIndex(of: tonic) else { return nil }
        return (index - 7, minor)
    }
}
