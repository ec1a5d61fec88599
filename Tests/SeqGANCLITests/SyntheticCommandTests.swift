import Foundation
import Testing
import TestSupport

@Suite("seqgan oracle and seqgan train --task synthetic")
struct SyntheticCommandTests {
    /// Options for a small synthetic run on a fresh random oracle.
    static let small = [
        "--task", "synthetic", "--oracle-seed", "3", "--train-size", "512", "--batch-size", "32",
        "--eval-samples", "256", "--eval-every", "2", "--seed", "7",
    ]

    @Test("oracle sample then oracle nll prints the number alone on the last line")
    func sampleThenScore() throws {
        let directory = try TestPaths.makeTemporaryDirectory("oracle-cli")
        let data = directory.appendingPathComponent("real.txt").path
        let sample = try runSeqGAN(["oracle", "sample", "--oracle-seed", "4", "-n", "200", "--seed", "1", "-o", data])
        #expect(sample.status == 0, "\(sample.standardError)")
        let lines = try String(contentsOfFile: data, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 200)
        #expect(lines.allSatisfy { $0.split(separator: " ").count == 20 })
        let nll = try runSeqGAN(["oracle", "nll", "--oracle-seed", "4", "--data", data])
        #expect(nll.status == 0, "\(nll.standardError)")
        let last = nll.standardOutput.split(separator: "\n").last.map(String.init) ?? ""
        let value = try #require(Double(last))
        // Its own samples score near its entropy: well below log(5000) = 8.52.
        #expect(value > 1 && value < 8.5)
    }

    @Test("bad oracle and data files give one line naming the file, and a non-zero exit")
    func badInputs() throws {
        let directory = try TestPaths.makeTemporaryDirectory("bad-cli")
        let missing = directory.appendingPathComponent("missing.safetensors").path
        let result = try runSeqGAN(["oracle", "nll", "--oracle", missing, "--data", missing])
        #expect(result.status != 0)
        #expect(result.standardError.contains(missing))
        #expect(result.standardError.split(separator: "\n").count == 1)

        let corrupt = directory.appendingPathComponent("corrupt.safetensors")
        try Data("not a tensor file".utf8).write(to: corrupt)
        let run = directory.appendingPathComponent("run")
        let train = try runSeqGAN(["train", "--task", "synthetic", "--oracle", corrupt.path, "--epochs", "1", "--out", run.path])
        #expect(train.status != 0)
        #expect(train.standardError.contains(corrupt.path))
        #expect(!FileManager.default.fileExists(atPath: run.path), "nothing may be written for a bad oracle")

        let data = directory.appendingPathComponent("data.txt")
        try (String(repeating: "1 ", count: 19) + "1\n" + String(repeating: "2 ", count: 19) + "5000\n").write(to: data, atomically: true, encoding: .utf8)
        let nll = try runSeqGAN(["oracle", "nll", "--oracle-seed", "1", "--data", data.path])
        #expect(nll.status != 0)
        #expect(nll.standardError.contains("\(data.path):2"))
    }

    @Test("a run killed mid-way and resumed ends with the same numbers as an uninterrupted one")
    func killAndResume() throws {
        let directory = try TestPaths.makeTemporaryDirectory("resume-cli")
        let whole = directory.appendingPathComponent("whole").path
        let parted = directory.appendingPathComponent("parted").path
        let full = try runSeqGAN(["train"] + Self.small + ["--epochs", "6", "--out", whole])
        #expect(full.status == 0, "\(full.standardError)")

        // Start the same run and kill it hard part-way through.
        let process = Process()
        process.executableURL = TestPaths.seqganBinary
        process.arguments = ["train"] + Self.small + ["--epochs", "6", "--out", parted]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        let log = parted + "/log.csv"
        // Wait until at least epoch 2 is logged, then kill.
        while Date() < deadline {
            if let text = try? String(contentsOfFile: log, encoding: .utf8), text.split(separator: "\n").count >= 4 { break }
            usleep(2_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        let resumed = try runSeqGAN(["train"] + Self.small + ["--epochs", "6", "--out", parted, "--resume"])
        #expect(resumed.status == 0, "\(resumed.standardError)")
        func numbers(_ path: String) throws -> [String] { try runLogWithoutSeconds(URL(fileURLWithPath: path)) }
        #expect(try numbers(whole) == numbers(parted))
        #expect(try numbers(whole).count == 8)
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: whole + "/nll_oracle_per_sample.txt"))
                == Data(contentsOf: URL(fileURLWithPath: parted + "/nll_oracle_per_sample.txt")))
    }

    @Test("train refuses to overwrite a run without --resume")
    func refusesOverwrite() throws {
        let directory = try TestPaths.makeTemporaryDirectory("overwrite-cli")
        let out = directory.appendingPathComponent("run").path
        #expect(try runSeqGAN(["train"] + Self.small + ["--epochs", "1", "--out", out]).status == 0)
        let again = try runSeqGAN(["train"] + Self.small + ["--epochs", "1", "--out", out])
        #expect(again.status != 0)
        #expect(again.standardError.contains("--resume"))
    }

    @Test("generate and evaluate on a synthetic run: token ids that the oracle scores like the run's log")
    func generateFromSyntheticRun() throws {
        let directory = try TestPaths.makeTemporaryDirectory("generate-synthetic-cli")
        let out = directory.appendingPathComponent("run").path
        #expect(try runSeqGAN(["train"] + Self.small + ["--epochs", "4", "--out", out]).status == 0)
        let samples = directory.appendingPathComponent("new/folder/samples.txt").path
        func generate(seed: String, to path: String) throws -> String {
            let result = try runSeqGAN(["generate", out, "-n", "400", "--seed", seed, "-o", path])
            #expect(result.status == 0, "\(result.standardError)")
            return try String(contentsOfFile: path, encoding: .utf8)
        }
        let text = try generate(seed: "5", to: samples)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 400)
        #expect(lines.allSatisfy { line in
            let ids = line.split(separator: " ").compactMap { Int($0) }
            return ids.count == 20 && ids.allSatisfy { (0..<5000).contains($0) }
        })
        #expect(try generate(seed: "5", to: samples + ".again") == text)
        #expect(try generate(seed: "6", to: samples + ".other") != text)
        let nll = try runSeqGAN(["oracle", "nll", "--oracle-seed", "3", "--data", samples])
        let value = try #require(Double(nll.standardOutput.split(separator: "\n").last.map(String.init) ?? ""))
        let log = try String(contentsOfFile: out + "/log.csv", encoding: .utf8)
        let lastRow = try #require(log.split(separator: "\n").last).split(separator: ",", omittingEmptySubsequences: false)
        let logged = try #require(Double(lastRow[3]), "\(lastRow)")
        #expect(abs(value - logged) < 0.2, "samples \(value), log \(logged)")

        // evaluate scores fresh samples under the oracle, at each temperature of a sweep.
        let evaluate = try runSeqGAN(["evaluate", out, "--samples", "400", "--seed", "5", "--sweep", "0.7,1"])
        #expect(evaluate.status == 0, "\(evaluate.standardError)")
        let reported = evaluate.standardOutput.split(separator: "\n").filter { $0.hasPrefix("temperature") }
        try #require(reported.count == 2, "\(evaluate.standardOutput)")
        #expect(reported[0].hasPrefix("temperature 0.70") && reported[1].hasPrefix("temperature 1.00"))
        let atOne = try #require(reported[1].split(separator: " ").dropFirst(3).first.flatMap { Double($0.dropLast()) })
        #expect(abs(atOne - value) < 1e-3, "same seed and temperature as generate: \(atOne) vs \(value)")
        #expect(reported[1].hasSuffix("distinct sequences 400 of 400"))
        let refused = try runSeqGAN(["evaluate", out, "--references", samples])
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("oracle"))
    }

    @Test("--embedding-size, --hidden-size, --layers and --dropout shape the generator; --resume refuses to change them")
    func generatorShapeOptions() throws {
        let directory = try TestPaths.makeTemporaryDirectory("generator-shape")
        let out = directory.appendingPathComponent("run").path
        let train = try runSeqGAN(
            ["train"] + Self.small + [
                "--epochs", "1", "--out", out, "--embedding-size", "16", "--hidden-size", "24", "--layers", "2",
                "--dropout", "0.25",
            ])
        #expect(train.status == 0, "\(train.standardError)")
        let config = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: out).appendingPathComponent("config.json"))) as! [String: Any]
        let generator = try #require(config["generator"] as? [String: Any])
        #expect(generator["embeddingSize"] as? Int == 16)
        #expect(generator["hiddenSize"] as? Int == 24)
        #expect(generator["layers"] as? Int == 2)
        #expect((generator["dropout"] as? Double).map { abs($0 - 0.25) < 1e-6 } == true)
        let resumed = try runSeqGAN(["train", "--resume", "--out", out, "--epochs", "2", "--layers", "3"])
        #expect(resumed.status != 0)
        #expect(resumed.standardError.contains("--resume keeps the run's generator"), "\(resumed.standardError)")
        let negative = try runSeqGAN(["train"] + Self.small + ["--out", out + "-2", "--hidden-size", "-4"])
        #expect(negative.status != 0)
        #expect(negative.standardError.contains("generator.hiddenSize must be in"), "\(negative.standardError)")
    }
}
