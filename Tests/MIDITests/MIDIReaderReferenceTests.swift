import Foundation
import MIDI
import Testing
import TestSupport

/// The reference report written by `Tests/Fixtures/MIDI/mido_reference.py`.
private struct ReferenceReport: Decodable {
    struct Division: Decodable, Equatable {
        var ticksPerQuarter: Int?
        var framesPerSecond: Int?
        var ticksPerFrame: Int?
    }
    struct Track: Decodable { var index: Int; var name: String; var events: Int }
    struct Tempo: Decodable { var tick: Int; var microsecondsPerQuarter: Int }
    struct Time: Decodable { var tick: Int; var numerator: Int; var denominator: Int }
    struct Key: Decodable { var tick: Int; var sharps: Int; var minor: Bool }
    struct Note: Decodable {
        var track, channel, pitch, velocity, startTick, endTick: Int
        var start, end: Double
    }
    var format: Int
    var division: Division
    var tracks: [Track]
    var tempos: [Tempo]
    var timeSignatures: [Time]
    var keySignatures: [Key]
    var notes: [Note]
    var durationSeconds: Double
}

@Suite("MIDI reader against the mido reference")
struct MIDIReaderReferenceTests {
    static let fixtureNames = ["running_status", "smpte", "format2", "overlap"]

    private static func references() throws -> [String: ReferenceReport] {
        let text = try String(
            contentsOf: MIDIBytes.fixtures.appendingPathComponent("expected.jsonl"), encoding: .utf8)
        let lines = text.split(separator: "\n")
        var result: [String: ReferenceReport] = [:]
        for (name, line) in zip(fixtureNames, lines) {
            result[name] = try JSONDecoder().decode(ReferenceReport.self, from: Data(line.utf8))
        }
        return result
    }

    @Test("each hand-made fixture reads as mido reads it", arguments: fixtureNames)
    func fixtureMatchesReference(name: String) throws {
        let expected = try #require(try Self.references()[name])
        let midi = try MIDIFile.read(
            contentsOf: MIDIBytes.fixtures.appendingPathComponent("\(name).mid"))
        #expect(midi.format == expected.format)
        switch midi.division {
        case .ticksPerQuarter(let ticks): #expect(expected.division.ticksPerQuarter == ticks)
        case .smpte(let fps, let tpf):
            #expect(expected.division.framesPerSecond == fps)
            #expect(expected.division.ticksPerFrame == tpf)
        }
        #expect(midi.tracks.map { $0.name ?? "" } == expected.tracks.map(\.name))
        #expect(midi.tracks.map(\.events.count) == expected.tracks.map(\.events))
        #expect(midi.tempos.map(\.tick) == expected.tempos.map(\.tick))
        #expect(midi.tempos.map(\.microsecondsPerQuarter) == expected.tempos.map(\.microsecondsPerQuarter))
        #expect(midi.timeSignatures.map { [$0.tick, $0.numerator, $0.denominator] }
            == expected.timeSignatures.map { [$0.tick, $0.numerator, $0.denominator] })
        #expect(midi.keySignatures.map { "\($0.tick) \($0.sharps) \($0.minor)" }
            == expected.keySignatures.map { "\($0.tick) \($0.sharps) \($0.minor)" })
        #expect(midi.notes.count == expected.notes.count)
        for (ours, theirs) in zip(midi.notes, expected.notes) {
            let ourFields: [Int] = [ours.track, ours.channel, ours.pitch, ours.velocity, ours.startTick, ours.endTick]
            let theirFields: [Int] = [
                theirs.track, theirs.channel, theirs.pitch, theirs.velocity, theirs.startTick, theirs.endTick,
            ]
            #expect(ourFields == theirFields)
            #expect(abs(ours.start - theirs.start) < 1e-9)
            #expect(abs(ours.end - theirs.end) < 1e-9)
        }
        #expect(abs(midi.durationSeconds - expected.durationSeconds) < 1e-9)
    }

    @Test("all 3,089 Nottingham files match mido's note checksums", .requiresShared("corpora/nottingham"))
    func nottinghamMatchesReference() throws {
        let root = try #require(TestPaths.shared("corpora/nottingham"))
        let summary = try String(
            contentsOf: MIDIBytes.fixtures.appendingPathComponent("nottingham_summary.tsv"),
            encoding: .utf8)
        var checked = 0
        for line in summary.split(separator: "\n") {
            let fields = line.split(separator: "\t").map(String.init)
            let midi = try MIDIFile.read(contentsOf: root.appendingPathComponent(fields[0]))
            let notes = midi.notes
            let ours = [
                fields[0], "\(notes.count)", "\(notes.reduce(0) { $0 + $1.pitch })",
                "\(notes.reduce(0) { $0 + $1.startTick })", "\(notes.reduce(0) { $0 + $1.endTick })",
                String(format: "%.6f", midi.durationSeconds), "\(midi.timeSignatures.count)",
                "\(midi.keySignatures.count)",
            ]
            #expect(ours == fields, "\(fields[0])")
            #expect(midi.warnings.isEmpty, "\(fields[0]): \(midi.warnings)")
            checked += 1
        }
        #expect(checked == 3089)
    }
}
