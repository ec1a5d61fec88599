import Foundation

extension TextRunEvaluation {
    /// Scores `count` samples and returns the lines `seqgan evaluate` prints for a text run:
    /// with `sweep` temperatures, BLEU and self-BLEU at each (also written to the sweep table);
    /// else BLEU-N, self-BLEU-N and NLL-test at `temperature`, or BLEU-N alone when `bleuOnly`
    /// (its mean on the last line).
    ///
    /// - Throws: `AtomicFileError` naming an evaluation file that cannot be written.
    public func reportLines(
        count: Int, temperature: Float, seed: UInt64, sweep temperatures: [Float], bleuOnly: Bool
    ) throws -> [String] {
        let n = order
        let setting = "of \(count) samples (seed \(seed)) against \(references.count) references (\(referenceName))"
        if !temperatures.isEmpty {
            let rows = try sweep(temperatures: temperatures, count: count, seed: seed).map {
                String(format: "%11.2f  %6.4f  %11.4f", $0.temperature, $0.meanBLEU, $0.meanSelfBLEU)
            }
            return ["BLEU-\(n) and self-BLEU-\(n) \(setting):", "temperature  BLEU-\(n)  self-BLEU-\(n)"] + rows
                + ["table: \(folder.sweep.path)"]
        }
        let scores = try evaluate(count: count, temperature: temperature, seed: seed)
        let perSample = folder.latestBLEU.path
        if bleuOnly {
            return ["BLEU-\(n) (temperature \(temperature)) \(setting); per sample: \(perSample)", "\(scores.meanBLEU)"]
        }
        let nll = try negativeLogLikelihood()
        return [
            String(format: "BLEU-%d %.4f (temperature %g) %@", n, scores.meanBLEU, temperature, setting),
            String(format: "self-BLEU-%d %.4f (each sample against the other %d)", n, scores.meanSelfBLEU, count - 1),
            String(format: "NLL-test %.4f (per token, on the %d references)", nll, references.count),
            "per-sample BLEU: \(perSample); samples: \(folder.samples.path)",
        ]
    }
}
