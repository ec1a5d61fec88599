import ArgumentParser
import TrainedRuns

/// `seqgan discriminate`: what a run's discriminator makes of some sequences.
struct DiscriminateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discriminate",
        abstract: "Score token sequences with a run's discriminator: D(real), as in the rewards; the mean alone on the last line.",
        discussion: """
            The sequences are a file of token ids (--data, one sequence per line as in \
            RUN/train.txt, `seqgan oracle sample` and `seqgan midi tokens`) or fresh samples of the \
            run's generator (--samples); dropout is off, as when roll-outs are scored. A \
            discriminator that scores its training sequences near 1 and unseen real ones near 0 has \
            learnt its training set by heart:
              seqgan discriminate runs/oracle --data runs/oracle/train.txt
              seqgan oracle sample --oracle seqgan-oracle.safetensors -n 2000 -o unseen.txt
              seqgan discriminate runs/oracle --data unseen.txt
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
        try asValidationError { try request.validate() }
    }

    func run() throws {
        try request.discriminate(run: runFolder).forEach { print($0) }
    }

    /// The options as a library request.
    var request: DiscriminationRequest {
        DiscriminationRequest(data: data, samples: samples, seed: seed, output: output)
    }
}
