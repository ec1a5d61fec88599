/// One bar of a tune's bar grid: where it starts, how long it is and the metre it is in.
public struct Bar: Sendable, Hashable, Codable {
    /// The tick of the bar line.
    public var start: Int
    /// Ticks in the bar (shorter than the metre's bar when a metre change cuts it).
    public var length: Int
    /// The metre's numerator (beats as written: 6 in 6/8).
    public var numerator: Int
    /// The metre's denominator (8 in 6/8).
    public var denominator: Int
    /// Ticks of one counted beat: a dotted note in compound metres (6/8, 9/8, 12/8: three
    /// eighths), otherwise the note value of the denominator.
    public var beatTicks: Int

    /// The tick after the bar.
    public var end: Int { start + length }

    /// Creates a bar of `numerator/denominator` at `start`, given the ticks of a quarter note.
    public init(
        start: Int, length: Int? = nil, numerator: Int, denominator: Int, ticksPerQuarter: Int
    ) {
        let unit = max(1, 4 * ticksPerQuarter / max(1, denominator))
        let compound = numerator >= 6 && numerator % 3 == 0 && denominator >= 8
        self.start = start
        self.length = length ?? max(1, numerator * unit)
        self.numerator = numerator
        self.denominator = denominator
        self.beatTicks = compound ? 3 * unit : unit
    }

    /// Counted beats in a full bar of the metre (2 in 6/8, 4 in 4/4, 3 in 3/4).
    public var beatsPerBar: Int {
        let compound = numerator >= 6 && numerator % 3 == 0 && denominator >= 8
        return compound ? numerator / 3 : numerator
    }

    /// Whether `offset` ticks after the bar line is a strong beat: the first beat, and in bars
    /// of an even number of beats also the beat halfway (the third of 4/4, the second of 2/2,
    /// 2/4 and 6/8); never the other beats of 3/4 or 9/8.
    public func isStrongBeat(offset: Int) -> Bool {
        offset == 0 || (beatsPerBar % 2 == 0 && offset == beatsPerBar / 2 * beatTicks)
    }

    /// Whether `offset` ticks after the bar line falls on a counted beat.
    public func isOnBeat(offset: Int) -> Bool { offset >= 0 && offset % beatTicks == 0 }
}
