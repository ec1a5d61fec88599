import Foundation
import SeqGAN
import TensorCore

/// NLL-oracle of a synthetic run's fresh samples, with how many of them are distinct: a
/// collapsed generator, which writes the same few sequences, scores well on NLL-oracle alone.
public struct SyntheticEvaluation: Sendable {
    /// The scores of the samples drawn at one temperature.
    public struct Row: Sendable, Equatable {
        /// The sampling temperature.
        public var temperature: Float
        /// Mean per-token NLL of the samples under the run's oracle.
        public var nllOracle: Double
        /// Sequences that differ from every other one.
        public var distinct: Int
    }

    /// Samples per temperature.
    public let sampleCount: Int
    /// Seed of the sampling (the same at every temperature).
    public let seed: UInt64
    /// One row per temperature, in the order asked.
    public let rows: [Row]

    /// Draws `sampleCount` samples from the run's generator at each temperature and scores them
    /// under the run's oracle (rebuilt from its settings, or read from its oracle file).
    ///
    /// - Throws: ``RunError`` for a folder without a run; `SafeTensorsError` for an oracle
    ///   file or checkpoint that does not fit.
    public init(run directory: URL, sampleCount: Int, temperatures: [Float], seed: UInt64) throws {
        let config = try TrainingRun.savedConfig(in: directory)
        let oracle = try SyntheticExperiment(config: config, directory: directory).oracle
        let generator = try TrainingRun.trainedGenerator(in: directory)
        let workspace = Generator.Workspace(batchSize: 64, generator: oracle)
        let t = config.generator.sequenceLength
        rows = temperatures.map { temperature in
            var random = SplitMix64(seed: seed)
            let tokens = generator.sample(count: sampleCount, temperature: temperature, using: &random)
            let nll = tokens.withUnsafeBufferPointer {
                oracle.negativeLogLikelihoods(of: $0.baseAddress!, count: sampleCount, workspace: workspace)
            }
            let mean = nll.reduce(0.0) { $0 + Double($1) } / Double(sampleCount)
            let distinct = Set(stride(from: 0, to: tokens.count, by: t).map { tokens[$0..<($0 + t)] }).count
            return Row(temperature: temperature, nllOracle: mean, distinct: distinct)
        }
        self.sampleCount = sampleCount
        self.seed = seed
    }
}
