import ArgumentParser
import Foundation
import NeuralNetwork
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
            format of RUN/train.txt and of `seqgan oracle sample`), or are fresh samples of the \
            run's own generator (--samples). Dropout is off, as when the discriminator scores \
            roll-outs.

            Compare the run's training sequences with real ones it has not seen: a \
            discriminator that scores the first near 1 and the second near 0 has learnt its \
            training set by heart, and its rewards say little about the generator's samples.
              seqgan discriminate runs/oracle --data runs/oracle/train.txt
              seqgan oracle sample --oracle ORACLE -n 2000 --seed 9 -o unseen.txt
              seqgan discriminate runs/oracle --data unseen.txt
              seqgan discriminate runs/oracle --samples 2000
            """)

    @Argument(help: "A run folder written by `seqgan train` in the seqgan mode.")
    var runFolder: String

    @Option(help: "Token sequences to score, one per line, as many ids as the run's sequence length.")
    var data: String?

    @Option(help: "Score this many fresh samples of the run's generator instead of --data.")
    var samples: Int?

    @Option(help: "Seed of the generator's samples (--samples).")
    var seed: UInt64 = 1

    @Option(name: .shortAndLong, help: "Also write each sequence's D(real), one per line, to this file.")
    var output: String?

    func validate() throws {
        guard (data == nil) != (samples == nil) else {
            throw ValidationError("give either --data FILE or --samples N")
        }
        if let samples, samples <= 0 { throw ValidationError("--samples must be positive") }
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
            var random = SplitMix64(seed: seed)
            tokens = generator.sample(count: samples ?? 0, using: &random)
            source = "samples of its generator (seed \(seed))"
        }
        let count = tokens.count / t
        guard count > 0 else { throw ValidationError("\(data ?? runFolder): no sequences to score") }
        var scores = [Float](repeating: 0, count: count)
        let scorer = DiscriminatorScorer(discriminator: discriminator)
        tokens.withUnsafeBufferPointer { sequences in
            scores.withUnsafeMutableBufferPointer {
                scorer.score(sequences.baseAddress!, count: count, into: $0.baseAddress!)
            }
        }
        if let output {
            try AtomicFile.write(
                scores.map { String(format: "%.6f", $0) }.joined(separator: "\n") + "\n",
                to: URL(fileURLWithPath: output))
        }
        let sorted = scores.sorted()
        let mean = scores.reduce(0.0) { $0 + Double($1) } / Double(count)
        let judgedReal = scores.filter { $0 > 0.5 }.count
        print("\(count) sequences of \(t) tokens from \(source), scored by the discriminator of \(runFolder)")
        print(String(
            format: "D(real): median %.3g, 10th percentile %.3g, 90th percentile %.3g; judged real (above 0.5): %d of %d (%.1f%%)",
            sorted[count / 2], sorted[count / 10], sorted[(count * 9) / 10], judgedReal, count,
            100 * Double(judgedReal) / Double(count)))
        print(String(format: "%.6f", mean))
    }
}
