import ArgumentParser
import Foundation
import SeqGAN
import TensorCore

/// `seqgan oracle`: the synthetic task's oracle language model.
struct OracleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oracle",
        abstract: "Sample from the synthetic oracle, or score sequences under it.",
        subcommands: [Sample.self, NLL.self])

    /// Where the oracle comes from: a file, or a fresh N(0, 1) draw from a seed.
    struct Source: ParsableArguments {
        @Option(help: "The oracle LSTM as safetensors (the paper's: see the README for where to get it). Without it, a fresh N(0,1) oracle is drawn from --oracle-seed.")
        var oracle: String?

        @Option(parsing: .unconditional, help: "Seed of the fresh oracle drawn when --oracle is not given. (default: 88)", transform: parseSeed)
        var oracleSeed: UInt64 = 88

        @Option(parsing: .unconditional, help: "Sequence length T.")
        var length: Int = 20

        func validate() throws {
            guard length >= 1 else { throw ValidationError("--length must be at least 1") }
        }

        func load() throws -> Generator {
            if let oracle {
                return try Generator(oracleAt: URL(fileURLWithPath: oracle), sequenceLength: length)
            }
            return Generator.randomOracle(seed: oracleSeed, sequenceLength: length)
        }
    }

    struct Sample: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write oracle samples: one sequence of space-separated token ids per line.")

        @OptionGroup var source: Source

        @Option(name: .short, parsing: .unconditional, help: "Number of sequences.")
        var n: Int = 10_000

        @Option(parsing: .unconditional, help: "Random seed of the sampling. (default: 1)", transform: parseSeed)
        var seed: UInt64 = 1

        @Option(name: .short, help: "Output file.")
        var output: String

        func validate() throws {
            guard n > 0 else { throw ValidationError("-n must be positive") }
        }

        func run() throws {
            BLAS.threadCount = 1
            let oracle = try source.load()
            try oracle.writeSamples(count: n, seed: seed, to: URL(fileURLWithPath: output))
            print("wrote \(n) sequences of \(oracle.config.sequenceLength) tokens to \(output)")
        }
    }

    struct NLL: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "nll",
            abstract: "Per-token mean negative log-likelihood (nats) of sequences under the oracle; the number alone on the last line.")

        @OptionGroup var source: Source

        @Option(help: "Token sequences, one per line.")
        var data: String

        func run() throws {
            BLAS.threadCount = 1
            let oracle = try source.load()
            let (count, mean) = try oracle.meanNegativeLogLikelihood(ofFile: URL(fileURLWithPath: data))
            print("\(count) sequences of \(oracle.config.sequenceLength) tokens")
            print(String(format: "%.6f", mean))
        }
    }
}
