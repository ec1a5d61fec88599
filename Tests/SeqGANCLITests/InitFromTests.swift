import Foundation
import TestSupport
import Testing

@Suite("seqgan train --init-from RUN")
struct InitFromTests {
    @Test("a run started from a pre-trained run ends with the numbers of one uninterrupted run")
    func forkEqualsWholeRun() throws {
        let directory = try TestPaths.makeTemporaryDirectory("init-from")
        let whole = directory.appendingPathComponent("whole")
        let base = directory.appendingPathComponent("base")
        let fork = directory.appendingPathComponent("fork")
        let folk = MusicCommandTests.folk.path
        let train = try runSeqGAN(["train", folk, "--out", whole.path] + MusicCommandTests.tinySchedule)
        #expect(train.status == 0, "\(train.standardError)")
        let pretrain = try runSeqGAN(["train", folk, "--scheme", "grid", "--out", base.path, "--epochs", "2", "--rounds", "0", "--eval-samples", "32", "--seed", "5"])
        #expect(pretrain.status == 0, "\(pretrain.standardError)")
        let forked = try runSeqGAN([
            "train", "--init-from", base.path, "--out", fork.path, "--d-pretrain-steps", "1", "--d-epochs", "1",
            "--rounds", "1", "--rollouts", "2", "--eval-samples", "32",
        ])
        #expect(forked.status == 0, "\(forked.standardError)")
        #expect(forked.standardOutput.contains("starting from the pre-trained generator"), "\(forked.standardOutput)")
        let wholeLog = try runLogWithoutSeconds(whole)
        #expect(wholeLog.contains { $0.hasPrefix("seqgan,1,") })
        #expect(try runLogWithoutSeconds(fork) == wholeLog)
    }

    @Test("refuses a base run that went past pre-training, and a seed other than the base's")
    func refusesIncompatibleBase() throws {
        let directory = try TestPaths.makeTemporaryDirectory("init-from-bad")
        let whole = directory.appendingPathComponent("whole")
        let train = try runSeqGAN(["train", MusicCommandTests.folk.path, "--out", whole.path] + MusicCommandTests.tinySchedule)
        #expect(train.status == 0, "\(train.standardError)")
        let pastPretraining = try runSeqGAN(["train", "--init-from", whole.path, "--out", directory.appendingPathComponent("a").path])
        #expect(pastPretraining.status != 0)
        #expect(pastPretraining.standardError.contains("must have stopped after 2 pre-training epochs"), "\(pastPretraining.standardError)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("a/checkpoint.safetensors").path))
        let otherSeed = try runSeqGAN(["train", "--init-from", whole.path, "--seed", "6", "--out", directory.appendingPathComponent("b").path])
        #expect(otherSeed.status != 0)
        #expect(otherSeed.standardError.contains("differs from the seed 5"), "\(otherSeed.standardError)")
    }
}
