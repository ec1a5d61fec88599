/// One bar of a tune as written: its length and the notes that start in it.
public struct TuneBar: Sendable, Hashable, Codable {
    /// The bar's length in quarter notes. Usually a full bar of the metre; shorter for a
    /// pickup (anacrusis) or for the bar that completes one.
    public var length: Double
    /// The notes starting in the bar, by onset (counted from the bar's start). A note may
    /// last past the bar's end: it is tied over the bar line.
    public var notes: [TuneNote]
    /// A new metre that takes effect at this bar, when the metre changes here.
    public var metreChange: Metre?

    /// Creates a bar.
    public init(length: Double, notes: [TuneNote], metreChange: Metre? = nil) {
        self.length = length
        self.notes = notes
        self.metreChange = metreChange
    }

    /// Whether two bars sound the same: the same length and the same notes (pitches, onsets
    /// and durations within `tolerance` quarter notes). The metre change mark is not compared.
    public func sounds(like other: TuneBar, tolerance: Double = 1e-6) -> Bool {
        abs(length - other.length) <= tolerance && notes.count == other.notes.count
            && zip(notes, other.notes).allSatisfy { $0.matches($1, tolerance: tolerance) }
    }
}
