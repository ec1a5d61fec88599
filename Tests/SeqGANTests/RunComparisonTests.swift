import Foundation
import SeqGAN
import TestSupport
import Testing

@Suite("Comparing two runs' per-sample values; telling a run folder's kind")
struct RunComparisonTests {
    /// A run folder holding `files` (relative path: lines).
    static func run(_ files: [String: [String]]) throws -> URL {
        let folder = try TestPaths.makeTemporaryDirectory("comparison")
        for (path, lines) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test("without a metric: NLL-oracle when both runs have it, BLEU of the latest evaluation otherwise")
    func defaultMetric() throws {
        let a = try Self.run(["nll_oracle_per_sample.txt": ["1", "2", "3"]])
        let b = try Self.run(["nll_oracle_per_sample.txt": ["2", "3", "4"]])
        let synthetic = try RunComparison(runA: a, runB: b)
        #expect(synthetic.metric == .nllOracle && synthetic.valuesB == [2, 3, 4])
        #expect(abs(synthetic.test.meanA - 2) < 1e-12)

        let musicA = try Self.run(["evaluation/bleu_per_sample.txt": ["0.1", "0.2"], "evaluation/mse_per_sample.txt": ["4", "5"]])
        let musicB = try Self.run(["evaluation/bleu_per_sample.txt": ["0.3", "0.5"], "evaluation/mse_per_sample.txt": ["6", "9"]])
        let music = try RunComparison(runA: musicA, runB: musicB)
        #expect(music.metric == .bleu && music.valuesA == [0.1, 0.2])
        #expect(try RunComparison(runA: musicA, runB: musicB, metric: .mse).valuesB == [6, 9])
        #expect(throws: ComparisonError.noNLLOracle(run: musicA.relativePath)) {
            try RunComparison(runA: musicA, runB: musicB, metric: .nllOracle)
        }
        #expect(throws: ComparisonError.noPerSampleBLEU(run: musicA.relativePath, order: 3)) {
            try RunComparison(runA: musicA, runB: musicB, bleuOrder: 3)
        }
        // A BLEU order alone means BLEU, even of runs that have NLL-oracle.
        let both = ["nll_oracle_per_sample.txt": ["1", "2"], "evaluation/bleu2_per_sample.txt": ["0.1", "0.4"]]
        #expect(try RunComparison(runA: Self.run(both), runB: Self.run(both), bleuOrder: 2).metric == .bleu)
    }

    @Test("runs evaluated against different references, and a line that is not a number, are refused with where")
    func refusals() throws {
        let a = try Self.run(["evaluation/bleu_per_sample.txt": ["0.1", "0.2"]])
        let b = try Self.run(["evaluation/bleu_per_sample.txt": ["0.3", "x"]])
        #expect(throws: ComparisonError.notANumber(path: b.appendingPathComponent("evaluation/bleu_per_sample.txt").path, line: 2, text: "x")) {
            try RunComparison(runA: a, runB: b)
        }
        try ReferenceRecord(description: "the test tunes", sequences: ["1 2 3"]).write(in: EvaluationFolder(run: a).url)
        try ReferenceRecord(description: "other.txt", sequences: ["1 2 4"]).write(in: EvaluationFolder(run: b).url)
        #expect(throws: ComparisonError.differentReferences(
            runA: a.relativePath, referencesA: "the test tunes", runB: b.relativePath, referencesB: "other.txt")) {
            try RunComparison(runA: a, runB: b)
        }
    }

    @Test("a run folder's kind comes from its files; a missing folder and one without a checkpoint are named")
    func runKinds() throws {
        let missing = try TestPaths.makeTemporaryDirectory("kind").appendingPathComponent("none")
        #expect(throws: RunKindError.noSuchFolder(path: missing.relativePath)) { try RunKind(of: missing) }
        let empty = try Self.run([:])
        #expect(throws: RunKindError.noCheckpoint(path: empty.relativePath)) { try RunKind(of: empty) }
        #expect(try RunKind(of: Self.run(["checkpoint.safetensors": [""]])) == .synthetic)
        #expect(try RunKind(of: Self.run(["checkpoint.safetensors": [""], "text.json": ["{}"]])) == .text)
        #expect(try RunKind(of: Self.run(["checkpoint.safetensors": [""], "tokenizer.json": ["{}"]])) == .music)
    }
}
