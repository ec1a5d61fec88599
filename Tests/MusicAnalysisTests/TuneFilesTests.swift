import Foundation
import MIDI
import TestSupport
import Testing

@testable import MusicAnalysis

@Suite("Reading sets of tunes from folders and split lists")
struct TuneFilesTests {
    /// Writes a one-bar D major tune of four crotchets starting at `pitch` in 3/4 or 4/4.
    static func writeTune(to url: URL, pitch: Int, numerator: Int = 4) throws {
        let notes = (0..<numerator).map { beat in
            Note(
                pitch: pitch + beat, startTick: beat * 480, endTick: (beat + 1) * 480, start: 0,
                end: 0)
        }
        let file = MIDIFile(
            notes: notes,
            timeSignatures: [TimeSignature(tick: 0, numerator: numerator, denominator: 4)],
            keySignatures: [KeySignature(tick: 0, sharps: 2, minor: false)])
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try file.write(to: url)
    }

    @Test(
        "a split list names files relative to the folder above it; metre and key come from the files"
    )
    func splitList() throws {
        let root = try TestPaths.makeTemporaryDirectory("tune-files")
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.writeTune(to: root.appendingPathComponent("melody/a.mid"), pitch: 62)
        try Self.writeTune(to: root.appendingPathComponent("melody/b.mid"), pitch: 64, numerator: 3)
        let list = root.appendingPathComponent("splits/test.txt")
        try FileManager.default.createDirectory(
            at: list.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "melody/b.mid\n\nmelody/a.mid\n".write(to: list, atomically: true, encoding: .utf8)
        let loaded = try TuneFiles.load(list)
        #expect(loaded.names == ["melody/b.mid", "melody/a.mid"])
        #expect(loaded.tunes[0].bars.map(\.length) == [1440])
        #expect(loaded.tunes[1].key == TuneKey(tonic: 2, mode: .major))
        let folder = try TuneFiles.load(root.appendingPathComponent("melody"))
        #expect(folder.names == ["a.mid", "b.mid"])
    }

    @Test(
        "a missing list entry is named with its line; a folder without tunes and a missing path are refused"
    )
    func errors() throws {
        let root = try TestPaths.makeTemporaryDirectory("tune-files-errors")
        defer { try? FileManager.default.removeItem(at: root) }
        let list = root.appendingPathComponent("list.txt")
        try "# tunes\nnone.mid\n".write(to: list, atomically: true, encoding: .utf8)
        #expect(
            throws: TuneFilesError.listEntryMissing(list: list.path, line: 2, entry: "none.mid")
        ) {
            try TuneFiles.load(list)
        }
        try Data("not midi".utf8).write(to: root.appendingPathComponent("bad.mid"))
        #expect(throws: TuneFilesError.noTunes(path: root.path, skipped: 1)) {
            try TuneFiles.load(root)
        }
        let missing = root.appendingPathComponent("gone")
        #expect(throws: TuneFilesError.missing(path: missing.path)) { try TuneFiles.load(missing) }
    }
}
