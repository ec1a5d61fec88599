import Foundation
import MIDI
import TestSupport
import Testing

@Suite("seqgan midi compare-tunes and the tune-level table of seqgan evaluate")
struct MIDICompareTunesCommandTests {
    /// Writes `count` 8-bar tunes of `length`-quarter notes on a D major scale into `folder`.
    static func writeTunes(_ count: Int, noteLength: Double, to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let scale = [62, 64, 66, 67, 69, 71, 73, 74]
        for index in 0..<count {
            let step = Int(noteLength * 480)
            let notes = (0..<(8 * 1920 / step)).map { position in
                Note(
                    pitch: scale[(position * (index + 3)) % scale.count],
                    startTick: position * step,
                    endTick: (position + 1) * step, start: 0, end: 0)
            }
            try MIDIFile(
                notes: notes, keySignatures: [KeySignature(tick: 0, sharps: 2, minor: false)]
            )
            .write(to: folder.appendingPathComponent("tune\(index).mid"))
        }
    }

    @Test(
        "prints each statistic for both sets and the MGEval overlaps; quavers against minims overlap little on note lengths"
    )
    func compareFolders() throws {
        let root = try TestPaths.makeTemporaryDirectory("compare-tunes")
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.writeTunes(12, noteLength: 0.5, to: root.appendingPathComponent("quavers"))
        try Self.writeTunes(12, noteLength: 2, to: root.appendingPathComponent("minims"))
        let result = try runSeqGAN([
            "midi", "compare-tunes", root.appendingPathComponent("quavers").path, "--real",
            root.appendingPathComponent("minims").path,
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        for label in [
            "bars equal to an earlier bar", "last note on the tonic", "grooving similarity of bars",
            "MGEval overlap: mean",
        ] {
            #expect(
                lines.contains { $0.hasPrefix(label) },
                "\(label) missing from:\n\(result.standardOutput)")
        }
        let notesPerBar = try #require(lines.first { $0.hasPrefix("notes per bar") })
        #expect(notesPerBar.contains("2.000") && notesPerBar.contains("8.000"), "\(notesPerBar)")
        let lengths = try #require(lines.first { $0.hasPrefix("note-length histogram") })
        let overlap = try #require(lengths.split(separator: " ").last.flatMap { Double($0) })
        #expect(overlap < 0.2, "\(lengths)")
    }

    @Test("--versus contrasts two sets against the real tunes with a p-value for each difference")
    func versus() throws {
        let root = try TestPaths.makeTemporaryDirectory("compare-tunes-versus")
        defer { try? FileManager.default.removeItem(at: root) }
        try Self.writeTunes(12, noteLength: 0.5, to: root.appendingPathComponent("real"))
        try Self.writeTunes(10, noteLength: 0.5, to: root.appendingPathComponent("alike"))
        try Self.writeTunes(10, noteLength: 2, to: root.appendingPathComponent("minims"))
        let result = try runSeqGAN([
            "midi", "compare-tunes", root.appendingPathComponent("alike").path, "--versus",
            root.appendingPathComponent("minims").path, "--real", root.appendingPathComponent("real").path,
            "--permutations", "9",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first?.contains("alike") == true && lines.first?.contains("minims") == true)
        let overlap = try #require(lines.first { $0.hasPrefix("MGEval overlap: mean") })
        #expect(overlap.hasSuffix("0.100 (9 permutations)"), "\(overlap)")
        #expect(lines.contains { $0.hasPrefix("bars equal to the bar 4 back") && $0.hasSuffix("(Welch)") })
        // 8-bar tunes have no bar 8 back: the row says so instead of vanishing.
        #expect(lines.contains { $0.hasPrefix("bars equal to the bar 8 back") && $0.hasSuffix("- (too few tunes)") })
        let bad = try runSeqGAN([
            "midi", "compare-tunes", root.appendingPathComponent("alike").path, "--versus",
            root.appendingPathComponent("minims").path, "--real", root.appendingPathComponent("real").path,
            "--permutations", "0",
        ])
        #expect(bad.status != 0 && bad.standardError.contains("--permutations"), "\(bad.standardError)")
    }

    @Test("a missing folder is one line naming it, with a non-zero exit")
    func missingFolder() throws {
        let result = try runSeqGAN([
            "midi", "compare-tunes", "/nonexistent/tunes", "--real", "/nonexistent/real",
        ])
        #expect(result.status != 0)
        #expect(
            result.standardError.contains("/nonexistent/tunes: no such file or folder"),
            "\(result.standardError)")
    }

    @Test("seqgan evaluate adds the whole-tune table for --tunes generated tunes")
    func evaluateTable() throws {
        let run = try trainTinyMusicRun("music-evaluate-tunes")
        let result = try runSeqGAN([
            "evaluate", run.path, "--samples", "16", "--tunes", "12", "--seed", "3",
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            result.standardOutput.contains("whole tunes: 12 generated"), "\(result.standardOutput)")
        #expect(result.standardOutput.contains("samples (12)"))
        #expect(result.standardOutput.contains("MGEval overlap: lowest"))
        let without = try runSeqGAN([
            "evaluate", run.path, "--samples", "16", "--tunes", "0", "--seed", "3",
        ])
        #expect(!without.standardOutput.contains("whole tunes"))
    }
}
