import ArgumentParser
import Foundation
import SeqGAN
import TensorCore

/// `seqgan discriminate`: what a run's discriminator makes of some sequences.
struct DiscriminateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discriminate",
        abstract: "Score token sequences with a run's discriminator: D(real), as in the rewards; the mean alone on the last line.",
        discussion: """
            The sequences come from a file of token ids (--data: one sequence per line, the \
            format of RUN/train.txt, of `seqgan oracle sample` and of `seqgan midi tokens`; \
            for a text run, ids of the run's vocabulary), or are fresh samples of the run's \
            own generator (--samples). Dropout is off, as when the discriminator scores \
            roll-outs.

            Compare the run's training sequences with real ones it has not seen (for a \
            synthetic run, samples of the run's own oracle): a discriminator that scores the \
            first near 1 and the second near 0 has learnt its training set by heart.
              seqgan discriminate runs/oracle --data runs/oracle/train.txt
              seqgan oracle sample --oracle seqgan-oracle.safetensors -n 2000 --seed 9 -o unseen.txt
              seqgan discriminate runs/oracle --data unseen.txt
              seqgan discriminate runs/oracle --samples 2000
            """)

    @Argument(help: ArgumentHelp("A run folder written by `seqgan train --mode seqgan` with --rounds above 0.", valueName: "run"))
    var runFolder: String

    @Option(help: "Token sequences to score, one per line, as many ids as the run's sequence length.")
    var data: String?

    @Option(parsing: .unconditional, help: "Score this many fresh samples of the run's generator instead of --data.")
    var samples: Int?

    @Option(parsing: .unconditional, help: "Seed of the generator's samples (--samples; default 1).", transform: parseSeed)
    var seed: UInt64?

    @Option(name: .shortAndLong, help: "Also write each sequence's D(real), one per line, to this file.")
    var output: String?

    func validate() throws {
        try require((data == nil) != (samples == nil), "give either --data FILE or --samples N")
        try require((samples ?? 1) > 0, "--samples must be positive")
        try require(data == nil || seed == nil, "--seed applies to --samples only")
    }

    func run() throws {
        BLAS.threadCount = 1
        let source = data.map { DiscriminatorVerdict.Source.file(URL(fileURLWithPath: $0)) }
            ?? .samples(count: samples ?? 0, seed: seed ?? 1)
        let verdict = try DiscriminatorVerdict(run: URL(fileURLWithPath: runFolder), source: source)
        if let output { try EvaluationFolder.writeValues(verdict.scores, to: URL(fileURLWithPath: output), format: "%.6g") }
        verdict.reportLines(from: "\(source)", run: runFolder).forEach { print($0) }
    }
}
