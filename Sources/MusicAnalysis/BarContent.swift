import MIDI

/// The notes of one bar relative to its bar line: what makes two bars equal.
struct BarContent: Hashable {
    /// One note: onset after the bar line, duration and pitch.
    struct Event: Hashable {
        var offset: Int
        var duration: Int
        var pitch: Int
    }

    /// The bar's length in ticks.
    var length: Int
    /// The notes starting in the bar, by onset then pitch.
    var events: [Event]

    /// The (onset, pitch) pairs, for the Jaccard similarity.
    var onsetPitches: Set<[Int]> { Set(events.map { [$0.offset, $0.pitch] }) }

    /// The bar's notes: those of `notes` (sorted by start) whose onset lies in `bar`.
    init(bar: Bar, notes: [Note]) {
        length = bar.length
        events = notes.filter { $0.startTick >= bar.start && $0.startTick < bar.end }.map {
            Event(
                offset: $0.startTick - bar.start, duration: $0.endTick - $0.startTick,
                pitch: $0.pitch)
        }
    }

    /// The Jaccard index of two bars' (onset, pitch) sets; 0 when both are empty.
    static func similarity(_ a: Set<[Int]>, _ b: Set<[Int]>) -> Double {
        let union = a.union(b).count
        return union == 0 ? 0 : Double(a.intersection(b).count) / Double(union)
    }
}
