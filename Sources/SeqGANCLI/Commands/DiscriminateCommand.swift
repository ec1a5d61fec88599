import ArgumentParser
import Foundation
import Randomness
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

    @Option(help: "Score this many fresh samples of the run's generator instead of --data.")
    var samples: Int?

    @Option(help: "Seed of the generator's samples (--samples; default 1).")
    var seed: UInt64?

    @Option(name: .shortAndLong, help: "Also write each sequence's D(real), one per line, to this file.")
    var output: String?

    func validate() throws {
        guard (data == nil) != (samples == nil) else {
            throw ValidationError("give either --data FILE or --samples N")
        }
        if let samples, samples <= 0 { throw ValidationError("--samples must be positive") }
        if data != nil && seed != nil { throw ValidationError("--seed applies to --samples only") }
    }

    func run() throws {
        BLAS.threadCount = 1
        let directory = URL(fileURLWithPath: runFolder)
        let discriminator = try TrainingRun.trainedDiscriminator(in: directory)
        let t = discriminator.config.sequenceLength
        let tokens: [Int32]
        let source: String
        if let data {
            tokens = try TokenSequenceFile.read(
                URL(fileURLWithPath: data), length: t,
                vocabularySize: discriminator.config.vocabularySize
            ).tokens
            source = data
        } else {
            let generator = try TrainingRun.trainedGenerator(in: directory)
            var random = SplitMix64(seed: seed ?? 1)
            tokens = generator.sample(count: samples ?? 0, using: &random)
            source = "samples of its generator (seed \(seed ?? 1))"
        }
        let count = tokens.count / t
        var scores = [Float](repeating: 0, count: count)
        let scorer = DiscriminatorScorer(discriminator: discriminator)
        tokens.withUnsafeBufferPointer { sequences in
            scores.withUnsafeMutableBufferPointer {
                scorer.score(sequences.baseAddress!, count: count, into: $0.baseAddress!)
            }
        }
        let values = scores.map(Double.init)
        if let output {
            try EvaluateCommand.writeValues(values, to: URL(fileURLWithPath: output), format: "%.6g")
        }
        let sorted = values.sorted()
        /// The `p` quantile, interpolated between the two nearest ranks.
        func quantile(_ p: Double) -> Double {
            let position = p * Double(count - 1)
            let below = Int(position.rounded(.down))
            let above = min(below + 1, count - 1)
            return sorted[below] + (position - Double(below)) * (sorted[above] - sorted[below])
        }
        let judgedReal = values.filter { $0 > 0.5 }.count
        print("\(count) sequences of \(t) tokens from \(source), scored by the discriminator of \(runFolder)")
        print(String(
            format: "D(real): 10th percentile %.6g, median %.6g, 90th percentile %.6g; judged real (above 0.5): %d of %d (%.1f%%)",
            quantile(0.1), quantile(0.5), quantile(0.9), judgedReal, count,
            100 * Double(judgedReal) / Double(count)))
        print(String(format: "%.6g", values.reduce(0, +) / Double(count)))
    }
}
