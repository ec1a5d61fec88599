import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Ctrl-C during seqgan train, then --resume")
struct TrainInterruptTests {
    @Test("SIGINT saves a checkpoint and exits 130 with --resume advice; --resume ends with the uninterrupted run's numbers")
    func interruptThenResume() throws {
        let scratch = try TestPaths.makeTemporaryDirectory("music-interrupt")
        let folk = TestPaths.repositoryRoot.appendingPathComponent("corpora/folk")
        let schedule = [
            "train", folk.path, "--scheme", "grid", "--epochs", "60", "--mode", "mle", "--rounds", "0", "--eval-every", "20",
            "--eval-samples", "16", "--seed", "4",
        ]
        let reference = scratch.appendingPathComponent("reference")
        let whole = try runSeqGAN(schedule + ["--out", reference.path])
        #expect(whole.status == 0, "\(whole.standardError)")

        let run = scratch.appendingPathComponent("interrupted")
        let output = scratch.appendingPathComponent("stdout.txt")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        let process = Process()
        process.executableURL = TestPaths.seqganBinary
        process.arguments = schedule + ["--out", run.path]
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until a few epochs are logged, then press Ctrl-C.
        let log = run.appendingPathComponent("log.csv")
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline {
            if let text = try? String(contentsOf: log, encoding: .utf8), text.split(separator: "\n").count >= 4 { break }
            usleep(10_000)
        }
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        try handle.close()
        let printed = try String(contentsOf: output, encoding: .utf8)
        #expect(process.terminationStatus == 130, "\(printed)")
        #expect(printed.contains("seqgan train --resume --out \(run.path)"), "\(printed)")
        #expect(FileManager.default.fileExists(atPath: run.appendingPathComponent("checkpoint.safetensors").path))
        let partial = try runLogWithoutSeconds(run)
        let complete = try runLogWithoutSeconds(reference)
        #expect(partial.count >= 4 && partial.count < complete.count, "stopped early: \(partial.count) of \(complete.count) lines")
        #expect(Array(complete.prefix(partial.count)) == partial)

        let resumed = try runSeqGAN(["train", "--resume", "--out", run.path])
        #expect(resumed.status == 0, "\(resumed.standardError)")
        #expect(try runLogWithoutSeconds(run) == complete)
    }
}
