import ArgumentParser

/// `seqgan bleu`: Cumulative BLEU-N of hypotheses against a whole reference set.
struct BLEUCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bleu",
        abstract: "Cumulative BLEU-N of hypotheses against a whole reference set.")

    func run() throws {
        throw ValidationError("seqgan bleu is not implemented yet")
    }
}
