import ArgumentParser
import Foundation
import SeqGAN

/// `seqgan compare`: is one run's metric significantly different from another's?
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Welch t-test between two runs' per-sample values of their latest evaluation; the p-value alone on the last line.")

    @Argument(help: "The first run folder.")
    var runA: String

    @Argument(help: "The second run folder.")
    var runB: String

    @Option(help: "Which per-sample values (default: nll-oracle for synthetic runs, bleu for music and text runs).")
    var metric: RunComparison.Metric?

    @Option(name: .customShort("n"), parsing: .unconditional, help: "With --metric bleu: the BLEU order, read from evaluation/bleu<N>_per_sample.txt (written by `seqgan evaluate RUN -n N`); without it, the latest evaluation's BLEU.")
    var order: Int?

    func validate() throws {
        try require(order == nil || (metric ?? .bleu) == .bleu, "-n applies to --metric bleu only")
    }

    func run() throws {
        let comparison = try RunComparison(
            runA: URL(fileURLWithPath: runA), runB: URL(fileURLWithPath: runB), metric: metric, bleuOrder: order)
        comparison.reportLines(nameA: runA, nameB: runB).forEach { print($0) }
    }
}
