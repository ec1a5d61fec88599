import Foundation
import Testing
import TestSupport

@Suite("seqgan midi to-abc")
struct MIDIToABCCommandTests {
    /// The notes of a MIDI file as `seqgan midi inspect --json` reports them: pitch, start and
    /// end tick.
    private func notes(_ file: URL) throws -> [[Int]] {
        let result = try runSeqGAN(["midi", "inspect", file.path, "--json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let notes = try #require(object["notes"] as? [[String: Any]])
        return notes.map { [$0["pitch"] as? Int ?? -1, $0["startTick"] as? Int ?? -1, $0["endTick"] as? Int ?? -1] }
    }

    @Test("a MIDI tune played out becomes ABC with repeat signs and endings, and plays back the same notes")
    func roundTrip() throws {
        let folder = try TestPaths.makeTemporaryDirectory("to-abc")
        defer { try? FileManager.default.removeItem(at: folder) }
        let book = folder.appendingPathComponent("book.abc")
        try """
            X:1
            T:Source
            M:6/8
            L:1/8
            K:D
            A|:dfa afd|gbg ece|dfa afd|ecA d2A:|
            |:Bcd efg|faf d3|Bcd efg|[1 fdB A2A:|[2 fdB d2|]
            """.write(to: book, atomically: true, encoding: .utf8)
        #expect(try runSeqGAN(["midi", "from-abc", book.path, "-o", folder.path]).status == 0)
        let midi = folder.appendingPathComponent("book-1.mid")
        let abc = folder.appendingPathComponent("out.abc")
        let result = try runSeqGAN(["midi", "to-abc", midi.path, "-o", abc.path, "--title", "Round Trip"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("wrote \(abc.path)"))
        let text = try String(contentsOf: abc, encoding: .utf8)
        #expect(text.contains("T:Round Trip") && text.contains("K:D") && text.contains("M:6/8"))
        #expect(text.contains("|:") && text.contains(":|") && text.contains("[1") && text.contains("[2"))
        #expect(try runSeqGAN(["midi", "from-abc", abc.path, "-o", folder.path]).status == 0)
        #expect(try notes(folder.appendingPathComponent("out-1.mid")) == notes(midi))

        let printed = try runSeqGAN(["midi", "to-abc", midi.path])
        #expect(printed.status == 0)
        #expect(printed.standardOutput.hasPrefix("X:1\nT:book-1\n"))
    }

    @Test("a file that is not MIDI, or has no bars (SMPTE time), fails with one line naming it")
    func badInput() throws {
        let folder = try TestPaths.makeTemporaryDirectory("to-abc-bad")
        defer { try? FileManager.default.removeItem(at: folder) }
        let garbage = folder.appendingPathComponent("garbage.mid")
        try Data("not a midi file at all".utf8).write(to: garbage)
        let bad = try runSeqGAN(["midi", "to-abc", garbage.path])
        #expect(bad.status != 0)
        #expect(bad.standardError.contains("garbage.mid"))
        #expect(!bad.standardError.contains("Fatal error"))
        let smpte = TestPaths.repositoryRoot.appendingPathComponent("Tests/Fixtures/MIDI/smpte.mid")
        let result = try runSeqGAN(["midi", "to-abc", smpte.path])
        #expect(result.status != 0)
        #expect(result.standardError.contains("smpte.mid") && result.standardError.contains("SMPTE"))
        #expect(result.standardError.split(separator: "\n").count == 1)
    }
}
