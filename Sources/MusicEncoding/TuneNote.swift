/// One sounding note of a tune, timed in quarter notes.
///
/// Inside a ``TuneBar`` the onset counts from the bar's start; in ``FormedTune/unrolled()``
/// it counts from the tune's start. A note may last past the end of its bar (a note tied
/// across the bar line belongs to the bar where it starts).
public struct TuneNote: Sendable, Hashable, Codable {
    /// MIDI key (60 is middle C).
    public var pitch: Int
    /// Onset in quarter notes.
    public var onset: Double
    /// Length in quarter notes (positive).
    public var duration: Double

    /// Creates a note.
    public init(pitch: Int, onset: Double, duration: Double) {
        self.pitch = pitch
        self.onset = onset
        self.duration = duration
    }

    /// The time the note stops sounding.
    public var end: Double { onset + duration }

    /// Whether two notes have the same pitch and, within `tolerance` quarter notes, the same
    /// onset and duration.
    public func matches(_ other: TuneNote, tolerance: Double = 1e-6) -> Bool {
        pitch == other.pitch && abs(onset - other.onset) <= tolerance
            && abs(duration - other.duration) <= tolerance
    }
}
