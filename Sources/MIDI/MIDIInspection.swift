import Foundation

/// What a MIDI file holds, as `seqgan midi inspect` shows it: a JSON object (format, division,
/// tracks, tempos, time and key signatures, notes, duration, warnings) or a readable summary.
public struct MIDIInspection: Encodable, Sendable {
    /// The time division: ticks per quarter note, or SMPTE frames per second and ticks per frame.
    public struct DivisionReport: Encodable, Sendable {
        public var ticksPerQuarter: Int?
        public var framesPerSecond: Int?
        public var ticksPerFrame: Int?
    }
    /// A track: its index, name (empty when it has none) and number of events.
    public struct TrackReport: Encodable, Sendable {
        public var index: Int
        public var name: String
        public var events: Int
    }
    /// A tempo change.
    public struct TempoReport: Encodable, Sendable {
        public var tick: Int
        public var microsecondsPerQuarter: Int
    }
    /// A time signature.
    public struct TimeSignatureReport: Encodable, Sendable {
        public var tick: Int
        public var numerator: Int
        public var denominator: Int
    }
    /// A key signature: sharps (negative for flats) and mode.
    public struct KeySignatureReport: Encodable, Sendable {
        public var tick: Int
        public var sharps: Int
        public var minor: Bool
    }
    /// A note, in ticks and in seconds.
    public struct NoteReport: Encodable, Sendable {
        public var track: Int
        public var channel: Int
        public var pitch: Int
        public var velocity: Int
        public var startTick: Int
        public var endTick: Int
        public var start: Double
        public var end: Double
    }

    /// The SMF format: 0, 1 or 2.
    public var format: Int
    /// The time division.
    public var division: DivisionReport
    /// The tracks in file order.
    public var tracks: [TrackReport]
    /// The tempo map.
    public var tempos: [TempoReport]
    /// The time signatures.
    public var timeSignatures: [TimeSignatureReport]
    /// The key signatures.
    public var keySignatures: [KeySignatureReport]
    /// The notes, sorted by start tick, track, channel and pitch.
    public var notes: [NoteReport]
    /// From the start to the end of the last event, in seconds.
    public var durationSeconds: Double
    /// What the reader repaired, one line each.
    public var warnings: [String]

    /// Describes `midi`.
    public init(_ midi: MIDIFile) {
        format = midi.format
        switch midi.division {
        case .ticksPerQuarter(let ticks): division = DivisionReport(ticksPerQuarter: ticks)
        case .smpte(let fps, let tpf):
            division = DivisionReport(framesPerSecond: fps, ticksPerFrame: tpf)
        }
        tracks = midi.tracks.enumerated().map {
            TrackReport(index: $0.offset, name: $0.element.name ?? "", events: $0.element.events.count)
        }
        tempos = midi.tempos.map {
            TempoReport(tick: $0.tick, microsecondsPerQuarter: $0.microsecondsPerQuarter)
        }
        timeSignatures = midi.timeSignatures.map {
            TimeSignatureReport(tick: $0.tick, numerator: $0.numerator, denominator: $0.denominator)
        }
        keySignatures = midi.keySignatures.map {
            KeySignatureReport(tick: $0.tick, sharps: $0.sharps, minor: $0.minor)
        }
        notes = midi.notes.map {
            NoteReport(
                track: $0.track, channel: $0.channel, pitch: $0.pitch, velocity: $0.velocity,
                startTick: $0.startTick, endTick: $0.endTick, start: $0.start, end: $0.end)
        }
        durationSeconds = midi.durationSeconds
        warnings = midi.warnings.map(\.description)
    }

    /// One line of JSON with sorted keys.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// A readable multi-line summary.
    public func summary(fileName: String) -> String {
        var lines: [String] = []
        let divisionText =
            division.ticksPerQuarter.map { "\($0) ticks per quarter note" }
            ?? "SMPTE \(division.framesPerSecond ?? 0) fps, \(division.ticksPerFrame ?? 0) ticks per frame"
        lines.append("\(fileName): format \(format), \(tracks.count) tracks, \(divisionText)")
        lines.append(String(format: "duration %.2f s, %d notes", durationSeconds, notes.count))
        for track in tracks {
            let count = notes.filter { $0.track == track.index }.count
            let pitches = notes.filter { $0.track == track.index }.map(\.pitch)
            let range = pitches.isEmpty ? "" : ", pitches \(pitches.min()!)...\(pitches.max()!)"
            let name = track.name.isEmpty ? "" : " \"\(track.name)\""
            lines.append("  track \(track.index)\(name): \(track.events) events, \(count) notes\(range)")
        }
        if tempos.isEmpty {
            lines.append("tempo: none (120 BPM by default)")
        } else {
            let list = tempos.prefix(8).map {
                String(format: "%.1f BPM at tick %d", 60_000_000 / Double($0.microsecondsPerQuarter), $0.tick)
            }
            lines.append("tempo: " + list.joined(separator: ", ") + (tempos.count > 8 ? ", ..." : ""))
        }
        if !timeSignatures.isEmpty {
            lines.append(
                "time signatures: "
                    + timeSignatures.prefix(8).map { "\($0.numerator)/\($0.denominator) at tick \($0.tick)" }
                    .joined(separator: ", ") + (timeSignatures.count > 8 ? ", ..." : ""))
        }
        if !keySignatures.isEmpty {
            lines.append(
                "key signatures: "
                    + keySignatures.prefix(8).map { "\(MIDIKeyName.name(sharps: $0.sharps, minor: $0.minor)) at tick \($0.tick)" }
                    .joined(separator: ", ") + (keySignatures.count > 8 ? ", ..." : ""))
        }
        if warnings.isEmpty {
            lines.append("no warnings")
        } else {
            lines.append("\(warnings.count) warnings:")
            lines.append(contentsOf: warnings.map { "  \($0)" })
        }
        return lines.joined(separator: "\n")
    }
}
