import ArgumentParser
import Foundation
import MusicGeneration
import NeuralNetwork
import SeqGAN
import TensorCore

extension EvaluateCommand {
    /// Evaluates a music run (a folder with `tokenizer.json`): prints the metric table (or
    /// JSON with `--json`) and writes the per-sample BLEU and MSE under `RUN/evaluation/`.
    func runMusic(_ directory: URL) throws {
        if sweep != nil { throw ValidationError("--sweep is for text runs") }
        BLAS.threadCount = 1
        let model = try MusicModel(runDirectory: directory)
        let referenceWindows = try references.map {
            try TokenSequenceFile.readRows(
                URL(fileURLWithPath: $0), length: model.generator.config.sequenceLength,
                vocabularySize: model.generator.config.vocabularySize)
        }
        let corpus = try MusicRun.savedCorpus(in: directory)
        let evaluation = try MusicEvaluation(
            model: model, corpus: corpus, sampleCount: samples, temperature: temperature, seed: seed,
            bleuOrder: order ?? 4, references: referenceWindows)
        let folder = try EvaluateCommand.writePerSampleValues(evaluation, order: order ?? 4, in: directory)
        try ReferenceRecord(
            description: references.map(Self.describeFile) ?? "the test tunes",
            sequences: (referenceWindows ?? corpus.sequences(.test)).map { $0.map(String.init).joined(separator: " ") }
        ).write(in: folder)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(evaluation), as: UTF8.self))
            return
        }
        print("\(directory.path): \(samples) sampled windows (temperature \(temperature), seed \(seed)) "
            + "against \(references.map { "the \(evaluation.references?.windows ?? 0) windows of \($0)" } ?? "the test tunes")")
        let table = evaluation.tableText.split(separator: "\n", omittingEmptySubsequences: false)
        let bleuLabel = "BLEU-\(evaluation.bleuOrder)"
        for (index, line) in table.enumerated() where metric == .all || index == 0 || line.hasPrefix(bleuLabel) {
            print(line)
        }
        print("per-sample values (for `seqgan compare --metric bleu|mse`): \(folder.path)/")
        if metric == .all {
            tuneLevel.printTable(model: model, corpus: corpus, temperature: temperature, seed: seed)
        }
    }

    /// Writes per-sample BLEU (``writePerSampleBLEU(_:order:in:)``) and
    /// `evaluation/mse_per_sample.txt` (one value per line) into the run folder; returns the
    /// `evaluation` folder.
    static func writePerSampleValues(_ evaluation: MusicEvaluation, order: Int, in directory: URL) throws -> URL {
        let folder = directory.appendingPathComponent("evaluation")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try writePerSampleBLEU(evaluation.perSampleBLEU, order: order, in: folder)
        try writeValues(evaluation.perSampleMSE, to: folder.appendingPathComponent("mse_per_sample.txt"))
        return folder
    }
}
