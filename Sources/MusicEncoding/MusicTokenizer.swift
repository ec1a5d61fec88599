import MIDI

/// Turns tunes into token sequences and back, under one ``TokenizerSettings``.
///
/// ```swift
/// let tokenizer = MusicTokenizer(settings: TokenizerSettings(scheme: .grid))
/// let windows = try tokenizer.encode(midiFile)          // [[Int]], each windowLength long
/// let midi = tokenizer.decode(generated, options: DecodeOptions(sharps: 2))  // D major
/// try midi.write(to: url)
/// ```
public struct MusicTokenizer: Sendable {
    /// The settings (save them with a model).
    public let settings: TokenizerSettings
    private let grid: GridScheme

    /// Creates a tokenizer; the settings must have no ``TokenizerSettings/problem`` (decoded
    /// settings are checked when decoded).
    public init(settings: TokenizerSettings) {
        precondition(settings.problem == nil, settings.problem ?? "")
        self.settings = settings
        self.grid = GridScheme(settings: settings)
    }

    /// Number of distinct tokens (89 for the paper scheme, 64 for the default grid, 81 for
    /// the tune scheme).
    public var vocabularySize: Int {
        switch settings.scheme {
        case .paper: return PaperScheme.vocabularySize
        case .grid: return grid.vocabularySize
        case .tune: return tuneScheme.vocabularySize
        }
    }

    /// The longest tune accepted, in seconds (and at most 8 beats per second).
    public static let maximumTuneSeconds = 3600.0

    /// The token that pads short tunes (0 in every scheme; silence in the paper and grid
    /// schemes, padding after `end` in the tune scheme).
    public var restToken: Int { 0 }

    /// One tune's whole token sequence and what decoding needs to restore it.
    public struct TuneTokens: Sendable, Hashable {
        /// The tokens of the whole tune.
        public var tokens: [Int]
        /// Semitones added to the tune (grid scheme; 0 for the paper scheme).
        public var transposition: Int
        /// Options that decode the tokens back in the tune's own tempo, metre and key.
        public var decodeOptions: DecodeOptions
        /// Notes the encoding could not keep (grid collisions, tune chord notes).
        public var droppedNotes: Int
    }

    /// Encodes a whole tune (no windowing).
    ///
    /// Tune scheme: the melody's form folded by ``RepeatFolder`` (``FormedTune/init(folding:)``).
    ///
    /// - Throws: ``MelodyError`` when there is no melody, (grid, tune) the file has SMPTE time,
    ///   or (tune) its metre has no token.
    public func tokens(for midi: MIDIFile) throws(MelodyError) -> TuneTokens {
        let melody = try MelodyExtractor.melody(from: midi, track: settings.melodyTrack)
        // Token counts follow the tune's length: refuse absurd lengths (corrupt delta times)
        // instead of allocating for them.
        let seconds = melody.sounding.reduce(0.0) { max($0, $1.end) }
        let beats = Double(melody.sounding.reduce(0) { max($0, $1.endTick) }) / Double(max(1, melody.ticksPerQuarter))
        if seconds > Self.maximumTuneSeconds || beats > Self.maximumTuneSeconds * 8 {
            throw .tooLong(seconds: seconds, limit: Self.maximumTuneSeconds)
        }
        let metre = melody.timeSignatures.first
        var options = DecodeOptions(
            beatsPerMinute: melody.beatsPerMinute, numerator: metre?.numerator ?? 4,
            denominator: metre?.denominator ?? 4, sharps: melody.key?.sharps ?? 0,
            minor: melody.key?.minor ?? false,
            program: melody.sounding.first?.program ?? 0)
        switch settings.scheme {
        case .paper:
            return TuneTokens(
                tokens: PaperScheme.encode(melody, sampleSeconds: settings.sampleSeconds),
                transposition: 0, decodeOptions: options, droppedNotes: 0)
        case .grid:
            guard melody.ticksPerQuarter > 0 else { throw .smpteDivision }
            let encoded = grid.encode(melody)
            options.ticksPerQuarter = melody.ticksPerQuarter
            return TuneTokens(
                tokens: encoded.tokens, transposition: encoded.transposition, decodeOptions: options,
                droppedNotes: encoded.collidingNotes)
        case .tune:
            let form = try FormedTune(folding: melody)
            do {
                return try tokens(for: form, program: options.program)
            } catch {
                throw .tuneEncoding(error)
            }
        }
    }

    /// Cuts a tune's tokens into windows of `windowLength` every `stride` tokens; the last
    /// window ends at the tune's end; a tune shorter than a window is padded with rests.
    public func windows(of tokens: [Int]) -> [[Int]] {
        if settings.scheme == .tune { return tokens.isEmpty ? [] : [tokens] }  // whole tunes
        let length = settings.windowLength
        guard tokens.count > length else {
            return tokens.isEmpty ? [] : [tokens + [Int](repeating: restToken, count: length - tokens.count)]
        }
        var result: [[Int]] = []
        var start = 0
        while start + length <= tokens.count {
            result.append(Array(tokens[start..<start + length]))
            start += settings.stride
        }
        if start - settings.stride + length < tokens.count {
            result.append(Array(tokens[(tokens.count - length)...]))
        }
        return result
    }

    /// Encodes a tune into training windows.
    public func encode(_ midi: MIDIFile) throws(MelodyError) -> [[Int]] {
        windows(of: try tokens(for: midi).tokens)
    }

    /// Decodes tokens to a one-track MIDI file (tempo, time and key signature, program).
    ///
    /// Paper tokens become notes of whole samples; grid tokens are transposed from C major /
    /// A minor to the key of `options`.
    public func decode(_ tokens: [Int], options: DecodeOptions = DecodeOptions()) -> MIDIFile {
        precondition(options.beatsPerMinute > 0 && options.beatsPerMinute.isFinite, "tempo must be positive")
        precondition((1...0x7FFF).contains(options.ticksPerQuarter), "ticks per quarter must be 1...32767")
        switch settings.scheme {
        case .paper: return PaperScheme.decode(tokens, sampleSeconds: settings.sampleSeconds, options: options)
        case .grid: return grid.decode(tokens, options: options)
        case .tune: return decodeTune(tokens, options: options)
        }
    }

    /// A readable name for a token: "rest", "hold", "bar", or a note name such as "D5".
    public func name(of token: Int) -> String {
        let pitch: Int?
        switch settings.scheme {
        case .paper:
            if token == PaperScheme.silence { return "rest" }
            pitch = PaperScheme.pitch(token: token)
        case .grid:
            if token == GridScheme.rest { return "rest" }
            if token == GridScheme.hold { return "hold" }
            if token == GridScheme.bar { return "bar" }
            pitch = grid.pitch(token: token)
        case .tune:
            return tuneScheme.token(token)?.description ?? "?\(token)"
        }
        guard let pitch else { return "?\(token)" }
        let names = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"]
        return names[pitch % 12] + "\(pitch / 12 - 1)"
    }
}
