import Foundation
import TestSupport
import Testing

@Suite("seqgan train FILE.txt --task text, generate, evaluate, compare")
struct TextCommandTests {
    /// A schedule that passes through MLE, discriminator pre-training and one SeqGAN round in
    /// a few seconds.
    static let tinySchedule = [
        "--epochs", "2", "--d-pretrain-steps", "1", "--d-epochs", "1", "--rounds", "1",
        "--rollouts", "2", "--eval-samples", "32", "--batch-size", "16", "--seed", "5",
    ]

    /// Sixty short lines of words, one with a character outside the BMP.
    static func writeCorpus(in directory: URL) throws -> URL {
        let words = ["the", "cat", "sat", "on", "a", "mat", "and", "dog", "ran", "home", "𠀋"]
        let lines = (0..<60).map { index in
            (0..<(3 + index % 5)).map { words[(index * 7 + $0 * 3) % words.count] }.joined(
                separator: " ") + " ."
        }
        let url = directory.appendingPathComponent("lines.txt")
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test("train a text run, generate a text file, evaluate BLEU, sweep temperatures and compare")
    func endToEnd() throws {
        let directory = try TestPaths.makeTemporaryDirectory("text-cli")
        let corpus = try Self.writeCorpus(in: directory)
        let run = directory.appendingPathComponent("run").path
        let train = try runSeqGAN(
            ["train", corpus.path, "--tokens", "word", "--out", run] + Self.tinySchedule)
        #expect(train.status == 0, "\(train.standardError)")
        #expect(
            train.standardOutput.contains("read \(corpus.path) as lines"), "\(train.standardOutput)"
        )
        #expect(train.standardOutput.contains("seqgan 1:"), "\(train.standardOutput)")
        for file in ["text.json", "vocabulary.json", "config.json", "checkpoint.safetensors"] {
            #expect(FileManager.default.fileExists(atPath: "\(run)/\(file)"), "\(file)")
        }

        let out = directory.appendingPathComponent("samples/out.txt").path
        let generate = try runSeqGAN([
            "generate", run, "-n", "12", "--temperature", "0.8", "--seed", "3", "-o", out,
        ])
        #expect(generate.status == 0, "\(generate.standardError)")
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 13 && lines.last == "")  // 12 lines and the final newline
        let again = directory.appendingPathComponent("again.txt").path
        _ = try runSeqGAN([
            "generate", run, "-n", "12", "--temperature", "0.8", "--seed", "3", "-o", again,
        ])
        #expect(
            try String(contentsOfFile: again, encoding: .utf8)
                == String(contentsOfFile: out, encoding: .utf8))

        let bleu = try runSeqGAN([
            "evaluate", run, "--references", corpus.path, "--metric", "bleu", "-n", "2",
            "--samples", "50",
        ])
        #expect(bleu.status == 0, "\(bleu.standardError)")
        let score = Double(bleu.standardOutput.split(separator: "\n").last.map(String.init) ?? "")
        #expect(score != nil && (0...1).contains(score!), "\(bleu.standardOutput)")
        let perSample = try String(
            contentsOfFile: "\(run)/evaluation/bleu_per_sample.txt", encoding: .utf8)
        #expect(perSample.split(separator: "\n").count == 50)

        let all = try runSeqGAN(["evaluate", run, "--samples", "40"])
        #expect(all.status == 0, "\(all.standardError)")
        for label in ["BLEU-2", "self-BLEU-2", "NLL-test"] {
            #expect(all.standardOutput.contains(label), "\(all.standardOutput)")
        }
        // The printed self-BLEU is `seqgan bleu --self` of the same samples.
        let selfBLEU = try runSeqGAN([
            "bleu", "--self", "--hypotheses", "\(run)/evaluation/samples.txt", "-n", "2",
        ])
        let selfValue =
            Double(selfBLEU.standardOutput.split(separator: "\n").last.map(String.init) ?? "") ?? -1
        #expect(
            all.standardOutput.contains(String(format: "self-BLEU-2 %.4f", selfValue)),
            "\(all.standardOutput)")

        let sweep = try runSeqGAN(["evaluate", run, "--sweep", "0.5,1,1.5", "--samples", "30"])
        #expect(sweep.status == 0, "\(sweep.standardError)")
        let rows = sweep.standardOutput.split(separator: "\n").filter { $0.hasPrefix("       ") }
        #expect(rows.count == 3, "\(sweep.standardOutput)")

        let compare = try runSeqGAN(["compare", run, run, "--metric", "bleu"])
        #expect(compare.status == 0, "\(compare.standardError)")
        #expect(
            compare.standardOutput.split(separator: "\n").last == "1", "\(compare.standardOutput)")

        // Each BLEU order keeps its own per-sample file for `compare -n`.
        let third = try runSeqGAN(["evaluate", run, "-n", "3", "--samples", "30"])
        #expect(third.status == 0, "\(third.standardError)")
        let second = try runSeqGAN(["compare", run, run, "--metric", "bleu", "-n", "2"])
        #expect(second.standardOutput.contains("over 40 samples"), "\(second.standardOutput) \(second.standardError)")
        let third3 = try runSeqGAN(["compare", run, run, "--metric", "bleu", "-n", "3"])
        #expect(third3.standardOutput.contains("over 30 samples"), "\(third3.standardOutput) \(third3.standardError)")
        let missing = try runSeqGAN(["compare", run, run, "--metric", "bleu", "-n", "4"])
        #expect(missing.status != 0)
        #expect(missing.standardError.contains("seqgan evaluate \(run) -n 4"), "\(missing.standardError)")
    }

    @Test("--init-from forks a pre-trained text run; --resume continues one")
    func forkAndResume() throws {
        let directory = try TestPaths.makeTemporaryDirectory("text-cli-fork")
        let corpus = try Self.writeCorpus(in: directory)
        let base = directory.appendingPathComponent("base").path
        let pretrain = try runSeqGAN([
            "train", corpus.path, "--tokens", "word", "--epochs", "1", "--rounds", "0",
            "--batch-size", "16", "--out", base,
        ])
        #expect(pretrain.status == 0, "\(pretrain.standardError)")
        let fork = directory.appendingPathComponent("fork").path
        let forked = try runSeqGAN([
            "train", "--init-from", base, "--mode", "mle", "--rounds", "1", "--out", fork,
        ])
        #expect(forked.status == 0, "\(forked.standardError)")
        #expect(forked.standardOutput.contains("mle 1:"), "\(forked.standardOutput)")
        #expect(
            try String(contentsOfFile: "\(fork)/vocabulary.json", encoding: .utf8)
                == String(contentsOfFile: "\(base)/vocabulary.json", encoding: .utf8))
        let resumed = try runSeqGAN(["train", "--out", fork, "--resume", "--rounds", "2"])
        #expect(resumed.status == 0, "\(resumed.standardError)")
        #expect(resumed.standardOutput.contains("mle 2:"), "\(resumed.standardOutput)")
    }

    @Test("bad text input is one line on stderr naming the file (and line)")
    func badInput() throws {
        let directory = try TestPaths.makeTemporaryDirectory("text-cli-bad")
        let missing = directory.appendingPathComponent("missing.txt").path
        let noFile = try runSeqGAN([
            "train", missing, "--out", directory.appendingPathComponent("a").path,
        ])
        #expect(noFile.status != 0)
        #expect(
            noFile.standardError.contains(missing)
                && noFile.standardError.split(separator: "\n").count == 1, "\(noFile.standardError)"
        )

        let empty = directory.appendingPathComponent("empty.txt")
        try "\n\n".write(to: empty, atomically: true, encoding: .utf8)
        let emptyRun = try runSeqGAN([
            "train", empty.path, "--out", directory.appendingPathComponent("b").path,
        ])
        #expect(emptyRun.status != 0)
        #expect(
            emptyRun.standardError.contains("\(empty.path): the file contains no token sequences"),
            "\(emptyRun.standardError)")

        let corpus = try Self.writeCorpus(in: directory)
        let test = directory.appendingPathComponent("test.txt")
        try "the cat .\nzebra quagga\n".write(to: test, atomically: true, encoding: .utf8)
        let unknown = try runSeqGAN([
            "train", corpus.path, "--tokens", "word", "--test", test.path, "--out",
            directory.appendingPathComponent("c").path,
        ])
        #expect(unknown.status != 0)
        #expect(
            unknown.standardError.contains("\(test.path):2: every token is unknown"),
            "\(unknown.standardError)")
        #expect(unknown.standardError.split(separator: "\n").count == 1, "\(unknown.standardError)")

        let notEvaluated = directory.appendingPathComponent("d")
        try FileManager.default.createDirectory(at: notEvaluated, withIntermediateDirectories: true)
        let compare = try runSeqGAN([
            "compare", notEvaluated.path, notEvaluated.path, "--metric", "bleu",
        ])
        #expect(compare.status != 0)
        #expect(compare.standardError.contains("run `seqgan evaluate"), "\(compare.standardError)")
    }
}
