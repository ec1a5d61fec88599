import Foundation
import Testing
import TestSupport

@Suite("seqgan discriminate")
struct DiscriminateCommandTests {
    /// The number alone on the last line of a command's output.
    func lastNumber(_ output: String) throws -> Double {
        try #require(Double(output.split(separator: "\n").last.map(String.init) ?? ""), "\(output)")
    }

    @Test("a whole-tune run's samples are drawn through the tune grammar and scored")
    func scoresWholeTuneSamples() throws {
        let directory = try TestPaths.makeTemporaryDirectory("discriminate-tunes")
        let run = directory.appendingPathComponent("run").path
        let train = try runSeqGAN([
            "train", MusicCommandTests.folk.path, "--out", run, "--epochs", "1", "--d-pretrain-steps", "1",
            "--d-epochs", "1", "--rounds", "1", "--rollouts", "1", "--eval-samples", "4", "--embedding-size", "8",
            "--hidden-size", "16", "--seed", "4",
        ])
        try #require(train.status == 0, "\(train.standardError)")
        let scored = try runSeqGAN(["discriminate", run, "--samples", "6"])
        #expect(scored.status == 0, "\(scored.standardError)")
        let mean = try lastNumber(scored.standardOutput)
        #expect(mean >= 0 && mean <= 1)
    }

    @Test("scores a file and the generator's samples; the per-sequence file agrees with the mean")
    func scoresFileAndSamples() throws {
        let directory = try TestPaths.makeTemporaryDirectory("discriminate-cli")
        let run = directory.appendingPathComponent("run").path
        let train = try runSeqGAN(
            ["train"] + SyntheticCommandTests.small + [
                "--mode", "seqgan", "--epochs", "2", "--d-pretrain-steps", "2", "--d-epochs", "2",
                "--rounds", "1", "--rollouts", "2", "--out", run,
            ])
        try #require(train.status == 0, "\(train.standardError)")

        let values = directory.appendingPathComponent("values.txt").path
        let real = try runSeqGAN(["discriminate", run, "--data", run + "/train.txt", "-o", values])
        #expect(real.status == 0, "\(real.standardError)")
        let realMean = try lastNumber(real.standardOutput)
        let written = try String(contentsOfFile: values, encoding: .utf8).split(separator: "\n").compactMap { Double($0) }
        #expect(written.count == 512)
        #expect(written.allSatisfy { $0 >= 0 && $0 <= 1 })
        #expect(abs(written.reduce(0, +) / Double(written.count) - realMean) < 1e-5)
        #expect(real.standardOutput.hasPrefix("512 sequences of 20 tokens"))
        // The summary line agrees with the values: percentiles in order, and the count above 0.5.
        let summary = try #require(real.standardOutput.split(separator: "\n").first { $0.hasPrefix("D(real)") })
        let numbers = summary.split(whereSeparator: { " ,;:()%".contains($0) }).compactMap { Double($0) }
        try #require(numbers.count >= 6, "\(summary)")
        let (p10, median, p90) = (numbers[0], numbers[1], numbers[2])
        #expect(p10 <= median && median <= p90, "\(summary)")
        #expect(summary.contains("judged real (above 0.5): \(written.filter { $0 > 0.5 }.count) of 512"))

        let fake = try runSeqGAN(["discriminate", run, "--samples", "300", "--seed", "4"])
        #expect(fake.status == 0, "\(fake.standardError)")
        #expect(fake.standardOutput.hasPrefix("300 sequences of 20 tokens"))
        // The discriminator was trained to tell exactly these two apart.
        #expect(try lastNumber(fake.standardOutput) < realMean)
        let again = try runSeqGAN(["discriminate", run, "--samples", "300", "--seed", "4"])
        #expect(again.standardOutput == fake.standardOutput)

        let bad = directory.appendingPathComponent("bad.txt")
        try (String(repeating: "1 ", count: 19) + "1\n" + String(repeating: "2 ", count: 18) + "2\n")
            .write(to: bad, atomically: true, encoding: .utf8)
        let refused = try runSeqGAN(["discriminate", run, "--data", bad.path])
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("\(bad.path):2"))
    }

    @Test("refuses a run without a discriminator, bad data and a missing source, with the reason")
    func refusals() throws {
        let directory = try TestPaths.makeTemporaryDirectory("discriminate-bad-cli")
        let run = directory.appendingPathComponent("mle").path
        let train = try runSeqGAN(["train"] + SyntheticCommandTests.small + ["--epochs", "1", "--out", run])
        try #require(train.status == 0, "\(train.standardError)")
        let noDiscriminator = try runSeqGAN(["discriminate", run, "--samples", "10"])
        #expect(noDiscriminator.status != 0)
        #expect(noDiscriminator.standardError.contains("no discriminator"))
        #expect(noDiscriminator.standardError.contains("--mode mle"))

        for arguments in [[], ["--data", run + "/train.txt", "--samples", "5"]] {
            let refused = try runSeqGAN(["discriminate", run] + arguments)
            #expect(refused.status != 0)
            #expect(refused.standardError.contains("either --data FILE or --samples N"))
        }
        let seedWithData = try runSeqGAN(["discriminate", run, "--data", run + "/train.txt", "--seed", "2"])
        #expect(seedWithData.standardError.contains("--seed applies to --samples only"))

        let pretrained = directory.appendingPathComponent("pretrained").path
        let pretrain = try runSeqGAN(
            ["train"] + SyntheticCommandTests.small + ["--mode", "seqgan", "--epochs", "1", "--rounds", "0", "--out", pretrained])
        try #require(pretrain.status == 0, "\(pretrain.standardError)")
        let untrained = try runSeqGAN(["discriminate", pretrained, "--samples", "10"])
        #expect(untrained.status != 0)
        #expect(untrained.standardError.contains("has not been trained"))

        let notARun = try runSeqGAN(["discriminate", directory.path, "--samples", "10"])
        #expect(notARun.status != 0)
        #expect(notARun.standardError.contains("no checkpoint"))
    }
}
