import Foundation
import MusicAnalysis

extension MusicRunEvaluation {
    /// The lines `seqgan evaluate` prints for the music run in `directory` that this evaluation
    /// measured: what was sampled against what, the metric table (the BLEU line alone when
    /// `bleuOnly`), where the per-sample values are, and the whole-tune table when there is one.
    ///
    /// - Parameters:
    ///   - references: The references file as the user named it, `nil` for the test tunes.
    ///   - tuneCount: The whole tunes generated for ``tunes``.
    public func reportLines(
        run directory: URL, references: String?, sampleCount: Int, temperature: Float, seed: UInt64,
        tuneCount: Int, bleuOnly: Bool
    ) -> [String] {
        let against = references.map { "the \(evaluation.references?.windows ?? 0) windows of \($0)" } ?? "the test tunes"
        var lines = ["\(directory.path): \(sampleCount) sampled windows (temperature \(temperature), seed \(seed)) against \(against)"]
        lines += tableLines(bleuOnly: bleuOnly)
        lines.append("per-sample values (for `seqgan compare --metric bleu|mse`): \(folder.url.path)/")
        if let tunes {
            lines.append("\nwhole tunes: \(tuneCount) generated (temperature \(temperature), seed \(seed)) against the test tunes")
            lines.append(tunes.tableText(generatedName: "samples", realName: "test"))
        }
        return lines
    }
}

extension MusicEvaluation {
    /// The evaluation as pretty-printed JSON with sorted keys (`seqgan evaluate --json`).
    public func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
