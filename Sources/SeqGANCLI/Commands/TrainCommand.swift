import ArgumentParser
import Foundation
import SeqGAN
import TensorCore

extension RunConfig.Preset: ExpressibleByArgument {}
extension RunConfig.RolloutPolicy: ExpressibleByArgument {}
extension PolicyGradientReduction: ExpressibleByArgument {}
extension PolicyGradientBaseline: ExpressibleByArgument {}

/// `seqgan train`: train a generator.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a SeqGAN generator.",
        discussion: """
            The synthetic task (the paper's Table 1): an oracle LSTM generates 10,000 training
            sequences; the generator is pre-trained on them by MLE for --epochs epochs, then
            trained for --rounds rounds by --mode: mle (more MLE epochs), ss (scheduled
            sampling), pgbleu (policy gradient with BLEU-3 rewards) or seqgan (policy gradient
            with the discriminator's Monte Carlo roll-out rewards; the discriminator is first
            pre-trained). --preset paper is the released code's schedule, --preset fast this
            project's quicker one. NLL-oracle is reported every --eval-every epochs or rounds.
            Everything lands in --out: config.json, train.txt, log.csv, checkpoint.safetensors
            (after every epoch, step and round), nll_oracle_per_sample.txt. A run that was
            stopped continues with --resume and ends with the same numbers.

              seqgan train --task synthetic --oracle ../shared/oracle/seqgan-oracle.safetensors \\
                  --mode mle --epochs 120 --out runs/mle
              seqgan train --task synthetic --oracle ../shared/oracle/seqgan-oracle.safetensors \\
                  --mode seqgan --preset fast --out runs/seqgan
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

    @Option(help: "What follows MLE pre-training: \(RunConfig.Mode.allCases.map(\.rawValue).joined(separator: ", ")).")
    var mode: String = "mle"

    @Option(help: "A named schedule: paper (120 epochs, D 50x3, 200 rounds of 1 g-step + 5x3 D epochs) or fast. Options given explicitly override it.")
    var preset: RunConfig.Preset?

    @Option(help: "Epochs of MLE pre-training (default 120).")
    var epochs: Int?

    @Option(help: "Rounds after pre-training: adversarial rounds, or MLE/SS epochs (default 0; paper preset 200).")
    var rounds: Int?

    @Option(help: "Discriminator pre-training: this many times {fresh negatives; --d-epochs epochs}.")
    var dPretrainSteps: Int?

    @Option(help: "Epochs over real + fake each time the discriminator is trained (k).")
    var dEpochs: Int?

    @Option(help: "Generator updates per adversarial round.")
    var gSteps: Int?

    @Option(help: "Discriminator updates per adversarial round, each on fresh negatives.")
    var dSteps: Int?

    @Option(help: "Monte Carlo completions per prefix (N).")
    var rollouts: Int?

    @Option(help: "Roll-out policy: same (G_beta = G_theta after each round, the paper) or ema.")
    var rollout: RunConfig.RolloutPolicy = .same

    @Option(help: "With --rollout ema: beta <- rate * beta + (1 - rate) * theta after each round.")
    var rolloutRate: Float = 0.8

    @Option(help: "Policy-gradient loss: sum over batch and time (the released code) or mean.")
    var pgLoss: PolicyGradientReduction = .sum

    @Option(help: "Baseline subtracted from the rewards: none (the released code) or mean (batch mean at each step).")
    var baseline: PolicyGradientBaseline = .none

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
        guard RunConfig.Mode(rawValue: mode) != nil else {
            throw ValidationError("unknown --mode \(mode); expected one of: \(RunConfig.Mode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard (epochs ?? 0) >= 0, (rounds ?? 0) >= 0 else {
            throw ValidationError("--epochs and --rounds must not be negative")
        }
        for (name, value) in [("--d-pretrain-steps", dPretrainSteps), ("--d-epochs", dEpochs), ("--g-steps", gSteps), ("--d-steps", dSteps), ("--rollouts", rollouts)] {
            if let value, value < (name == "--d-pretrain-steps" || name == "--d-steps" ? 0 : 1) {
                throw ValidationError("\(name) is too small: \(value)")
            }
        }
        guard evalEvery > 0, evalSamples > 0, trainSize > 0, batchSize > 0 else {
            throw ValidationError("--eval-every, --eval-samples, --train-size and --batch-size must be positive")
        }
    }

    func run() throws {
        BLAS.threadCount = 1
        let directory = URL(fileURLWithPath: out)
        var config: RunConfig
        let checkpoint = directory.appendingPathComponent("checkpoint.safetensors")
        if resume && FileManager.default.fileExists(atPath: checkpoint.path) {
            config = try TrainingRun.savedConfig(in: directory)
            if let epochs { config.epochs = epochs }
            if let rounds { config.rounds = rounds }
        } else {
            config = RunConfig()
            if let preset { config.apply(preset) }
            config.mode = RunConfig.Mode(rawValue: mode)!
            config.seed = seed
            if let epochs { config.epochs = epochs }
            if let rounds { config.rounds = rounds }
            if let dPretrainSteps { config.discriminatorPretrainSteps = dPretrainSteps }
            if let dEpochs { config.discriminatorEpochs = dEpochs }
            if let gSteps { config.generatorSteps = gSteps }
            if let dSteps { config.discriminatorSteps = dSteps }
            if let rollouts { config.rolloutsPerPrefix = rollouts }
            config.rollout = rollout
            config.rolloutRate = rolloutRate
            config.pgLoss = pgLoss
            config.baseline = baseline
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
            print(String(format: "final NLL-oracle %.4f after %@ %d (%.1f s); log: %@", nll, last.phase, last.epoch, last.seconds, experiment.directory.appendingPathComponent("log.csv").path))
        }
    }
}
