import Foundation

/// A Standard MIDI File: header, tracks of timed events, and what follows from them
/// (tempo map, signatures, paired notes with times in seconds).
///
/// Read one with ``read(contentsOf:options:)`` or ``init(bytes:name:options:)``; build one for
/// writing with ``init(format:division:tracks:)`` or ``init(notes:format:ticksPerQuarter:tempos:timeSignatures:keySignatures:trackNames:)``.
public struct MIDIFile: Sendable {
    /// SMF format: 0 (one track), 1 (simultaneous tracks) or 2 (independent sequences).
    public let format: Int
    /// Ticks per quarter note, or SMPTE frames and ticks per frame.
    public let division: Division
    /// The `MTrk` chunks in file order.
    public let tracks: [MIDITrack]
    /// Irregularities the reader repaired, and note-pairing counts (open, zero-length,
    /// unmatched), in the order found.
    public let warnings: [MIDIWarning]

    /// Every tempo change; for formats 0 and 1 these form one map for all tracks.
    public let tempos: [TempoChange]
    /// Every time-signature event.
    public let timeSignatures: [TimeSignature]
    /// Every key-signature event.
    public let keySignatures: [KeySignature]
    /// Notes paired first-in first-out per track, channel and pitch, sorted by start tick,
    /// track, channel and pitch, with start and end in seconds.
    public let notes: [Note]
    /// How many notes were dropped because they ended on the tick they started.
    public let droppedZeroLengthNotes: Int

    /// Creates a file from parsed or generated tracks, deriving tempo map and notes.
    ///
    /// - Parameters:
    ///   - format: 0, 1 or 2.
    ///   - division: The time division.
    ///   - tracks: The tracks, with absolute ticks.
    ///   - warnings: Warnings already found (by the reader); note warnings are appended.
    public init(format: Int, division: Division, tracks: [MIDITrack], warnings: [MIDIWarning] = []) {
        self.format = format
        self.division = division
        self.tracks = tracks
        var tempos: [TempoChange] = []
        var timeSignatures: [TimeSignature] = []
        var keySignatures: [KeySignature] = []
        for (index, track) in tracks.enumerated() {
            for event in track.events {
                guard case .meta(let meta) = event.message else { continue }
                switch meta {
                case .tempo(let microseconds):
                    tempos.append(
                        TempoChange(tick: event.tick, microsecondsPerQuarter: microseconds, track: index))
                case .timeSignature(let numerator, let power, _, _):
                    timeSignatures.append(
                        TimeSignature(
                            tick: event.tick, numerator: numerator, denominator: 1 << power,
                            track: index))
                case .keySignature(let sharps, let minor):
                    keySignatures.append(
                        KeySignature(tick: event.tick, sharps: sharps, minor: minor, track: index))
                default: break
                }
            }
        }
        let byTickThenTrack: (Int, Int, Int, Int) -> Bool = { ($0, $1) < ($2, $3) }
        tempos.sort { byTickThenTrack($0.tick, $0.track, $1.tick, $1.track) }
        timeSignatures.sort { byTickThenTrack($0.tick, $0.track, $1.tick, $1.track) }
        keySignatures.sort { byTickThenTrack($0.tick, $0.track, $1.tick, $1.track) }
        self.tempos = tempos
        self.timeSignatures = timeSignatures
        self.keySignatures = keySignatures

        var allWarnings = warnings
        let pairing = NotePairing.pair(tracks: tracks)
        allWarnings.append(contentsOf: pairing.warnings)
        self.droppedZeroLengthNotes = pairing.droppedZeroLength
        self.warnings = allWarnings

        // Seconds through the tempo map: one shared map for formats 0 and 1, one per track
        // for format 2.
        var notes = pairing.notes
        if format == 2 {
            let maps = tracks.indices.map { TempoMap(division: division, tempos: tempos, track: $0) }
            for i in notes.indices {
                let map = maps[notes[i].track]
                notes[i].start = map.seconds(atTick: notes[i].startTick)
                notes[i].end = map.seconds(atTick: notes[i].endTick)
            }
        } else {
            let map = TempoMap(division: division, tempos: tempos, track: nil)
            for i in notes.indices {
                notes[i].start = map.seconds(atTick: notes[i].startTick)
                notes[i].end = map.seconds(atTick: notes[i].endTick)
            }
        }
        self.notes = notes
    }

    /// The tempo map that governs `track`: the merged map for formats 0 and 1, the track's own
    /// for format 2.
    public func tempoMap(forTrack track: Int = 0) -> TempoMap {
        TempoMap(division: division, tempos: tempos, track: format == 2 ? track : nil)
    }

    /// The time of the last event of any track (its end), in seconds.
    public var durationSeconds: Double {
        var longest = 0.0
        for (index, track) in tracks.enumerated() {
            longest = max(longest, tempoMap(forTrack: index).seconds(atTick: track.endTick))
        }
        return longest
    }
}

/// A tempo change (FF 51) at a tick.
public struct TempoChange: Sendable, Hashable, Codable {
    /// Where it takes effect.
    public var tick: Int
    /// Microseconds per quarter note (500000 is 120 BPM).
    public var microsecondsPerQuarter: Int
    /// The track it came from (or goes to when writing; tempo events are written to track 0).
    public var track: Int

    /// Creates a tempo change.
    public init(tick: Int, microsecondsPerQuarter: Int, track: Int = 0) {
        self.tick = tick
        self.microsecondsPerQuarter = microsecondsPerQuarter
        self.track = track
    }

    /// Creates a tempo change from beats per minute.
    public init(tick: Int, beatsPerMinute: Double, track: Int = 0) {
        self.init(
            tick: tick, microsecondsPerQuarter: Int((60_000_000 / beatsPerMinute).rounded()),
            track: track)
    }

    /// Quarter notes per minute.
    public var beatsPerMinute: Double { 60_000_000 / Double(microsecondsPerQuarter) }
}

/// A time signature (FF 58) at a tick.
public struct TimeSignature: Sendable, Hashable, Codable {
    /// Where it takes effect.
    public var tick: Int
    /// Beats per bar.
    public var numerator: Int
    /// The beat's note value: 2, 4, 8, 16... (a power of two).
    public var denominator: Int
    /// The track it came from.
    public var track: Int

    /// Creates a time signature.
    public init(tick: Int, numerator: Int, denominator: Int, track: Int = 0) {
        self.tick = tick
        self.numerator = numerator
        self.denominator = denominator
        self.track = track
    }
}

/// A key signature (FF 59) at a tick.
public struct KeySignature: Sendable, Hashable, Codable {
    /// Where it takes effect.
    public var tick: Int
    /// Sharps (positive) or flats (negative), -7...7.
    public var sharps: Int
    /// Minor key when true.
    public var minor: Bool
    /// The track it came from.
    public var track: Int

    /// Creates a key signature.
    public init(tick: Int, sharps: Int, minor: Bool, track: Int = 0) {
        self.tick = tick
        self.sharps = sharps
        self.minor = minor
        self.track = track
    }
}
