import Foundation
import TestSupport
import Testing

/// The `seqgan evaluate --json` output, the parts these tests read.
private struct EvaluationJSON: Decodable {
    struct Statistics: Decodable {
        var melodyCount: Int
        var inKeyShare: Double?
    }
    struct Column: Decodable {
        var name: String
        var windows: Int
        var bleu: Double?
        var mse: Double?
        var pitchClassDistance: Double?
        var statistics: Statistics
    }
    var bleuOrder: Int
    var samples: Column
    var validation: Column?
    var test: Column
    var references: Column?
}

/// A tiny music run on the bundled tunes: 3 MLE epochs, no adversarial rounds.
func trainTinyMusicRun(_ label: String, extra: [String] = []) throws -> URL {
    let run = try TestPaths.makeTemporaryDirectory(label).appendingPathComponent("run")
    let folk = TestPaths.repositoryRoot.appendingPathComponent("corpora/folk")
    let train = try runSeqGAN(
        ["train", folk.path, "--scheme", "grid", "--out", run.path, "--epochs", "3", "--mode", "mle", "--rounds", "0", "--eval-samples", "16", "--seed", "2"]
            + extra)
    #expect(train.status == 0, "\(train.standardError)")
    return run
}

/// Reads a per-sample file: one number per line.
func perSampleValues(_ url: URL) throws -> [Double] {
    try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { try #require(Double($0)) }
}

@Suite("seqgan evaluate RUN on music runs")
struct MusicEvaluationCommandTests {
    @Test("prints the table for samples and real tunes, writes per-sample BLEU and MSE, deterministic by seed")
    func evaluateTinyRun() throws {
        let run = try trainTinyMusicRun("music-evaluate")
        let result = try runSeqGAN(["evaluate", run.path, "--samples", "64", "--seed", "3"])
        #expect(result.status == 0, "\(result.standardError)")
        let output = result.standardOutput
        for label in [
            "BLEU-4 vs test", "MSE of pitch numbers vs test", "pitch-class histogram distance",
            "interval histogram distance", "notes in key", "pitch range", "repeated 4-note patterns",
        ] {
            #expect(output.contains(label), "\(label) missing from:\n\(output)")
        }
        let header = try #require(output.split(separator: "\n").first { $0.contains("samples") && $0.contains("test") })
        #expect(header.contains("validation"))

        let bleu = try perSampleValues(run.appendingPathComponent("evaluation/bleu_per_sample.txt"))
        let mse = try perSampleValues(run.appendingPathComponent("evaluation/mse_per_sample.txt"))
        #expect(bleu.count == 64 && mse.count == 64)
        #expect(bleu.allSatisfy { (0...1).contains($0) })
        #expect(mse.allSatisfy { $0 >= 0 })
        // The table's numbers are the means of the per-sample values.
        let bleuLine = try #require(output.split(separator: "\n").first { $0.hasPrefix("BLEU-4") })
        #expect(bleuLine.contains(String(format: "%.4f", bleu.reduce(0, +) / 64)), "\(bleuLine)")
        let mseLine = try #require(output.split(separator: "\n").first { $0.hasPrefix("MSE") })
        #expect(mseLine.contains(String(format: "%.2f", mse.reduce(0, +) / 64)), "\(mseLine)")

        // JSON: the same numbers; the test column is the reference, so it has no BLEU or MSE.
        let json = try runSeqGAN(["evaluate", run.path, "--samples", "64", "--seed", "3", "--json"])
        #expect(json.status == 0, "\(json.standardError)")
        let parsed = try JSONDecoder().decode(EvaluationJSON.self, from: Data(json.standardOutput.utf8))
        #expect(parsed.bleuOrder == 4)
        #expect(parsed.samples.windows == 64 && parsed.samples.statistics.melodyCount == 64)
        #expect(abs((parsed.samples.bleu ?? -1) - bleu.reduce(0, +) / 64) < 1e-5)
        #expect(parsed.test.bleu == nil && parsed.test.mse == nil && parsed.test.pitchClassDistance == nil)
        #expect(parsed.test.windows > 0)
        let inKey = try #require(parsed.test.statistics.inKeyShare)
        #expect(inKey > 0.8 && inKey <= 1, "real folk tunes stay in key")
        // Real tunes the model never saw score better against the test tunes than the samples of
        // a model trained for 3 epochs.
        let validation = try #require(parsed.validation)
        #expect(validation.windows > 0)
        #expect(try #require(validation.bleu) > parsed.samples.bleu ?? 1)
        #expect(try perSampleValues(run.appendingPathComponent("evaluation/bleu_per_sample.txt")) == bleu)

        // Another seed, other samples; `compare --metric mse` reads the per-sample files.
        let copy = run.deletingLastPathComponent().appendingPathComponent("copy")
        try FileManager.default.copyItem(at: run, to: copy)
        let other = try runSeqGAN(["evaluate", copy.path, "--samples", "64", "--seed", "4", "--metric", "bleu"])
        #expect(other.status == 0, "\(other.standardError)")
        #expect(!other.standardOutput.contains("MSE"), "--metric bleu prints BLEU only")
        #expect(try perSampleValues(copy.appendingPathComponent("evaluation/mse_per_sample.txt")) != mse)
        let compare = try runSeqGAN(["compare", run.path, copy.path, "--metric", "mse"])
        #expect(compare.status == 0, "\(compare.standardError)")
        let p = try #require(Double(compare.standardOutput.split(separator: "\n").last ?? ""))
        #expect((0...1).contains(p))
    }

    @Test("--references: other reference windows, such as the training windows; a bad file is named with its line")
    func otherReferences() throws {
        let run = try trainTinyMusicRun("music-references")
        let lines = try String(contentsOf: run.appendingPathComponent("train.txt"), encoding: .utf8)
            .split(separator: "\n")
        let folder = run.deletingLastPathComponent()
        let half = folder.appendingPathComponent("half.txt")
        try (lines[..<(lines.count / 2)].joined(separator: "\n") + "\n").write(to: half, atomically: true, encoding: .utf8)
        func perSampleBLEU(against references: URL) throws -> (EvaluationJSON, [Double]) {
            let result = try runSeqGAN([
                "evaluate", run.path, "--samples", "48", "--seed", "3", "--json", "--references", references.path,
            ])
            #expect(result.status == 0, "\(result.standardError)")
            let parsed = try JSONDecoder().decode(EvaluationJSON.self, from: Data(result.standardOutput.utf8))
            return (parsed, try perSampleValues(run.appendingPathComponent("evaluation/bleu_per_sample.txt")))
        }
        let (all, againstAll) = try perSampleBLEU(against: run.appendingPathComponent("train.txt"))
        let (part, againstHalf) = try perSampleBLEU(against: half)
        #expect(all.references?.name == "references" && all.references?.windows == lines.count)
        #expect(part.references?.windows == lines.count / 2)
        // The test tunes are then measured like the samples.
        #expect(all.test.bleu != nil && all.test.mse != nil && all.test.windows > 0)
        #expect(all.references?.bleu == nil)
        // Equal-length windows: more references can only raise each sample's clipped counts.
        #expect(zip(againstAll, againstHalf).allSatisfy { $0 >= $1 })
        #expect(againstAll != againstHalf)
        let table = try runSeqGAN(["evaluate", run.path, "--samples", "8", "--references", half.path])
        #expect(table.standardOutput.contains("BLEU-4 vs references"), "\(table.standardOutput)")
        #expect(table.standardOutput.contains("against the \(lines.count / 2) windows of \(half.path)"))

        let bad = folder.appendingPathComponent("bad.txt")
        try "\(lines[0])\n1 2 3\n".write(to: bad, atomically: true, encoding: .utf8)
        let refused = try runSeqGAN(["evaluate", run.path, "--samples", "8", "--references", bad.path])
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("bad.txt:2:"), "\(refused.standardError)")

        // `compare` refuses runs last evaluated against different references.
        let copy = folder.appendingPathComponent("copy")
        try FileManager.default.copyItem(at: run, to: copy)
        #expect(try runSeqGAN(["evaluate", copy.path, "--samples", "48", "--seed", "4"]).status == 0)
        let mixed = try runSeqGAN(["compare", run.path, copy.path, "--metric", "bleu"])
        #expect(mixed.status != 0)
        #expect(mixed.standardError.contains("half.txt") && mixed.standardError.contains("the test tunes"), "\(mixed.standardError)")
        // The same windows from another file are the same references.
        let sameWindows = folder.appendingPathComponent("half-copy.txt")
        try FileManager.default.copyItem(at: half, to: sameWindows)
        #expect(try runSeqGAN(["evaluate", copy.path, "--samples", "48", "--references", sameWindows.path]).status == 0)
        #expect(try runSeqGAN(["compare", run.path, copy.path, "--metric", "bleu"]).status == 0)
        #expect(try runSeqGAN(["evaluate", run.path, "--samples", "48", "--seed", "3"]).status == 0)
        #expect(try runSeqGAN(["compare", run.path, copy.path, "--metric", "mse"]).status != 0)
    }

    @Test("a run whose tunes have moved: one line naming the missing input")
    func missingInputs() throws {
        let run = try trainTinyMusicRun("music-evaluate-moved")
        let sources = run.appendingPathComponent("sources.json")
        let text = try String(contentsOf: sources, encoding: .utf8)
        let moved = text.replacingOccurrences(of: "corpora\\/folk", with: "corpora\\/gone")
        #expect(moved != text)
        try moved.write(to: sources, atomically: true, encoding: .utf8)
        let result = try runSeqGAN(["evaluate", run.path, "--samples", "8"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("corpora/gone: no such file or folder"), "\(result.standardError)")
        #expect(result.standardError.split(separator: "\n").count == 1, "\(result.standardError)")
    }
}
