/// A melody with its form: bars grouped into sections (parts), each played once or repeated,
/// with first and second endings, plus the metre, key and unit note length a score needs.
///
/// This is the tune as a folk musician reads it from ABC (`|: ... :|`, `[1 ... :|[2 ...`),
/// where a MIDI file holds it played out. ``unrolled()`` gives the notes as played.
/// ``ABCTuneBook`` reads it from ABC text (``ABCTune/form``), ``RepeatFolder`` folds it from
/// played-out notes, and ``ABCWriter`` writes it as ABC.
public struct FormedTune: Sendable, Hashable, Codable {
    /// The metre at the start (a bar's ``TuneBar/metreChange`` changes it from there on).
    public var metre: Metre
    /// Key signature: sharps, negative for flats (-7...7).
    public var sharps: Int
    /// Whether the key is a minor-like mode (minor, dorian, phrygian, locrian).
    public var minor: Bool
    /// The ABC unit note length (`L:`) as a fraction of a whole note, when the source gave one
    /// or the writer should use it; `nil` lets the writer choose.
    public var unitLength: NoteFraction?
    /// Quarter notes per minute.
    public var beatsPerMinute: Double
    /// The sections in playing order.
    public var sections: [TuneSection]

    /// Creates a formed tune.
    public init(
        metre: Metre, sharps: Int = 0, minor: Bool = false, unitLength: NoteFraction? = nil,
        beatsPerMinute: Double = 120, sections: [TuneSection]
    ) {
        self.metre = metre
        self.sharps = sharps
        self.minor = minor
        self.unitLength = unitLength
        self.beatsPerMinute = beatsPerMinute
        self.sections = sections
    }

    /// Every bar in playing order (repeats and endings played out).
    public var playedBars: [TuneBar] { sections.flatMap(\.playedBars) }

    /// Every bar once, in written order.
    public var writtenBars: [TuneBar] { sections.flatMap(\.writtenBars) }

    /// The notes as played, repeats and endings expanded, onsets from the start of the first
    /// bar, in time order (notes sharing an onset keep their written order).
    public func unrolled() -> [TuneNote] {
        var notes: [TuneNote] = []
        var barStart = 0.0
        for bar in playedBars {
            for note in bar.notes {
                notes.append(TuneNote(pitch: note.pitch, onset: barStart + note.onset, duration: note.duration))
            }
            barStart += bar.length
        }
        return notes
    }

    /// The total played length in quarter notes (the sum of the played bars' lengths).
    public var playedLength: Double { playedBars.reduce(0) { $0 + $1.length } }
}
