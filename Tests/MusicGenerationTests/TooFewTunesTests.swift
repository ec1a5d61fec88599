import Foundation
import MusicEncoding
import MusicGeneration
import Testing
import TestSupport

@Suite("Too few readable tunes: every skipped file named, skipped.txt written")
struct TooFewTunesTests {
    @Test("the error lists each skipped file with its reason, and skipped.txt is written all the same")
    func skippedFilesAreListed() throws {
        let folder = try TestPaths.makeTemporaryDirectory("music-too-few")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("MThd".utf8).write(to: folder.appendingPathComponent("bad.mid"))
        try Data("not midi".utf8).write(to: folder.appendingPathComponent("worse.mid"))
        let run = folder.appendingPathComponent("run")
        let settings = TokenizerSettings(scheme: .grid)
        let thrown = #expect(throws: MusicRunError.self) {
            try MusicRun(
                sources: .init(inputs: [folder.path], splitSeed: 1), settings: settings,
                config: .music(settings: settings), directory: run)
        }
        let error = try #require(thrown)
        let skippedList = run.appendingPathComponent("skipped.txt")
        let lines = error.description.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("found 0 readable tunes (2 skipped)") == true, "\(error)")
        #expect(lines.first?.contains(skippedList.path) == true, "names skipped.txt: \(error)")
        #expect(lines.count == 3, "\(error)")
        #expect(lines.dropFirst().first?.hasPrefix("  skipped bad.mid: file ends inside the MThd header") == true, "\(error)")
        #expect(lines.last?.hasPrefix("  skipped worse.mid: not a Standard MIDI File") == true, "\(error)")
        let written = try String(contentsOf: skippedList, encoding: .utf8)
        #expect(written.split(separator: "\n").map { String($0.prefix(10)) } == ["bad.mid: f", "worse.mid:"])
    }

    @Test("an existing run folder is not written into when its inputs give too few tunes")
    func existingRunIsLeftAlone() throws {
        let folder = try TestPaths.makeTemporaryDirectory("music-too-few-run")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("MThd".utf8).write(to: folder.appendingPathComponent("bad.mid"))
        let run = folder.appendingPathComponent("run")
        try FileManager.default.createDirectory(at: run, withIntermediateDirectories: true)
        try Data("checkpoint".utf8).write(to: run.appendingPathComponent("checkpoint.safetensors"))
        try "kept\n".write(to: run.appendingPathComponent("skipped.txt"), atomically: true, encoding: .utf8)
        let settings = TokenizerSettings(scheme: .grid)
        #expect(throws: MusicRunError.self) {
            try MusicRun(
                sources: .init(inputs: [folder.path], splitSeed: 1), settings: settings,
                config: .music(settings: settings), directory: run)
        }
        #expect(try String(contentsOf: run.appendingPathComponent("skipped.txt"), encoding: .utf8) == "kept\n")
    }
}
