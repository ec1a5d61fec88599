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
            Both files hold one token sequence per line, tokens separated by whitespace. Every \
            hypothesis is scored against all references (n-gram counts clipped by their \
            maximum in any one reference, brevity penalty from the closest reference length), \
            exactly as NLTK's sentence_bleu with uniform weights; the mean over hypotheses is \
            printed alone on the last line, after a summary line.
            """)

    @Option(help: "The reference file: one whitespace-tokenized sequence per line.")
    var references: String

    @Option(help: "The hypothesis file (e.g. generated samples): one sequence per line.")
    var hypotheses: String

    @Option(name: .customShort("n"), help: "The highest n-gram order N (BLEU-N, weights 1/N).")
    var order: Int = 4

    @Option(help: "Zero-count smoothing: method1 (NLTK's, epsilon 0.1) or none.")
    var smoothing: BLEUSmoothing = .method1

    func run() throws {
        guard order >= 1 else { throw BLEUError.invalidOrder(order) }
        let referenceTokens = try TextFile.readWhitespaceTokens(URL(fileURLWithPath: references))
        let hypothesisTokens = try TextFile.readWhitespaceTokens(URL(fileURLWithPath: hypotheses))
        let scorer = try TextBLEUScorer(
            references: referenceTokens, order: order, smoothing: smoothing)
        let score = scorer.meanScore(hypothesisTokens)
        let empty = hypothesisTokens.filter(\.isEmpty).count
        print(
            "BLEU-\(order) (smoothing \(smoothing.rawValue)) of \(hypothesisTokens.count) "
                + "hypotheses (\(empty) empty) against \(referenceTokens.count) references:")
        print(score)
    }
}
