import ArgumentParser
import Foundation
import SeqGAN
import SyntheticGeneration

/// `seqgan oracle`: the synthetic task's oracle language model.
struct OracleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oracle",
        abstract: "Sample from the synthetic oracle, or score sequences under it.",
        subcommands: [Sample.self, NLL.self])

    /// The oracle and the length of its sequences.
    struct Source: ParsableArguments {
        @OptionGroup var oracle: OracleOptions

        @Option(parsing: .unconditional, help: "Sequence length T.")
        var length: Int = 20

        func validate() throws { try require(length >= 1, "--length must be at least 1") }

        func load() throws -> Generator {
            try Generator.oracle(file: oracle.oracle.map { URL(fileURLWithPath: $0) }, seed: oracle.oracleSeed, sequenceLength: length)
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

        func validate() throws { try require(n > 0, "-n must be positive") }

        func run() throws {
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
            let oracle = try source.load()
            let (count, mean) = try oracle.meanNegativeLogLikelihood(ofFile: URL(fileURLWithPath: data))
            print("\(count) sequences of \(oracle.config.sequenceLength) tokens")
            print(String(format: "%.6f", mean))
        }
    }
}
