import Foundation
import RunFiles
import SeqGAN

extension PreparedTraining {
    /// What was read, printed before training starts: the corpus and the model of a music or
    /// text run (nothing for the synthetic task, whose data is the oracle's).
    public var summaryLines: [String] {
        switch self {
        case .synthetic: []
        case .music(let run, _): run.summaryLines
        case .text(let run, _): run.summaryLines
        }
    }

    /// The final scores of a finished run, given its log: NLL-oracle (synthetic), or the last
    /// NLL-test and BLEU of a corpus run with the wall time and what to do next.
    public func finishedLines(rows: [RunLogRow]) -> [String] {
        if case .synthetic = self {
            guard let last = rows.last(where: { $0.nllOracle != nil }), let nll = last.nllOracle else { return [] }
            return [String(format: "final NLL-oracle %.4f after %@ %d (%.1f s); log: %@", nll, last.phase.rawValue, last.epoch, last.seconds, RunFolder(directory).url(of: .log).path)]
        }
        let last = rows.last(where: { $0.nllTest != nil })
        let scores = [
            last?.nllTest.map { String(format: "NLL-test %.4f", $0) },
            last?.bleu.map { String(format: "BLEU-%d %.4f", config.evaluation.bleuOrder, $0) },
        ].compactMap { $0 }.joined(separator: ", ")
        let seconds = String(format: "%.1f", rows.last?.seconds ?? 0)
        let next = if case .music = self {
            "make tunes with: seqgan generate \(directory.path) -n 8 -o tunes --wav"
        } else {
            "write samples with: seqgan generate \(directory.path) -n 20 -o samples.txt"
        }
        return ["trained \(directory.path)\(scores.isEmpty ? "" : ": \(scores)") (\(seconds) s)", next]
    }
}
