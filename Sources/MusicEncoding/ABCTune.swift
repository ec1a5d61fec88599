import MIDI

/// One tune written in the ABC subset that `corpora/folk` uses, parsed into notes.
public struct ABCTune: Sendable, Hashable {
    /// One sounding note, in quarter notes from the tune's start.
    public struct Event: Sendable, Hashable {
        /// MIDI key.
        public var pitch: Int
        /// Onset in quarter notes.
        public var start: Double
        /// Length in quarter notes.
        public var duration: Double
    }

    /// The `X:` reference number.
    public var reference: Int
    /// The `T:` title (first one).
    public var title: String
    /// Metre numerator (`M:`; `C` is 4/4, `C|` is 2/2).
    public var numerator: Int
    /// Metre denominator.
    public var denominator: Int
    /// Quarter notes per minute (`Q:`, 120 by default).
    public var beatsPerMinute: Double
    /// Key signature sharps (negative for flats) from `K:`.
    public var sharps: Int
    /// Minor-like mode (minor, dorian, phrygian, locrian).
    public var minor: Bool
    /// Offset of the first bar line in quarter notes when the tune starts with a pickup.
    public var pickup: Double
    /// The notes, repeats expanded, ties merged.
    public var events: [Event]
    /// The tune as written: bars in sections with their repeats, endings and part labels.
    /// Its ``FormedTune/unrolled()`` notes are ``events`` (times from the first note).
    public var form: FormedTune

    /// The tune as a format 1 MIDI file at 480 ticks per quarter: one track named after the
    /// title, with tempo, time and key signature. A pickup is placed so that bar lines fall on
    /// whole bars from tick 0 (the tune starts with rests, as in the Nottingham files).
    public func midiFile(program: Int = 0) -> MIDIFile {
        let ticksPerQuarter = 480
        let barQuarters = Double(numerator) * 4 / Double(denominator)
        let offset = pickup > 0 ? barQuarters - pickup : 0
        let notes = events.map { event in
            Note(
                pitch: event.pitch, velocity: 90, program: program,
                startTick: Int(((event.start + offset) * Double(ticksPerQuarter)).rounded()),
                endTick: Int(((event.start + offset + event.duration) * Double(ticksPerQuarter)).rounded()),
                start: 0, end: 0)
        }
        return MIDIFile(
            notes: notes, format: 1, ticksPerQuarter: ticksPerQuarter,
            tempos: [TempoChange(tick: 0, beatsPerMinute: beatsPerMinute)],
            timeSignatures: [TimeSignature(tick: 0, numerator: numerator, denominator: denominator)],
            keySignatures: [KeySignature(tick: 0, sharps: sharps, minor: minor)],
            trackNames: [title])
    }
}

/// A problem in ABC text, with its place.
public struct ABCError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file.
    public var file: String
    /// 1-based line number.
    public var line: Int
    /// What is wrong.
    public var message: String

    public var description: String { "\(file): line \(line): \(message)" }
}
