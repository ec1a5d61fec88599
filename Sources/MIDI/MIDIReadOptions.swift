/// How forgiving the reader is, and how much it reads.
public struct MIDIReadOptions: Sendable, Hashable, Codable {
    /// When true, every irregularity that the lenient reader would repair with a warning
    /// (out-of-range data bytes, running status across meta events, truncated or overrunning
    /// tracks, missing end of track, trailing garbage, variable-length quantities longer than
    /// 4 bytes) is an error instead.
    public var strict: Bool

    /// At most this many warnings are kept; further ones are counted in a final summary line.
    public var maximumWarnings: Int

    /// The largest file read, in bytes; a larger one is refused before it is loaded.
    public var maximumFileBytes: Int

    /// The most events (of all tracks together) read; a file with more is refused. Memory
    /// grows with the events (every event, and every note paired from them, is kept), so this
    /// bounds what one file can cost.
    public var maximumEvents: Int

    /// The default ``maximumFileBytes``: 8 MiB, hundreds of times a typical tune's file.
    public static let defaultMaximumFileBytes = 8 << 20

    /// The default ``maximumEvents``: one million events, a few hundred MB at most for every
    /// command that reads the file.
    public static let defaultMaximumEvents = 1_000_000

    /// Creates options; the defaults read leniently.
    public init(
        strict: Bool = false, maximumWarnings: Int = 100,
        maximumFileBytes: Int = MIDIReadOptions.defaultMaximumFileBytes,
        maximumEvents: Int = MIDIReadOptions.defaultMaximumEvents
    ) {
        self.strict = strict
        self.maximumWarnings = maximumWarnings
        self.maximumFileBytes = maximumFileBytes
        self.maximumEvents = maximumEvents
    }

    private enum CodingKeys: String, CodingKey {
        case strict, maximumWarnings, maximumFileBytes, maximumEvents
    }

    /// Decodes options, taking the default for every missing key.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            strict: try container.decodeIfPresent(Bool.self, forKey: .strict) ?? false,
            maximumWarnings: try container.decodeIfPresent(Int.self, forKey: .maximumWarnings) ?? 100,
            maximumFileBytes: try container.decodeIfPresent(Int.self, forKey: .maximumFileBytes)
                ?? Self.defaultMaximumFileBytes,
            maximumEvents: try container.decodeIfPresent(Int.self, forKey: .maximumEvents)
                ?? Self.defaultMaximumEvents)
    }
}
