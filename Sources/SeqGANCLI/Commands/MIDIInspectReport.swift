import Foundation
import MIDI

/// The `seqgan midi inspect --json` object, with exactly the keys the issue names.
struct MIDIInspectReport: Encodable {
    struct DivisionReport: Encodable {
        var ticksPerQuarter: Int?
        var framesPerSecond: Int?
        var ticksPerFrame: Int?
    }
    struct TrackReport: Encodable {
        var index: Int
        var name: String
        var events: Int
    }
    struct TempoReport: Encodable {
        var tick: Int
        var microsecondsPerQuarter: Int
    }
    struct TimeSignatureReport: Encodable {
        var tick: Int
        var numerator: Int
        var denominator: Int
    }
    struct KeySignatureReport: Encodable {
        var tick: Int
        var sharps: Int
        var minor: Bool
    }
    struct NoteReport: Encodable {
        var track: Int
        var channel: Int
        var pitch: Int
        var velocity: Int
        var startTick: Int
        var endTick: Int
        var start: Double
        var end: Double
    }

    var format: Int
    var division: DivisionReport
    var tracks: [TrackReport]
    var tempos: [TempoReport]
    var timeSignatures: [TimeSignatureReport]
    var keySignatures: [KeySignatureReport]
    var notes: [NoteReport]
    var durationSeconds: Double
    var warnings: [String]

    init(_ midi: MIDIFile) {
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
    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// A readable multi-line summary.
    func summary(fileName: String) -> String {
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
