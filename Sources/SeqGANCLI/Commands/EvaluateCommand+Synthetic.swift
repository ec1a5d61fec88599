import ArgumentParser
import Foundation
import Randomness
import SeqGAN

extension EvaluateCommand {
    /// `seqgan evaluate RUN` for a synthetic run: NLL-oracle of `--samples` fresh samples (at
    /// each `--sweep` temperature), with how many of them are distinct, which shows a
    /// collapsed generator that NLL-oracle alone rewards.
    func runSynthetic(_ directory: URL) throws {
        guard references == nil, metric == .all, order == nil, !json else {
            throw ValidationError("a synthetic run is scored by its oracle: --references, --metric, -n and --json do not apply")
        }
        let config = try TrainingRun.savedConfig(in: directory)
        let oracle = try SyntheticExperiment(config: config, directory: directory).oracle
        let generator = try TrainingRun.trainedGenerator(in: directory)
        let workspace = Generator.Workspace(batchSize: 64, generator: oracle)
        let t = config.generator.sequenceLength
        print("\(directory.path): \(samples) samples per temperature (seed \(seed)), scored by the run's oracle")
        for value in sweep == nil ? [temperature] : sweepTemperatures ?? [] {
            var random = SplitMix64(seed: seed)
            let tokens = generator.sample(count: samples, temperature: value, using: &random)
            let nll = tokens.withUnsafeBufferPointer {
                oracle.negativeLogLikelihoods(of: $0.baseAddress!, count: samples, workspace: workspace)
            }
            let mean = nll.reduce(0.0) { $0 + Double($1) } / Double(samples)
            let distinct = Set(stride(from: 0, to: tokens.count, by: t).map { tokens[$0..<($0 + t)] }).count
            print(String(format: "temperature %.2f: NLL-oracle %.4f, distinct sequences %d of %d", value, mean, distinct, samples))
        }
    }
}
