import Foundation
import Testing
import TestSupport

@Suite("seqgan midi")
struct MIDICommandTests {
    static let fixtures = TestPaths.repositoryRoot.appendingPathComponent("Tests/Fixtures/MIDI")

    @Test("inspect --json prints one object with exactly the documented keys")
    func inspectJSON() throws {
        let file = Self.fixtures.appendingPathComponent("running_status.mid").path
        let result = try runSeqGAN(["midi", "inspect", file, "--json"])
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 1)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(Set(object.keys) == [
            "format", "division", "tracks", "tempos", "timeSignatures", "keySignatures", "notes",
            "durationSeconds", "warnings",
        ])
        #expect((object["division"] as? [String: Int]) == ["ticksPerQuarter": 96])
        let notes = try #require(object["notes"] as? [[String: Any]])
        #expect(notes.count == 4)
        #expect(Set(notes[0].keys) == [
            "track", "channel", "pitch", "velocity", "startTick", "endTick", "start", "end",
        ])
        #expect(notes.map { $0["pitch"] as? Int } == [60, 62, 64, 67])
        #expect(notes.map { $0["end"] as? Double } == [0.5, 0.75, 1.5, 2.0])
        let tracks = try #require(object["tracks"] as? [[String: Any]])
        #expect(tracks.first?["name"] as? String == "Lead")
        #expect((object["warnings"] as? [String])?.count == 1)
        let smpte = try runSeqGAN(["midi", "inspect", Self.fixtures.appendingPathComponent("smpte.mid").path, "--json"])
        let smpteObject = try JSONSerialization.jsonObject(with: Data(smpte.standardOutput.utf8)) as? [String: Any]
        #expect((smpteObject?["division"] as? [String: Int]) == ["framesPerSecond": 25, "ticksPerFrame": 40])
    }

    @Test("inspect prints a readable summary")
    func inspectSummary() throws {
        let file = Self.fixtures.appendingPathComponent("overlap.mid").path
        let result = try runSeqGAN(["midi", "inspect", file])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("format 1, 2 tracks, 120 ticks per quarter note"))
        #expect(result.standardOutput.contains("6/8 at tick 0"))
        #expect(result.standardOutput.contains("A major"))
        #expect(result.standardOutput.contains("zero-length notes dropped"))
    }

    @Test("a file that cannot be read exits 1 with one line naming file and offset")
    func inspectBadFile() throws {
        let folder = try TestPaths.makeTemporaryDirectory("midi-inspect")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("broken.mid")
        var bytes = [UInt8](try Data(contentsOf: Self.fixtures.appendingPathComponent("format2.mid")))
        bytes[42] = 0x01  // the second MTrk id becomes garbage
        try Data(bytes).write(to: file)
        let result = try runSeqGAN(["midi", "inspect", file.path])
        #expect(result.status == 1)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains(file.path) == true)
        #expect(lines.first?.contains("byte 42") == true)
        #expect(lines.first?.contains("bad chunk id") == true)
    }
}
