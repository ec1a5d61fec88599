import MIDI

/// The ways a tune becomes tokens.
public enum TokenScheme: String, Sendable, Hashable, Codable, CaseIterable {
    /// The paper's: the sounding pitch sampled every 0.4 s; MIDI keys 21...108 are tokens
    /// 1...88, silence is 0 (vocabulary 89).
    case paper
    /// The project's: a 16th-note grid in beats with rest, hold, bar and note-on tokens,
    /// transposed to C major / A minor.
    case grid
    /// Whole tunes with their form (``TuneScheme``): `begin`, metre, mode, bars with repeat
    /// signs and endings, pitch and duration tokens, bar copies, `end`; one tune per sequence
    /// (no windows), in C major / A minor. ABC tunes keep their written repeats; MIDI tunes
    /// are folded by ``RepeatFolder``.
    case tune

    /// One line describing the scheme, for `--help`.
    public var summary: String {
        switch self {
        case .paper: "the pitch every 0.4 s (keys 21...108 as 1...88, silence 0), as in the paper"
        case .grid: "16th-note steps (0 rest, 1 hold, 2 bar, 3... note-ons) in C major / A minor"
        case .tune: "a whole tune with its form: metre, mode, repeats and endings, pitches, durations"
        }
    }
}

/// Everything that fixes how tunes become tokens and back; saved next to a trained model.
///
/// Decoding fills a missing key with its default, so saved settings stay readable when
/// fields are added.
public struct TokenizerSettings: Sendable, Hashable, Codable {
    /// Which scheme.
    public var scheme: TokenScheme
    /// Tokens per training sequence (the paper uses 32 for music); for the tune scheme, the
    /// most tokens of one whole tune (its row length: longer tunes are left out of training).
    public var windowLength: Int
    /// Tokens between the starts of consecutive windows of one tune.
    public var stride: Int
    /// Paper scheme: seconds between samples.
    public var sampleSeconds: Double = 0.4
    /// Grid scheme: grid steps per quarter note (4 gives 16th notes).
    public var stepsPerQuarter: Int = 4
    /// Grid scheme: lowest note-on pitch after transposition (others move by octaves).
    public var lowestPitch: Int = 36
    /// Grid scheme: highest note-on pitch after transposition.
    public var highestPitch: Int = 96
    /// Grid scheme: transpose each tune to C major / A minor from its first key signature.
    public var transposeToC: Bool = true
    /// Which track holds the melody; `nil` chooses automatically (see ``MelodyExtractor``).
    public var melodyTrack: Int?

    /// Creates settings. Windows default to 32 tokens with stride 16 for the paper scheme and
    /// 64 with stride 32 for the grid scheme (four bars of 4/4 at 16th notes, with bar tokens).
    /// Tune-scheme rows hold whole tunes of up to ``defaultTuneRowLength`` tokens.
    public init(
        scheme: TokenScheme = .paper, windowLength: Int? = nil, stride: Int? = nil,
        melodyTrack: Int? = nil
    ) {
        self.scheme = scheme
        switch scheme {
        case .paper: (self.windowLength, self.stride) = (windowLength ?? 32, stride ?? 16)
        case .grid: (self.windowLength, self.stride) = (windowLength ?? 64, stride ?? 32)
        case .tune:
            let length = windowLength ?? Self.defaultTuneRowLength
            (self.windowLength, self.stride) = (length, stride ?? length)
        }
        self.melodyTrack = melodyTrack
    }

    /// The default row length of the tune scheme: 512 tokens hold 97% of the Nottingham
    /// training tunes whole (median 189 tokens, 95th percentile 380).
    public static let defaultTuneRowLength = 512

    private enum CodingKeys: String, CodingKey {
        case scheme, windowLength, stride, sampleSeconds, stepsPerQuarter, lowestPitch
        case highestPitch, transposeToC, melodyTrack
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var settings = TokenizerSettings(
            scheme: try c.decodeIfPresent(TokenScheme.self, forKey: .scheme) ?? .paper)
        if let v = try c.decodeIfPresent(Int.self, forKey: .windowLength) { settings.windowLength = v }
        if let v = try c.decodeIfPresent(Int.self, forKey: .stride) { settings.stride = v }
        if let v = try c.decodeIfPresent(Double.self, forKey: .sampleSeconds) { settings.sampleSeconds = v }
        if let v = try c.decodeIfPresent(Int.self, forKey: .stepsPerQuarter) { settings.stepsPerQuarter = v }
        if let v = try c.decodeIfPresent(Int.self, forKey: .lowestPitch) { settings.lowestPitch = v }
        if let v = try c.decodeIfPresent(Int.self, forKey: .highestPitch) { settings.highestPitch = v }
        if let v = try c.decodeIfPresent(Bool.self, forKey: .transposeToC) { settings.transposeToC = v }
        settings.melodyTrack = try c.decodeIfPresent(Int.self, forKey: .melodyTrack)
        if let problem = settings.problem {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: problem))
        }
        self = settings
    }

    /// What makes these settings unusable, or `nil` when they are fine: windows and strides
    /// of at least 1, samples of 0.01...10 s, 1...96 grid steps per quarter, a pitch range of
    /// at least an octave inside 0...127.
    public var problem: String? {
        if windowLength < 1 || stride < 1 { return "window length and stride must be at least 1" }
        if !(0.01...10).contains(sampleSeconds) { return "sample interval must be 0.01...10 s" }
        if !(1...96).contains(stepsPerQuarter) { return "grid steps per quarter must be 1...96" }
        if lowestPitch < 0 || highestPitch > 127 || highestPitch - lowestPitch < 11 {
            return "grid pitch range must span an octave inside 0...127"
        }
        if let melodyTrack, melodyTrack < 0 { return "melody track must be 0 or more" }
        return nil
    }
}

/// How decoded tokens become a MIDI file.
public struct DecodeOptions: Sendable, Hashable, Codable {
    /// Quarter notes per minute.
    public var beatsPerMinute: Double
    /// The metre written; for the grid scheme also the bar length bar tokens align to.
    public var numerator: Int
    /// The metre's beat value (2, 4, 8, 16).
    public var denominator: Int
    /// The key written, as sharps (-7...7, negative for flats). Grid tokens are in C major /
    /// A minor and are transposed to this key.
    public var sharps: Int
    /// Minor mode for the key.
    public var minor: Bool
    /// General MIDI program (0 piano, 40 violin, 73 flute).
    public var program: Int
    /// Note-on velocity.
    public var velocity: Int
    /// Ticks per quarter note of the file written.
    public var ticksPerQuarter: Int
    /// Grid scheme: a bar token that arrives mid-bar fills up to the next bar line.
    public var alignBars: Bool

    /// Creates options; defaults are 120 BPM, 4/4, C major, piano.
    public init(
        beatsPerMinute: Double = 120, numerator: Int = 4, denominator: Int = 4, sharps: Int = 0,
        minor: Bool = false, program: Int = 0, velocity: Int = 90, ticksPerQuarter: Int = 480,
        alignBars: Bool = true
    ) {
        self.beatsPerMinute = beatsPerMinute
        self.numerator = numerator
        self.denominator = denominator
        self.sharps = sharps
        self.minor = minor
        self.program = program
        self.velocity = velocity
        self.ticksPerQuarter = ticksPerQuarter
        self.alignBars = alignBars
    }
}
