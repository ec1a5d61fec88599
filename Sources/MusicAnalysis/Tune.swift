import MIDI
import MusicEncoding

/// A monophonic tune ready to be measured: its notes, metre, key and bar grid.
///
/// Times are ticks of the tune's own clock (`ticksPerQuarter` to a quarter note); seconds and
/// tempo play no part.
public struct Tune: Sendable {
    /// The melody's notes sorted by start tick (pitch and ticks are used).
    public var notes: [Note]
    /// Ticks per quarter note.
    public var ticksPerQuarter: Int
    /// Metre changes sorted by tick; the first applies from tick 0 (4/4 when none is given).
    public var metres: [TimeSignature]
    /// The key that tonic, triad and scale refer to.
    public var key: TuneKey
    /// Ticks before the first full bar: the pickup (anacrusis), 0 when the tune starts on a
    /// bar line.
    public var pickupTicks: Int

    /// Creates a tune.
    ///
    /// - Parameters:
    ///   - notes: The notes of one voice, in any order.
    ///   - ticksPerQuarter: Ticks per quarter note (at least 1).
    ///   - metres: Time signatures; an empty list means 4/4 throughout.
    ///   - key: The key.
    ///   - pickupTicks: Length of the pickup bar (0 for none).
    public init(
        notes: [Note], ticksPerQuarter: Int, metres: [TimeSignature] = [], key: TuneKey,
        pickupTicks: Int = 0
    ) {
        precondition(ticksPerQuarter > 0, "a quarter note has at least one tick")
        precondition(pickupTicks >= 0, "a pickup cannot be negative")
        self.notes = notes.sorted { ($0.startTick, $0.pitch) < ($1.startTick, $1.pitch) }
        self.ticksPerQuarter = ticksPerQuarter
        var metres = metres.filter { $0.numerator > 0 && $0.denominator > 0 }.sorted {
            $0.tick < $1.tick
        }
        if metres.first.map({ $0.tick > 0 }) ?? true {
            let first = metres.first
            metres.insert(
                TimeSignature(
                    tick: 0, numerator: first?.numerator ?? 4, denominator: first?.denominator ?? 4),
                at: 0)
        }
        self.metres = metres
        self.key = key
        self.pickupTicks = pickupTicks
    }

    /// Reads the melody of a MIDI file (``MelodyExtractor``: the melody track, highest voice),
    /// with its time signatures, and the key from its key signature
    /// (``TuneKey/estimate(notes:signature:)``) unless one is given.
    ///
    /// - Parameters:
    ///   - midi: The file.
    ///   - key: The key, when known; estimated otherwise.
    ///   - metre: A metre for the whole tune replacing the file's time signatures.
    ///   - pickupTicks: The tick of the first full bar line; by default
    ///     ``detectedPickupTicks(notes:ticksPerQuarter:metres:)``.
    /// - Throws: ``MelodyError`` when the file has no notes or uses SMPTE time.
    public init(
        midi: MIDIFile, key: TuneKey? = nil, metre: (numerator: Int, denominator: Int)? = nil,
        pickupTicks: Int? = nil
    ) throws(MelodyError) {
        let melody = try MelodyExtractor.melody(from: midi)
        guard melody.ticksPerQuarter > 0 else { throw MelodyError.smpteDivision }
        let notes = melody.notes
        let metres =
            metre.map {
                [TimeSignature(tick: 0, numerator: $0.numerator, denominator: $0.denominator)]
            }
            ?? melody.timeSignatures
        let pickup =
            pickupTicks
            ?? Self.detectedPickupTicks(
                notes: notes, ticksPerQuarter: melody.ticksPerQuarter, metres: metres)
        self.init(
            notes: notes, ticksPerQuarter: melody.ticksPerQuarter, metres: metres,
            key: key ?? TuneKey.estimate(notes: notes, signature: melody.key), pickupTicks: pickup)
    }

    /// Where the first full bar starts in a file whose bar grid starts at tick 0 (as MIDI files
    /// of ABC tunes pad a pickup with a rest to a whole bar): the bar line at the first onset,
    /// or, when the first onset falls inside a bar, the bar line after it (that bar is then the
    /// pickup bar). Bars of silence before the first note are skipped; 0 without notes.
    public static func detectedPickupTicks(
        notes: [Note], ticksPerQuarter: Int, metres: [TimeSignature]
    ) -> Int {
        guard let first = notes.map(\.startTick).min() else { return 0 }
        let grid = Tune(
            notes: [], ticksPerQuarter: ticksPerQuarter, metres: metres,
            key: TuneKey(tonic: 0, mode: .major))
        var position = 0
        while true {
            let bar = grid.bar(at: position)
            if first < bar.end { return first == bar.start ? bar.start : bar.end }
            position = bar.end
        }
    }

    /// The length of the pickup: from the first onset to the first full bar line (0 without
    /// a pickup). Written music balances it by a last bar shorter by as much.
    public var pickupLength: Int {
        guard pickupTicks > 0 else { return 0 }
        return pickupTicks - min(pickupTicks, notes.first?.startTick ?? pickupTicks)
    }

    /// The tick after the last note ends (0 without notes).
    public var endTick: Int { notes.map(\.endTick).max() ?? 0 }

    /// The metre in force at `tick`.
    func metre(at tick: Int) -> TimeSignature {
        metres.last { $0.tick <= tick } ?? metres[0]
    }

    /// The pickup bar, `nil` without a pickup: the metre's bar ending at ``pickupTicks``.
    public var pickupBar: Bar? {
        guard pickupTicks > 0 else { return nil }
        let metre = metres[0]
        let full = Bar(
            start: 0, numerator: metre.numerator, denominator: metre.denominator,
            ticksPerQuarter: ticksPerQuarter)
        return Bar(
            start: pickupTicks - full.length, length: full.length, numerator: metre.numerator,
            denominator: metre.denominator, ticksPerQuarter: ticksPerQuarter)
    }

    /// The full bars, from the first bar line (at ``pickupTicks``) to the bar holding the end of
    /// the last note.
    ///
    /// Each bar has the length of the metre in force at its bar line; a time signature that
    /// falls inside a bar cuts that bar short and starts a new bar at its tick.
    public var bars: [Bar] {
        let end = endTick
        var result: [Bar] = []
        var position = pickupTicks
        while position < end {
            let bar = bar(at: position)
            result.append(bar)
            position = bar.end
        }
        return result
    }

    /// The bar starting at `position`: the length of the metre in force there, cut short by a
    /// time signature that falls inside it.
    func bar(at position: Int) -> Bar {
        let metre = metre(at: position)
        var bar = Bar(
            start: position, numerator: metre.numerator, denominator: metre.denominator,
            ticksPerQuarter: ticksPerQuarter)
        if let change = metres.first(where: { $0.tick > position && $0.tick < bar.end }) {
            bar.length = change.tick - position
        }
        return bar
    }
}
