import ArgumentParser
import Foundation
import MusicGeneration
import SeqGAN

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
        try require((data == nil) != (samples == nil), "give either --data FILE or --samples N")
        try require((samples ?? 1) > 0, "--samples must be positive")
        try require(data == nil || seed == nil, "--seed applies to --samples only")
    }

    func run() throws {
        let source = data.map { DiscriminatorVerdict.Source.file(URL(fileURLWithPath: $0)) }
            ?? .samples(count: samples ?? 0, seed: seed ?? 1)
        let run = URL(fileURLWithPath: runFolder)
        // A whole-tune run samples through the tune grammar its generator was trained with.
        let conditioning = try RunKind(of: run) == .music ? MusicModel(runDirectory: run).generator.conditioning : nil
        let verdict = try DiscriminatorVerdict(run: run, source: source, conditioning: conditioning)
        if let output { try EvaluationFolder.writeValues(verdict.scores, to: URL(fileURLWithPath: output), format: "%.6g") }
        verdict.reportLines(from: "\(source)", run: runFolder).forEach { print($0) }
    }
}
