import Foundation
import TestSupport
import Testing

/// Input a careless user gives: files with no tunes, drum tracks, truncated files, sizes far
/// beyond any tune.
@Suite("seqgan train, generate, export and midi inspect on problem input")
struct InputProblemsCommandTests {
    /// A format 0 file of `count` eighth notes on `channel` (9 is percussion), 96 ticks per quarter.
    static func midi(channel: UInt8, count: Int = 8, firstPitch: UInt8 = 36) -> Data {
        var track: [UInt8] = []
        for index in 0..<count {
            let pitch = firstPitch + UInt8(index % 12)
            track += [0x00, 0x90 | channel, pitch, 90, 0x30, 0x80 | channel, pitch, 0]
        }
        track += [0x00, 0xFF, 0x2F, 0x00]
        let length = UInt32(track.count)
        return Data(
            Array("MThd".utf8) + [0, 0, 0, 6, 0, 0, 0, 1, 0, 96] + Array("MTrk".utf8)
                + [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: length >> $0) } + track)
    }

    static var folkABC: URL {
        TestPaths.repositoryRoot.appendingPathComponent("corpora/folk/tunes.abc")
    }

    @Test("train with too few readable tunes names each skipped file with its reason and writes skipped.txt")
    func tooFewTunesListsSkippedFiles() throws {
        let directory = try TestPaths.makeTemporaryDirectory("too-few")
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try Data("MThd".utf8).write(to: input.appendingPathComponent("bad.mid"))
        try Self.midi(channel: 9).write(to: input.appendingPathComponent("drums.mid"))
        let run = directory.appendingPathComponent("run")
        let result = try runSeqGAN(["train", input.path, "--out", run.path])
        #expect(result.status != 0)
        let error = result.standardError
        #expect(error.contains("found 0 readable tunes (2 skipped)"), "\(error)")
        #expect(error.contains("skipped bad.mid: file ends inside the MThd header (byte 0)"), "\(error)")
        #expect(error.contains("skipped drums.mid: the file holds only percussion"), "\(error)")
        let skipped = try String(contentsOf: run.appendingPathComponent("skipped.txt"), encoding: .utf8)
        #expect(skipped.split(separator: "\n").map { $0.split(separator: ":")[0] } == ["bad.mid", "drums.mid"])
    }

    @Test("export of a drums-only file warns that nothing pitched is rendered")
    func exportWarnsOnDrums() throws {
        let directory = try TestPaths.makeTemporaryDirectory("export-drums")
        defer { try? FileManager.default.removeItem(at: directory) }
        let drums = directory.appendingPathComponent("drums.mid")
        try Self.midi(channel: 9).write(to: drums)
        let result = try runSeqGAN(["export", drums.path, "-o", directory.appendingPathComponent("drums.wav").path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            result.standardError.contains("no pitched notes to render (its 8 notes are all percussion, MIDI channel 10)"),
            "\(result.standardError)")
        // A melody gives no such warning.
        let tune = directory.appendingPathComponent("tune.mid")
        try Self.midi(channel: 0, firstPitch: 60).write(to: tune)
        let melody = try runSeqGAN(["export", tune.path, "-o", directory.appendingPathComponent("tune.wav").path])
        #expect(melody.status == 0 && melody.standardError.isEmpty, "\(melody.standardError)")
    }

    @Test("generate refuses a drums-only primer in one line naming the file")
    func drumsPrimerIsRefused() throws {
        let run = try trainTinyMusicRun("primer-drums")
        let directory = run.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: directory) }
        let drums = directory.appendingPathComponent("drums.mid")
        try Self.midi(channel: 9, firstPitch: 60).write(to: drums)
        let result = try runSeqGAN([
            "generate", run.path, "-n", "1", "--primer", drums.path, "-o", directory.appendingPathComponent("out").path,
        ])
        #expect(result.status != 0)
        #expect(result.standardError.contains("\(drums.path): cannot use as a primer: the file holds only percussion"), "\(result.standardError)")
        #expect(result.standardError.split(separator: "\n").count == 1, "\(result.standardError)")
    }

    @Test("train lists a truncated file as repaired; with --strict it is skipped instead")
    func truncatedFileInTraining() throws {
        let directory = try TestPaths.makeTemporaryDirectory("train-truncated")
        defer { try? FileManager.default.removeItem(at: directory) }
        let midi = directory.appendingPathComponent("midi")
        let convert = try runSeqGAN(["midi", "from-abc", Self.folkABC.path, "-o", midi.path])
        #expect(convert.status == 0, "\(convert.standardError)")
        let whole = Self.midi(channel: 0, count: 24, firstPitch: 60)
        try whole.dropLast(6).write(to: midi.appendingPathComponent("cut.mid"))
        let schedule = ["--scheme", "grid", "--epochs", "1", "--mode", "mle", "--rounds", "0", "--eval-samples", "16"]
        let lenient = try runSeqGAN(["train", midi.path, "--out", directory.appendingPathComponent("run").path] + schedule)
        #expect(lenient.status == 0, "\(lenient.standardError)")
        #expect(lenient.standardOutput.contains("repaired 1 truncated file (kept; --strict skips them):"), "\(lenient.standardOutput)")
        #expect(lenient.standardOutput.contains("  cut.mid: truncated, repaired: MTrk chunk declares"), "\(lenient.standardOutput)")
        #expect(lenient.standardOutput.contains("tunes: 28 from 28 files"), "\(lenient.standardOutput)")

        let strict = try runSeqGAN(["train", midi.path, "--strict", "--out", directory.appendingPathComponent("strict").path] + schedule)
        #expect(strict.status == 0, "\(strict.standardError)")
        #expect(!strict.standardOutput.contains("repaired"), "\(strict.standardOutput)")
        #expect(strict.standardOutput.contains("skipped 1 file or tune"), "\(strict.standardOutput)")
        #expect(strict.standardOutput.contains("  cut.mid: MTrk chunk declares"), "\(strict.standardOutput)")
        #expect(strict.standardOutput.contains("tunes: 27 from 28 files"), "\(strict.standardOutput)")
    }

    @Test("a MIDI file beyond the size bound is refused in one line that states the bound")
    func oversizedMIDIFileIsRefused() throws {
        let directory = try TestPaths.makeTemporaryDirectory("big-midi")
        defer { try? FileManager.default.removeItem(at: directory) }
        // A valid file of 1,100,000 note events (4.4 MB): more events than are read.
        let many = Self.midi(channel: 0, count: 550_000, firstPitch: 60)
        let manyURL = directory.appendingPathComponent("many.mid")
        try many.write(to: manyURL)
        let result = try runSeqGAN(["midi", "inspect", "--json", manyURL.path])
        #expect(result.status == 1)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains("more than 1000000 events"), "\(result.standardError)")
        #expect(result.standardError.split(separator: "\n").count == 1)
        // A 9 MB file is refused before it is read.
        var big = Data(many)
        big.append(Data(count: 9 << 20 - many.count))
        let bigURL = directory.appendingPathComponent("big.mid")
        try big.write(to: bigURL)
        let bigResult = try runSeqGAN(["midi", "inspect", bigURL.path])
        #expect(bigResult.status == 1)
        #expect(bigResult.standardError.contains("larger than the 8388608 bytes (8 MiB) read at most"), "\(bigResult.standardError)")
        // The help states the bounds.
        let help = try runSeqGAN(["midi", "inspect", "--help"])
        #expect(help.standardOutput.contains("8 MiB"), "\(help.standardOutput)")
        #expect(help.standardOutput.contains("1,000,000 events"))
    }

    @Test("generate refuses a --length beyond the bound, stating it, before loading anything")
    func excessiveLengthIsRefused() throws {
        let result = try runSeqGAN(["generate", "/no/such/run", "--length", "10000000", "-o", "/tmp/unused"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("--length must be at most 100000 tokens per tune, got 10000000"), "\(result.standardError)")
        let help = try runSeqGAN(["generate", "--help"])
        #expect(help.standardOutput.contains("At most 100000"), "\(help.standardOutput)")
    }
}
