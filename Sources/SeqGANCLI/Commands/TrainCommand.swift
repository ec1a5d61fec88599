import ArgumentParser
import Foundation
import SeqGAN
import TensorCore

/// `seqgan train`: train a generator.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a SeqGAN generator.",
        discussion: """
            The synthetic task (the paper's Table 1): an oracle LSTM generates 10,000 training
            sequences; the generator is trained on them by MLE; NLL-oracle is reported every
            --eval-every epochs. Everything lands in --out: config.json, train.txt, log.csv,
            checkpoint.safetensors (after every epoch), nll_oracle_per_sample.txt.
            A run that was stopped continues with --resume and ends with the same numbers.

              seqgan train --task synthetic --oracle ../shared/oracle/seqgan-oracle.safetensors \\
                  --mode mle --epochs 120 --out runs/mle
            """)

    enum Task: String, ExpressibleByArgument, CaseIterable {
        case synthetic
    }

    @Option(help: "What to train on: \(Task.allCases.map(\.rawValue).joined(separator: ", ")).")
    var task: Task = .synthetic

    @Option(help: "The oracle as safetensors. Without it, a fresh N(0,1) oracle is drawn from --oracle-seed.")
    var oracle: String?

    @Option(help: "Seed of the fresh oracle when --oracle is not given.")
    var oracleSeed: UInt64 = 88

    @Option(help: "Training mode: \(SyntheticRunConfig.Mode.allCases.map(\.rawValue).joined(separator: ", ")).")
    var mode: String = "mle"

    @Option(help: "Epochs of MLE training.")
    var epochs: Int = 120

    @Option(help: "The run folder to create (or continue with --resume).")
    var out: String

    @Option(help: "Seed of every random choice (data, initialisation, order, samples).")
    var seed: UInt64 = 1

    @Flag(help: "Continue the run in --out from its last checkpoint (its saved settings are used; --epochs may extend it).")
    var resume = false

    @Option(help: "Evaluate NLL-oracle every this many epochs.")
    var evalEvery: Int = 5

    @Option(help: "Generator samples per NLL-oracle evaluation.")
    var evalSamples: Int = 10_000

    @Option(help: "Oracle samples in the training set.")
    var trainSize: Int = 10_000

    @Option(help: "Sequences per update.")
    var batchSize: Int = 64

    @Option(help: "Adam learning rate.")
    var learningRate: Float = 0.01

    func validate() throws {
        guard SyntheticRunConfig.Mode(rawValue: mode) != nil else {
            throw ValidationError("unknown --mode \(mode); expected one of: \(SyntheticRunConfig.Mode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard epochs >= 0 else { throw ValidationError("--epochs must not be negative") }
        guard evalEvery > 0, evalSamples > 0, trainSize > 0, batchSize > 0 else {
            throw ValidationError("--eval-every, --eval-samples, --train-size and --batch-size must be positive")
        }
    }

    func run() throws {
        BLAS.threadCount = 1
        let directory = URL(fileURLWithPath: out)
        var config: SyntheticRunConfig
        let checkpoint = directory.appendingPathComponent("checkpoint.safetensors")
        if resume && FileManager.default.fileExists(atPath: checkpoint.path) {
            config = try SyntheticExperiment.savedConfig(in: directory)
            config.epochs = epochs
        } else {
            config = SyntheticRunConfig()
            config.mode = SyntheticRunConfig.Mode(rawValue: mode)!
            config.seed = seed
            config.epochs = epochs
            config.evaluateEvery = evalEvery
            config.evaluationSamples = evalSamples
            config.trainingSequences = trainSize
            config.optimizer.batchSize = batchSize
            config.optimizer.learningRate = learningRate
            config.oraclePath = oracle
            config.oracleSeed = oracleSeed
        }
        let experiment = try SyntheticExperiment(config: config, directory: directory)
        let rows = try experiment.run(resume: resume, observer: ProgressBar())
        if let last = rows.last(where: { $0.nllOracle != nil }), let nll = last.nllOracle {
            print(String(format: "final NLL-oracle %.4f after %d epochs (%.1f s); log: %@", nll, last.epoch, last.seconds, experiment.directory.appendingPathComponent("log.csv").path))
        }
    }
}
