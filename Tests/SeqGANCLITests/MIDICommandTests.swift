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

    @Test("roll draws one bar per note, in the file's pitch order, and refuses a non-SVG output")
    func roll() throws {
        let folder = try TestPaths.makeTemporaryDirectory("midi-roll")
        defer { try? FileManager.default.removeItem(at: folder) }
        let picture = folder.appendingPathComponent("roll.svg")
        let file = Self.fixtures.appendingPathComponent("running_status.mid").path
        let result = try runSeqGAN(["midi", "roll", file, "-o", picture.path])
        #expect(result.status == 0, "\(result.standardError)")
        let svg = try String(contentsOf: picture, encoding: .utf8)
        #expect(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>"))
        // Notes are the rounded bars drawn in the note colour: 60, 62, 64, 67, each higher (smaller y).
        let noteYs = svg.components(separatedBy: "<rect ").filter { $0.contains("rx=\"1.5\"") }.compactMap { part -> Double? in
            guard let range = part.range(of: "y=\"") else { return nil }
            return Double(part[range.upperBound...].prefix { $0 != "\"" })
        }
        #expect(noteYs.count == 4)
        #expect(noteYs == noteYs.sorted(by: >))
        let wrong = try runSeqGAN(["midi", "roll", file, "-o", folder.appendingPathComponent("roll.png").path])
        #expect(wrong.status != 0)
        #expect(wrong.standardError.contains(".svg"))
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

    @Test("--strict turns a repaired irregularity into exit code 1")
    func inspectStrict() throws {
        let folder = try TestPaths.makeTemporaryDirectory("midi-strict")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("loud.mid")
        // One note whose velocity byte is 200 (above 127).
        let track: [UInt8] = [0, 0x90, 60, 200, 96, 0x80, 60, 0, 0, 0xFF, 0x2F, 0]
        let bytes: [UInt8] = Array("MThd".utf8) + [0, 0, 0, 6, 0, 0, 0, 1, 0, 96] + Array("MTrk".utf8)
            + [0, 0, 0, UInt8(track.count)] + track
        try Data(bytes).write(to: file)
        let lenient = try runSeqGAN(["midi", "inspect", file.path, "--json"])
        #expect(lenient.status == 0)
        #expect(lenient.standardOutput.contains("clamped to 127"))
        #expect(lenient.standardOutput.contains("\"velocity\":127"))
        let strict = try runSeqGAN(["midi", "inspect", file.path, "--strict"])
        #expect(strict.status == 1)
        #expect(strict.standardError.contains("\(file.path): byte 25, track 0: data byte 200 above 127"))
    }

    @Test("tokens writes one sequence per line and reports files, tunes, sequences, vocabulary, skips")
    func tokens() throws {
        let folder = try TestPaths.makeTemporaryDirectory("midi-tokens")
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = TestPaths.repositoryRoot.appendingPathComponent("corpora/folk")
        try Data("garbage".utf8).write(to: folder.appendingPathComponent("broken.mid"))
        let output = folder.appendingPathComponent("corpus.txt")
        let result = try runSeqGAN([
            "midi", "tokens", corpus.path, folder.appendingPathComponent("broken.mid").path,
            "--scheme", "grid", "-o", output.path, "--settings-output", folder.appendingPathComponent("settings.json").path,
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("files: 2"))
        #expect(result.standardOutput.contains("tunes: 27"))
        #expect(result.standardOutput.contains("vocabulary: 64"))
        #expect(result.standardOutput.contains("broken.mid: not a Standard MIDI File"))
        let lines = try String(contentsOf: output, encoding: .utf8).split(separator: "\n")
        #expect(result.standardOutput.contains("sequences: \(lines.count) of 64 tokens"))
        #expect(lines.allSatisfy { $0.split(separator: " ").count == 64 })
        let settings = try String(contentsOf: folder.appendingPathComponent("settings.json"), encoding: .utf8)
        #expect(settings.contains("\"scheme\" : \"grid\""))

        // Paper scheme, training split only: 32-token lines over 89 tokens.
        let paper = try runSeqGAN(["midi", "tokens", corpus.path, "--scheme", "paper", "-o", output.path, "--split", "train"])
        #expect(paper.status == 0)
        let paperLines = try String(contentsOf: output, encoding: .utf8).split(separator: "\n")
        #expect(!paperLines.isEmpty)
        for line in paperLines {
            let tokens = line.split(separator: " ").compactMap { Int($0) }
            #expect(tokens.count == 32 && tokens.allSatisfy { (0...88).contains($0) })
        }
    }

    @Test("decode turns token lines into MIDI files that inspect reads")
    func decode() throws {
        let folder = try TestPaths.makeTemporaryDirectory("midi-decode")
        defer { try? FileManager.default.removeItem(at: folder) }
        let tokens = folder.appendingPathComponent("tokens.txt")
        // Grid tokens in C: bar, C5 held for a quarter, E5 for an eighth, rest, G5.
        try Data("2 39 1 1 1 43 1 0 0 46\n2 46 1\n".utf8).write(to: tokens)
        let file = folder.appendingPathComponent("one.mid")
        let result = try runSeqGAN([
            "midi", "decode", tokens.path, "--scheme", "grid", "--line", "1", "--key", "D",
            "--time-signature", "6/8", "--tempo", "90", "--program", "73", "-o", file.path,
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let inspect = try runSeqGAN(["midi", "inspect", file.path, "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(inspect.standardOutput.utf8)) as? [String: Any]
        let notes = object?["notes"] as? [[String: Any]] ?? []
        #expect(notes.map { $0["pitch"] as? Int } == [74, 78, 81])  // transposed to D major
        #expect(notes.map { $0["startTick"] as? Int } == [0, 480, 960])
        #expect((object?["timeSignatures"] as? [[String: Int]])?.first?["numerator"] == 6)
        #expect((object?["keySignatures"] as? [[String: Any]])?.first?["sharps"] as? Int == 2)
        let all = try runSeqGAN(["midi", "decode", tokens.path, "--scheme", "grid", "-o", folder.appendingPathComponent("all").path])
        #expect(all.status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("all/0002.mid").path))
        let bad = try runSeqGAN(["midi", "decode", tokens.path, "--scheme", "grid", "--key", "H", "-o", file.path])
        #expect(bad.status != 0)
        #expect(bad.standardError.contains("--key"))
    }

    @Test("from-abc writes one MIDI file per tune")
    func fromABC() throws {
        let folder = try TestPaths.makeTemporaryDirectory("midi-abc")
        defer { try? FileManager.default.removeItem(at: folder) }
        let book = TestPaths.repositoryRoot.appendingPathComponent("corpora/folk/tunes.abc")
        let result = try runSeqGAN(["midi", "from-abc", book.path, "-o", folder.path])
        #expect(result.status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mid") }
        #expect(files.count == 27)
        let inspect = try runSeqGAN(["midi", "inspect", folder.appendingPathComponent("tunes-1.mid").path])
        #expect(inspect.standardOutput.contains("Twinkle"))
    }
}
