/// How forgiving the reader is.
public struct MIDIReadOptions: Sendable, Hashable, Codable {
    /// When true, every irregularity that the lenient reader would repair with a warning
    /// (out-of-range data bytes, running status across meta events, truncated or overrunning
    /// tracks, missing end of track, trailing garbage) is an error instead.
    public var strict: Bool

    /// At most this many warnings are kept; further ones are counted in a final summary line.
    public var maximumWarnings: Int

    /// Creates options; the defaults read leniently.
    public init(strict: Bool = false, maximumWarnings: Int = 100) {
        self.strict = strict
        self.maximumWarnings = maximumWarnings
    }
}
