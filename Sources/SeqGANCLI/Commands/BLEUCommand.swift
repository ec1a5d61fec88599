import ArgumentParser
import Foundation
import Metrics
import TextEncoding

/// `seqgan bleu`: cumulative BLEU-N of hypotheses against a whole reference set.
struct BLEUCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bleu",
        abstract: "Cumulative BLEU-N of hypotheses against a whole reference set.",
        discussion: """
            Both files hold one sequence per line, tokens separated by whitespace. Each hypothesis \
            is scored against all references as NLTK's sentence_bleu with uniform weights does; \
            the mean is printed alone on the last line, after a summary line. With --self, each \
            hypothesis is scored against the other hypotheses (self-BLEU: how alike samples are).
            """)

    @Option(help: "The reference file: one whitespace-tokenized sequence per line.")
    var references: String?

    @Option(help: "The hypothesis file (e.g. generated samples): one sequence per line.")
    var hypotheses: String

    @Option(name: .customShort("n"), parsing: .unconditional, help: "The highest n-gram order N (BLEU-N, weights 1/N).")
    var order: Int = 4

    @Option(help: "Smoothing of n-gram orders with no match.")
    var smoothing: BLEUSmoothing = .method1

    @Flag(name: .customLong("self"), help: "Self-BLEU instead: score each hypothesis against all the others (never itself), without --references.")
    var selfBLEU = false

    func run() throws {
        guard order >= 1 else { throw BLEUError.invalidOrder(order) }
        guard selfBLEU == (references == nil) else {
            throw CommandError(selfBLEU
                ? "--self scores the hypotheses against each other; leave out --references"
                : "seqgan bleu needs --references R.txt (or --self for self-BLEU)")
        }
        let read = { (path: String) in try TextFile.readWhitespaceTokens(URL(fileURLWithPath: path)) }
        try TextBLEUReport.lines(hypotheses: read(hypotheses), references: references.map(read), order: order, smoothing: smoothing)
            .forEach { print($0) }
    }
}
