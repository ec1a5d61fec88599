import Foundation
import Testing
import TestSupport

@Suite("seqgan train and generate on run folders: kind, lock, leftovers, changed settings")
struct RunFolderCommandTests {
    /// A tiny music run in a fresh folder, trained to completion.
    static func musicRun(_ label: String) throws -> URL {
        let run = try TestPaths.makeTemporaryDirectory(label).appendingPathComponent("run")
        let train = try runSeqGAN(
            ["train", MusicCommandTests.folk.path, "--scheme", "grid", "--out", run.path, "--epochs", "1", "--mode", "mle", "--rounds", "0",
             "--eval-samples", "16", "--seed", "3"])
        #expect(train.status == 0, "\(train.standardError)")
        return run
    }

    /// Every file of `folder` with its bytes.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[name] = try Data(contentsOf: url)
            }
        }
        return files
    }

    @Test("a music run records its kind in run.json")
    func musicKindRecorded() throws {
        let run = try Self.musicRun("kind")
        let record = try String(contentsOf: run.appendingPathComponent("run.json"), encoding: .utf8)
        #expect(record.contains("\"kind\" : \"music\""))
        #expect(record.contains("\"format\" : 1"))
    }

    @Test("a music run without tokenizer.json is refused by train --resume and by generate, naming the file, and nothing is overwritten")
    func missingTokenizerRefused() throws {
        let run = try Self.musicRun("no-tokenizer")
        try FileManager.default.removeItem(at: run.appendingPathComponent("tokenizer.json"))
        let before = try Self.snapshot(run)
        let resume = try runSeqGAN(["train", "--resume", "--out", run.path, "--epochs", "2"])
        #expect(resume.status != 0)
        #expect(resume.standardError.contains("tokenizer.json"), "\(resume.standardError)")
        #expect(resume.standardError.contains("music run"))
        #expect(!resume.standardOutput.contains("trained"))
        let out = run.deletingLastPathComponent().appendingPathComponent("tunes")
        let generate = try runSeqGAN(["generate", run.path, "-n", "2", "-o", out.path])
        #expect(generate.status != 0)
        #expect(generate.standardError.contains("tokenizer.json"), "\(generate.standardError)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("tune-01.mid").path))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("samples.txt").path))
        #expect(try Self.snapshot(run) == before)
    }

    @Test("a music run whose tokenizer was changed (grid to paper) is refused on resume with one line, and nothing is overwritten")
    func changedTokenizerRefused() throws {
        let run = try Self.musicRun("changed-tokenizer")
        let url = run.appendingPathComponent("tokenizer.json")
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains("\"grid\""))
        try text.replacingOccurrences(of: "\"grid\"", with: "\"paper\"").write(to: url, atomically: true, encoding: .utf8)
        let before = try Self.snapshot(run)
        let resume = try runSeqGAN(["train", "--resume", "--out", run.path, "--epochs", "2"])
        #expect(resume.status != 0)
        let lines = resume.standardError.split(separator: "\n")
        #expect(lines.count == 1, "\(resume.standardError)")
        #expect(resume.standardError.contains("tokenizer.json") && resume.standardError.contains("scheme paper (was grid)"))
        #expect(try Self.snapshot(run) == before)
    }

    @Test("temporary files left by a killed write are removed on resume")
    func leftoversRemovedOnResume() throws {
        let out = try TestPaths.makeTemporaryDirectory("leftovers").appendingPathComponent("run")
        #expect(try runSeqGAN(["train"] + SyntheticCommandTests.small + ["--epochs", "1", "--out", out.path]).status == 0)
        let leftovers = [".checkpoint.safetensors.tmp-999-1", ".log.csv.tmp-999-2"]
        for name in leftovers { try Data("partial".utf8).write(to: out.appendingPathComponent(name)) }
        let resumed = try runSeqGAN(["train"] + SyntheticCommandTests.small + ["--epochs", "2", "--out", out.path, "--resume"])
        #expect(resumed.status == 0, "\(resumed.standardError)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(names.filter { $0.contains(".tmp-") }.isEmpty, "\(names)")
    }

    @Test("a second train on the same folder is refused with one line naming the process that holds it")
    func secondWriterRefused() throws {
        let out = try TestPaths.makeTemporaryDirectory("two-writers").appendingPathComponent("run")
        let first = Process()
        first.executableURL = TestPaths.seqganBinary
        first.arguments = ["train"] + SyntheticCommandTests.small + ["--epochs", "40", "--out", out.path]
        first.standardOutput = FileHandle.nullDevice
        first.standardError = FileHandle.nullDevice
        try first.run()
        defer { if first.isRunning { first.terminate() }; first.waitUntilExit() }
        // Wait until the first run has taken the folder's lock (it writes its process id).
        let lock = out.appendingPathComponent(".lock")
        for _ in 0..<400 where (try? String(contentsOf: lock, encoding: .utf8))?.isEmpty != false {
            Thread.sleep(forTimeInterval: 0.05)
        }
        let second = try runSeqGAN(["train"] + SyntheticCommandTests.small + ["--epochs", "1", "--out", out.path, "--resume"])
        #expect(first.isRunning, "the first run finished before the second started; the test needs a longer first run")
        #expect(second.status != 0)
        let lines = second.standardError.split(separator: "\n")
        #expect(lines.count == 1, "\(second.standardError)")
        #expect(second.standardError.contains("process \(first.processIdentifier)"), "\(second.standardError)")
    }

    @Test("a music run killed while its first files were written is not continued as a synthetic run")
    func killedEarlyMusicRunStaysMusic() throws {
        let out = try TestPaths.makeTemporaryDirectory("killed-early").appendingPathComponent("run")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data(#"{"format": 1, "kind": "music"}"#.utf8).write(to: out.appendingPathComponent("run.json"))
        let resume = try runSeqGAN(["train", "--resume", "--out", out.path, "--epochs", "1"])
        #expect(resume.status != 0)
        #expect(resume.standardError.contains("MIDI or ABC tunes"), "\(resume.standardError)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("checkpoint.safetensors").path))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("config.json").path))
        // Asked for explicitly as synthetic, the recorded kind refuses it.
        let synthetic = try runSeqGAN(["train"] + SyntheticCommandTests.small + ["--epochs", "1", "--out", out.path])
        #expect(synthetic.status != 0)
        #expect(synthetic.standardError.contains("holds a music run"), "\(synthetic.standardError)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("checkpoint.safetensors").path))
    }
}
