import ArgumentParser
import Foundation
import NeuralNetwork
import TextGeneration

extension EvaluateCommand {
    /// Evaluates a text run: BLEU-N of `--samples` samples against the references, their
    /// self-BLEU and NLL-test; or, with `--sweep`, BLEU and self-BLEU at each temperature.
    /// Per-sample BLEU (for `seqgan compare`) and the samples go to `RUN/evaluation/`.
    func runText(_ directory: URL) throws {
        guard samples >= 2 else {
            throw ValidationError(
                "--samples must be at least 2 (self-BLEU compares samples with each other)")
        }
        let model = try TextModel(runDirectory: directory)
        let order = self.order ?? 2
        let references: [TextCorpus.Entry]
        let referenceName: String
        if let path = self.references {
            references = try TextCorpus.read(
                URL(fileURLWithPath: path), tokenizer: model.settings.tokens,
                format: model.settings.format
            ).entries
            referenceName = path
        } else {
            references = try model.testSequences()
            referenceName = "the run's test split"
        }
        let evaluation = try TextEvaluation(references: references.map(\.tokens), order: order)
        let folder = directory.appendingPathComponent("evaluation")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let setting =
            "of \(samples) samples (seed \(seed)) against \(references.count) references (\(referenceName))"

        if let temperatures = sweepTemperatures, !temperatures.isEmpty {
            print("BLEU-\(order) and self-BLEU-\(order) \(setting):")
            print("temperature  BLEU-\(order)  self-BLEU-\(order)")
            var csv = "temperature,bleu,self_bleu\n"
            for temperature in temperatures {
                let scores = try evaluation.evaluate(
                    model, count: samples, temperature: temperature, seed: seed)
                print(
                    String(
                        format: "%11.2f  %6.4f  %11.4f", temperature, scores.meanBLEU,
                        scores.meanSelfBLEU))
                csv += String(
                    format: "%g,%.6f,%.6f\n", temperature, scores.meanBLEU, scores.meanSelfBLEU)
            }
            try AtomicFile.write(csv, to: folder.appendingPathComponent("sweep.csv"))
            print("table: \(folder.appendingPathComponent("sweep.csv").path)")
            return
        }

        let scores = try evaluation.evaluate(
            model, count: samples, temperature: temperature, seed: seed)
        let perSample = try EvaluateCommand.writePerSampleBLEU(scores.bleu, order: order, in: folder)
        try ReferenceRecord(
            description: self.references.map(Self.describeFile) ?? referenceName,
            sequences: references.map { $0.tokens.joined(separator: " ") }
        ).write(in: folder)
        try AtomicFile.write(
            scores.samples.map { model.settings.tokens.line($0) }.joined(separator: "\n") + "\n",
            to: folder.appendingPathComponent("samples.txt"))
        if metric == .bleu {
            print(
                "BLEU-\(order) (temperature \(temperature)) \(setting); per sample: \(perSample.path)"
            )
            print(scores.meanBLEU)
            return
        }
        let nll = try model.negativeLogLikelihood(of: references)
        print(
            String(
                format: "BLEU-%d %.4f (temperature %g) %@", order, scores.meanBLEU, temperature,
                setting))
        print(
            String(
                format: "self-BLEU-%d %.4f (each sample against the other %d)", order,
                scores.meanSelfBLEU, samples - 1))
        print(
            String(format: "NLL-test %.4f (per token, on the %d references)", nll, references.count)
        )
        print(
            "per-sample BLEU: \(perSample.path); samples: \(folder.appendingPathComponent("samples.txt").path)"
        )
    }
}
