import Foundation
import MIDI
import Testing
import Randomness
import TestSupport

@Suite("MIDI writer and round trips")
struct MIDIWriterTests {
    /// Random notes that first-in first-out pairing can give back unchanged: for one track,
    /// channel and pitch, a later start never has an earlier or equal end.
    static func randomNotes(count: Int, tracks: Int, using generator: inout SplitMix64) -> [Note] {
        var notes: [Note] = (0..<count).map { _ in
            let start = Int.random(in: 0...20_000, using: &generator)
            return Note(
                track: Int.random(in: 0..<tracks, using: &generator),
                channel: Int.random(in: 0...15, using: &generator),
                pitch: Int.random(in: 40...80, using: &generator),
                velocity: Int.random(in: 1...127, using: &generator),
                program: Int.random(in: 0...3, using: &generator),
                startTick: start, endTick: start + Int.random(in: 1...2000, using: &generator),
                start: 0, end: 0)
        }
        notes.sort { ($0.startTick, $0.endTick) < ($1.startTick, $1.endTick) }
        var lastEnd: [Int: Int] = [:]
        for i in notes.indices {
            let key = notes[i].track << 16 | notes[i].channel << 8 | notes[i].pitch
            if let previous = lastEnd[key], notes[i].endTick <= previous {
                notes[i].endTick = previous + 1
            }
            lastEnd[key] = notes[i].endTick
        }
        return notes
    }

    private static func tickFields(_ notes: [Note]) -> [[Int]] {
        notes.map { [$0.startTick, $0.track, $0.channel, $0.pitch, $0.endTick, $0.velocity, $0.program] }
            .sorted { $0.lexicographicallyPrecedes($1) }
    }

    @Test("random note lists, tempos and signatures come back unchanged", arguments: 0..<40)
    func roundTrip(seed: Int) throws {
        var generator = SplitMix64(seed: UInt64(seed))
        let format = seed % 4 == 0 ? 0 : 1
        let notes = Self.randomNotes(
            count: Int.random(in: 0...300, using: &generator), tracks: format == 0 ? 1 : 3,
            using: &generator)
        let tempos = (0..<Int.random(in: 0...4, using: &generator)).map { i in
            TempoChange(tick: i * 3000, microsecondsPerQuarter: Int.random(in: 200_000...1_500_000, using: &generator))
        }
        let times = [TimeSignature(tick: 0, numerator: 6, denominator: 8), TimeSignature(tick: 9600, numerator: 3, denominator: 4)]
        let keys = [KeySignature(tick: 0, sharps: -3, minor: true), KeySignature(tick: 4800, sharps: 5, minor: false)]
        let ticksPerQuarter = [96, 480, 1024][seed % 3]
        let written = MIDIFile(
            notes: notes, format: format, ticksPerQuarter: ticksPerQuarter, tempos: tempos,
            timeSignatures: times, keySignatures: keys, trackNames: ["melody", "bass"])
        let read = try MIDIFile(bytes: written.encoded(), name: "roundtrip.mid", options: MIDIReadOptions(strict: true))
        #expect(read.format == format)
        #expect(read.division == .ticksPerQuarter(ticksPerQuarter))
        #expect(read.warnings.isEmpty)
        var expected = notes
        if format == 0 { for i in expected.indices { expected[i].track = 0 } }
        #expect(Self.tickFields(read.notes) == Self.tickFields(expected))
        #expect(read.tempos == tempos)
        #expect(read.timeSignatures == times)
        #expect(read.keySignatures == keys)
        #expect(read.tracks[0].name == "melody")
        // Seconds agree with a tempo map built independently from the tempo list.
        let map = TempoMap(division: .ticksPerQuarter(ticksPerQuarter), tempos: tempos, track: nil)
        for note in read.notes {
            #expect(abs(note.start - map.seconds(atTick: note.startTick)) < 1e-12)
        }
    }

    @Test("writing what was read gives back the same events", arguments: MIDIReaderReferenceTests.fixtureNames)
    func rewriteFixture(name: String) throws {
        let original = try MIDIFile.read(contentsOf: MIDIBytes.fixtures.appendingPathComponent("\(name).mid"))
        let rewritten = try MIDIFile(bytes: original.encoded())
        #expect(rewritten.format == original.format)
        #expect(rewritten.division == original.division)
        #expect(rewritten.tracks == original.tracks)
        #expect(rewritten.notes == original.notes)
    }

    @Test("Nottingham files rewrite to identical events", .requiresShared("corpora/nottingham/full"))
    func rewriteNottingham() throws {
        let folder = try #require(TestPaths.shared("corpora/nottingham/full"))
        for name in ["jigs1.mid", "reelsa-c10.mid", "waltzes5.mid", "ashover1.mid"] {
            let url = folder.appendingPathComponent(name)
            let original = try MIDIFile.read(contentsOf: url)
            let bytes = original.encoded()
            #expect(bytes.count <= (try Data(contentsOf: url)).count, "running status only shrinks")
            #expect(try MIDIFile(bytes: bytes).tracks == original.tracks)
        }
    }

    @Test("the writer uses running status between channel messages but never across meta events")
    func runningStatusPolicy() throws {
        let track = MIDITrack(events: [
            MIDIEvent(tick: 0, .noteOn(channel: 0, key: 60, velocity: 90)),
            MIDIEvent(tick: 0, .noteOn(channel: 0, key: 64, velocity: 90)),
            MIDIEvent(tick: 0, .meta(.text(.marker, "A"))),
            MIDIEvent(tick: 0, .noteOn(channel: 0, key: 67, velocity: 90)),
        ])
        let bytes = MIDIFile(format: 0, division: .ticksPerQuarter(96), tracks: [track]).encoded()
        #expect(Array(bytes[22...]) == [
            0, 0x90, 60, 90, 0, 64, 90, 0, 0xFF, 0x06, 1, 65, 0, 0x90, 67, 90, 0, 0xFF, 0x2F, 0,
        ])
    }
}
