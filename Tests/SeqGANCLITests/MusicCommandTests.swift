import Foundation
import TestSupport
import Testing

/// The JSON of `seqgan midi inspect --json`, the parts these tests look at.
private struct InspectedMIDI: Decodable {
    struct KeySignature: Decodable {
        var sharps: Int
        var minor: Bool
    }
    struct Tempo: Decodable {
        var microsecondsPerQuarter: Int
    }
    struct Note: Decodable {
        var pitch: Int
    }
    var keySignatures: [KeySignature]
    var tempos: [Tempo]
    var notes: [Note]
    var warnings: [String]
}

@Suite("seqgan train FOLDER, seqgan generate RUN, seqgan play RUN")
struct MusicCommandTests {
    /// A schedule small enough to finish in seconds that still passes through every phase:
    /// MLE, discriminator pre-training and one SeqGAN round.
    static let tinySchedule = [
        "--scheme", "grid", "--epochs", "2", "--d-pretrain-steps", "1", "--d-epochs", "1", "--rounds", "1",
        "--rollouts", "2", "--eval-samples", "32", "--seed", "5",
    ]

    static var folk: URL { TestPaths.repositoryRoot.appendingPathComponent("corpora/folk") }

    @Test("train on the bundled corpus, then generate tunes that parse as MIDI, with WAV beside them")
    func trainThenGenerate() throws {
        let directory = try TestPaths.makeTemporaryDirectory("music-cli")
        let run = directory.appendingPathComponent("run")
        let train = try runSeqGAN(["train", Self.folk.path, "--out", run.path] + Self.tinySchedule)
        #expect(train.status == 0, "\(train.standardError)")
        #expect(train.standardOutput.contains("tunes: 27 from 1 file"), "\(train.standardOutput)")
        for file in ["config.json", "tokenizer.json", "sources.json", "skipped.txt", "log.csv", "checkpoint.safetensors"] {
            #expect(FileManager.default.fileExists(atPath: run.appendingPathComponent(file).path), "missing \(file)")
        }
        let tokenizer = try JSONSerialization.jsonObject(with: Data(contentsOf: run.appendingPathComponent("tokenizer.json"))) as? [String: Any]
        #expect(tokenizer?["scheme"] as? String == "grid")
        #expect(tokenizer?["windowLength"] as? Int == 64)
        // The log went through every phase and evaluated against the test tunes.
        let log = try String(contentsOf: run.appendingPathComponent("log.csv"), encoding: .utf8)
        #expect(log.contains("\nseqgan,1,"), "\(log)")
        #expect(log.contains("\ndiscriminator,1,"))

        let tunes = directory.appendingPathComponent("tunes")
        let generate = try runSeqGAN([
            "generate", run.path, "-n", "2", "--seed", "3", "--key", "G", "--tempo", "100", "--length", "96",
            "-o", tunes.path, "--wav",
        ])
        #expect(generate.status == 0, "\(generate.standardError)")
        let lines = generate.standardOutput.split(separator: "\n")
        #expect(lines.count == 2, "\(generate.standardOutput)")
        #expect(lines.allSatisfy { $0.contains("key G") && $0.contains("bars") })
        for name in ["tune-01", "tune-02"] {
            let midi = tunes.appendingPathComponent(name + ".mid")
            let inspect = try runSeqGAN(["midi", "inspect", "--json", midi.path])
            #expect(inspect.status == 0, "\(inspect.standardError)")
            let parsed = try JSONDecoder().decode(InspectedMIDI.self, from: Data(inspect.standardOutput.utf8))
            #expect(parsed.warnings.isEmpty)
            #expect(parsed.keySignatures.first?.sharps == 1)
            #expect(parsed.tempos.first?.microsecondsPerQuarter == 600_000)
            // Grid tunes stay within the tokenizer's pitch range, 36...96 in C, moved 5 semitones down to G.
            #expect(parsed.notes.allSatisfy { (31...91).contains($0.pitch) })
            let wav = try Data(contentsOf: tunes.appendingPathComponent(name + ".wav"))
            let summary = try #require(WAVSummary(wav))
            #expect(summary.sampleRate == 44_100)
            #expect(summary.data.count > 0 || parsed.notes.isEmpty)
        }

        // The same seed gives the same tunes; another seed other tunes.
        let again = directory.appendingPathComponent("again")
        let other = directory.appendingPathComponent("other")
        for (folder, seed) in [(again, "3"), (other, "4")] {
            let result = try runSeqGAN(["generate", run.path, "-n", "2", "--seed", seed, "--key", "G", "--tempo", "100", "--length", "96", "-o", folder.path])
            #expect(result.status == 0, "\(result.standardError)")
        }
        let first = try Data(contentsOf: tunes.appendingPathComponent("tune-01.mid"))
        #expect(try Data(contentsOf: again.appendingPathComponent("tune-01.mid")) == first)
        #expect(try Data(contentsOf: other.appendingPathComponent("tune-01.mid")) != first)

        // `play RUN` generates one tune and plays it (to ALSA's null device here).
        let play = try runSeqGAN(["play", run.path, "--device", "null", "--seed", "2", "--length", "32"])
        #expect(play.status == 0, "\(play.standardError)")
        #expect(play.standardOutput.contains("tune from \(run.path)"), "\(play.standardOutput)")

        // --resume continues the run: one more round.
        let resumed = try runSeqGAN(["train", "--resume", "--out", run.path, "--rounds", "2"])
        #expect(resumed.status == 0, "\(resumed.standardError)")
        let longer = try String(contentsOf: run.appendingPathComponent("log.csv"), encoding: .utf8)
        #expect(longer.contains("\nseqgan,2,"), "\(longer)")
        #expect(longer.hasPrefix(log.trimmingCharacters(in: .newlines)))
    }

    @Test("a corrupt MIDI file among good ones is listed with its reason and training goes on")
    func corruptFileIsSkipped() throws {
        let directory = try TestPaths.makeTemporaryDirectory("music-corrupt")
        let midi = directory.appendingPathComponent("midi")
        let convert = try runSeqGAN(["midi", "from-abc", Self.folk.appendingPathComponent("tunes.abc").path, "-o", midi.path])
        #expect(convert.status == 0, "\(convert.standardError)")
        let nested = midi.appendingPathComponent("more")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        // A header chunk that claims 6 bytes and stops after 2.
        try Data("MThd\u{0}\u{0}\u{0}\u{6}\u{0}\u{1}".utf8).write(to: nested.appendingPathComponent("broken.mid"))
        try Data("not midi at all".utf8).write(to: midi.appendingPathComponent("garbage.midi"))
        let run = directory.appendingPathComponent("run")
        let train = try runSeqGAN(["train", midi.path, "--out", run.path, "--epochs", "1", "--mode", "mle", "--rounds", "0", "--eval-samples", "16"])
        #expect(train.status == 0, "\(train.standardError)")
        let output = train.standardOutput
        #expect(output.contains("skipped 2 files"), "\(output)")
        #expect(output.contains("more/broken.mid: "))
        #expect(output.contains("garbage.midi: "))
        #expect(output.contains("tunes: 27 from 29 files"))
        // The skipped list comes before training starts, and is kept in the run folder.
        let skippedAt = try #require(output.range(of: "skipped 2 files"))
        let trainedAt = try #require(output.range(of: "trained "))
        #expect(skippedAt.lowerBound < trainedAt.lowerBound)
        let skipped = try String(contentsOf: run.appendingPathComponent("skipped.txt"), encoding: .utf8)
        let lines = skipped.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.contains("byte") }, "reasons name the byte offset: \(skipped)")
    }

    @Test("bad runs and inputs give one clear line and a non-zero exit")
    func clearErrors() throws {
        let directory = try TestPaths.makeTemporaryDirectory("music-errors")
        let missing = directory.appendingPathComponent("no-such-run").path
        let generate = try runSeqGAN(["generate", missing, "-n", "2", "-o", directory.appendingPathComponent("out").path])
        #expect(generate.status != 0)
        #expect(generate.standardError.contains(missing))
        #expect(generate.standardError.contains("no such run folder"))
        #expect(generate.standardError.split(separator: "\n").count == 1, "\(generate.standardError)")

        // A folder that is not a run (no checkpoint).
        let empty = directory.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let notRun = try runSeqGAN(["generate", empty.path, "-o", directory.appendingPathComponent("out").path])
        #expect(notRun.status != 0)
        #expect(notRun.standardError.contains("checkpoint"))

        // A folder with no tunes at all.
        let noMusic = try runSeqGAN(["train", empty.path, "--task", "music", "--out", directory.appendingPathComponent("run").path])
        #expect(noMusic.status != 0)
        #expect(noMusic.standardError.contains("no .mid, .midi or .abc files"), "\(noMusic.standardError)")
        #expect(noMusic.standardError.split(separator: "\n").count == 1, "\(noMusic.standardError)")

        // Two tunes cannot be split into train, validation and test.
        let two = directory.appendingPathComponent("two")
        try FileManager.default.createDirectory(at: two, withIntermediateDirectories: true)
        let abc = try String(contentsOf: Self.folk.appendingPathComponent("tunes.abc"), encoding: .utf8)
        let firstTwo = abc.components(separatedBy: "\nX:").prefix(3).joined(separator: "\nX:")
        try firstTwo.write(to: two.appendingPathComponent("two.abc"), atomically: true, encoding: .utf8)
        let tooFew = try runSeqGAN(["train", two.path, "--out", directory.appendingPathComponent("run2").path])
        #expect(tooFew.status != 0)
        #expect(tooFew.standardError.contains("found 2 readable tunes"), "\(tooFew.standardError)")
    }
}
