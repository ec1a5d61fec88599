import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Errors in the tool's words: negative numbers, file-system failures, wrong runs")
struct CommandLineErrorTests {
    @Test(
        "a negative number given as a separate argument gets its option's range error, not 'Missing value'",
        arguments: [
            (["generate", "run", "-o", "out", "-n", "-1"], "-n must be within 1...10000, got -1"),
            (["generate", "run", "-o", "out", "--temperature", "-1"], "--temperature must be positive"),
            (["generate", "run", "-o", "out", "--seed", "-5"], "a seed is a whole number from 0 to"),
            (["evaluate", "run", "--samples", "-3"], "--samples must be positive"),
            (["oracle", "sample", "-o", "out", "-n", "-2"], "-n must be positive"),
            (["export", "in.mid", "-o", "out.wav", "--channels", "-1"], "--channels must be 1 (mono) or 2"),
            (["train", "--task", "synthetic", "--out", "run", "--epochs", "-1"], "--epochs and --rounds must not be negative"),
            (["train", "--task", "synthetic", "--out", "run", "--seed", "-5"], "a seed is a whole number from 0 to"),
            (["train", "--task", "synthetic", "--out", "run", "--batch-size", "-32"], "--batch-size must be positive"),
            (["train", "--task", "synthetic", "--out", "run", "--learning-rate", "-1"], "optimizer.learningRate must be"),
            (["train", "in.txt", "--task", "text", "--out", "run", "--min-count", "-2"], "--min-count must be at least 1"),
        ])
    func negativeNumbers(arguments: [String], message: String) throws {
        let result = try runSeqGAN(arguments)
        #expect(result.status != 0)
        #expect(!result.standardError.contains("Missing value"), "\(result.standardError)")
        #expect(result.standardError.contains(message), "\(result.standardError)")
    }

    @Test("generate -o onto a file, or under one, is one line naming the path, never Foundation's error dump")
    func generateOntoAFile() throws {
        let run = try trainTinyMusicRun("generate-onto-file")
        let file = run.deletingLastPathComponent().appendingPathComponent("tunes.txt")
        try "not a folder\n".write(to: file, atomically: true, encoding: .utf8)
        for output in [file.path, file.path + "/tunes"] {
            let result = try runSeqGAN(["generate", run.path, "-n", "1", "-o", output])
            #expect(result.status != 0)
            #expect(result.standardError.split(separator: "\n").count == 1, "\(result.standardError)")
            #expect(result.standardError.contains(file.path), "\(result.standardError)")
            #expect(!result.standardError.contains("Domain="), "\(result.standardError)")
            #expect(!result.standardError.contains("UserInfo"), "\(result.standardError)")
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == "not a folder\n")
    }

    @Test("evaluate, generate and play on a missing folder say that no run folder is there")
    func missingRunFolder() throws {
        let missing = try TestPaths.makeTemporaryDirectory("missing-run").appendingPathComponent("nothing").path
        for arguments in [["evaluate", missing], ["generate", missing, "-o", missing + "-out"]] {
            let result = try runSeqGAN(arguments)
            #expect(result.status != 0)
            #expect(result.standardError.contains("\(missing): no such run folder"), "\(result.standardError)")
            #expect(!result.standardError.contains("not a text run"), "\(result.standardError)")
            #expect(result.standardError.split(separator: "\n").count == 1, "\(result.standardError)")
        }
        let play = try runSeqGAN(["play", missing, "--device", "null"])
        #expect(play.status != 0)
        #expect(play.standardError.contains("\(missing): no such file or run folder"), "\(play.standardError)")
        #expect(!play.standardError.contains("cannot open audio file"), "\(play.standardError)")
    }

    @Test("compare on two music runs chooses BLEU, and --metric nll-oracle names the metrics that apply")
    func compareMusicRuns() throws {
        let run = try trainTinyMusicRun("compare-music")
        let copy = run.deletingLastPathComponent().appendingPathComponent("copy")
        try FileManager.default.copyItem(at: run, to: copy)
        for (folder, seed) in [(run, "3"), (copy, "4")] {
            let evaluate = try runSeqGAN(["evaluate", folder.path, "--samples", "32", "--seed", seed])
            #expect(evaluate.status == 0, "\(evaluate.standardError)")
        }
        let compare = try runSeqGAN(["compare", run.path, copy.path])
        #expect(compare.status == 0, "\(compare.standardError)")
        #expect(compare.standardOutput.contains("over 32 samples"), "\(compare.standardOutput)")
        let p = try #require(Double(compare.standardOutput.split(separator: "\n").last ?? ""))
        #expect((0...1).contains(p))
        let oracle = try runSeqGAN(["compare", run.path, copy.path, "--metric", "nll-oracle"])
        #expect(oracle.status != 0)
        #expect(oracle.standardError.contains("--metric bleu"), "\(oracle.standardError)")
        #expect(oracle.standardError.split(separator: "\n").count == 1, "\(oracle.standardError)")
    }

    @Test("generate on a run stopped in the middle of pre-training says so in one line and writes the tunes")
    func generateAfterInterruptedPretraining() throws {
        let scratch = try TestPaths.makeTemporaryDirectory("generate-interrupted")
        let run = scratch.appendingPathComponent("run")
        let process = Process()
        process.executableURL = TestPaths.seqganBinary
        process.arguments = [
            "train", TestPaths.repositoryRoot.appendingPathComponent("corpora/folk").path, "--out", run.path,
            "--scheme", "grid", "--epochs", "500", "--mode", "mle", "--rounds", "0", "--eval-every", "100", "--eval-samples", "16",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until an epoch is logged after the untrained generator's line, then press Ctrl-C.
        let log = run.appendingPathComponent("log.csv")
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning && Date() < deadline {
            if let text = try? String(contentsOf: log, encoding: .utf8), text.split(separator: "\n").count >= 3 { break }
            usleep(10_000)
        }
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        try #require(process.terminationStatus == 130, "the run should stop early")

        let tunes = scratch.appendingPathComponent("tunes")
        let result = try runSeqGAN(["generate", run.path, "-n", "1", "-o", tunes.path])
        #expect(result.status == 0, "\(result.standardError)")
        let notes = result.standardError.split(separator: "\n")
        #expect(notes.count == 1, "\(result.standardError)")
        #expect(notes.first?.contains("stopped in MLE pre-training after") == true, "\(result.standardError)")
        #expect(notes.first?.contains("of 500 epochs") == true, "\(result.standardError)")
        #expect(FileManager.default.fileExists(atPath: tunes.appendingPathComponent("tune-01.mid").path))

        // A finished run says nothing of the kind.
        let finished = try trainTinyMusicRun("generate-finished")
        let quiet = try runSeqGAN(["generate", finished.path, "-n", "1", "-o", scratch.appendingPathComponent("more").path])
        #expect(quiet.status == 0, "\(quiet.standardError)")
        #expect(quiet.standardError.isEmpty, "\(quiet.standardError)")
    }
}
