import ArgumentParser
import Audio
import Foundation
import MusicEncoding
import SeqGAN
import TensorCore
import Training

extension RunConfig.Preset: ExpressibleByArgument {}
extension RunConfig.Mode: ExpressibleByArgument {}
extension TrainRequest.Task: ExpressibleByArgument {}
extension RunConfig.RolloutPolicy: ExpressibleByArgument {}
extension PolicyGradientReduction: ExpressibleByArgument {}
extension PolicyGradientBaseline: ExpressibleByArgument {}

/// `seqgan train`: train a generator.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a SeqGAN generator on a folder of MIDI tunes, or on the synthetic oracle.",
        discussion: """
            Music (--task music, chosen automatically when FOLDER_OR_FILES holds .mid, .midi or \
            .abc files): every tune under the folders (recursively) is read; files that cannot \
            be read are listed with their reasons and skipped. Tunes are tokenized (--scheme \
            tune by default: whole tunes; grid or paper for 4-bar windows), split by tune \
            into train / validation / test (the lists of a splits/ folder when there is one, else 80/10/10 by --seed), cut into windows of --window \
            tokens, and the generator is pre-trained by MLE then trained by SeqGAN (defaults: \
            50 epochs, 10 D pre-training steps, 30 rounds; --preset and the schedule options \
            below override them). The run folder (--out, default runs/<folder>) also holds \
            tokenizer.json, sources.json and skipped.txt; `seqgan generate RUN` makes tunes.

              seqgan train corpora/folk --out runs/folk
              seqgan train ~/midi/nottingham/melody --scheme paper --out runs/paper

            Text (--task text, chosen automatically for .txt files): one sequence per line \
            (--format wrapped joins hard-wrapped running text and splits it into sentences), \
            tokenized by --tokens char|word; each sequence gets an end token and padding up to \
            --length T, and the loss, rewards and discriminator ignore everything after the end \
            token. Test data is --test FILE or a seeded 10% of the lines; the vocabulary \
            (--min-count) and settings are saved as vocabulary.json and text.json. Defaults: \
            50 MLE epochs, 10 D pre-training steps, 30 SeqGAN rounds. See docs/text.md.

              seqgan train quatrains5_train.txt --task text --tokens char \\
                  --test quatrains5_test.txt --out runs/poems
              seqgan train obama.txt --task text --tokens word --format wrapped --out runs/obama

            The synthetic task (the paper's Table 1): an oracle LSTM generates 10,000 training \
            sequences; the generator is pre-trained on them by MLE for --epochs epochs, then \
            trained for --rounds rounds by --mode: mle (more MLE epochs), ss (scheduled \
            sampling), pgbleu (policy gradient with BLEU-3 rewards) or seqgan (policy gradient \
            with the discriminator's Monte Carlo roll-out rewards; the discriminator is first \
            pre-trained). --preset paper is the released code's schedule, --preset fast this \
            project's quicker one. NLL-oracle is reported every --eval-every epochs or rounds. \
            Everything lands in --out: config.json, train.txt, log.csv, checkpoint.safetensors \
            (after every epoch, step and round), nll_oracle_per_sample.txt. A run that was \
            stopped continues with --resume and ends with the same numbers.

              seqgan train --task synthetic --oracle seqgan-oracle.safetensors \\
                  --mode mle --epochs 120 --out runs/mle
              seqgan train --task synthetic --oracle seqgan-oracle.safetensors \\
                  --mode seqgan --preset fast --out runs/seqgan

            seqgan-oracle.safetensors is the paper's oracle LSTM as safetensors; the README says \
            where to get it.
            """)

    typealias Task = TrainRequest.Task

    @Argument(help: ArgumentHelp("MIDI (.mid, .midi) or ABC (.abc) files, or folders searched recursively (music task); or text files (.txt, text task).", valueName: "folder-or-files"))
    var inputs: [String] = []

    @Option(help: "What to train on: \(Task.allCases.map(\.rawValue).joined(separator: ", ")) (default: text for .txt files or an --out holding a text run, music for other FOLDER_OR_FILES or an --out holding a music run, else synthetic).")
    var task: Task?

    @Option(help: "Music: token scheme: tune (whole tunes with their bars, repeats and ending, the default), grid (4-bar windows on a 16th-note grid) or paper (windows of the pitch every 0.4 s, as in the paper).")
    var scheme: TokenScheme = .tune

    @Option(parsing: .unconditional, help: "Music: tokens per training sequence, T (default 64 for grid, 32 for paper).")
    var window: Int?

    @Option(parsing: .unconditional, help: "Music, and text with --windows: tokens between the starts of consecutive windows (default half the window).")
    var stride: Int?

    @Option(parsing: .unconditional, help: "Music: the melody track index (default: chosen automatically).")
    var track: Int?

    @Option(help: "Music: a folder with train.txt, valid.txt and test.txt listing each split's files (default: a splits/ folder inside or beside the input folder, else a seeded 80/10/10 split by tune).")
    var splits: String?

    @Flag(help: "Music: ignore any splits/ folder and split the tunes by --seed.")
    var noSplits = false

    @Flag(help: "Music: skip MIDI files with any irregularity instead of repairing them.")
    var strict = false

    @OptionGroup(title: "Text options")
    var text: TextTrainingOptions

    @Option(help: "The oracle LSTM as safetensors (the paper's: see the README for where to get it). Without it, a fresh N(0,1) oracle is drawn from --oracle-seed.")
    var oracle: String?

    @Option(parsing: .unconditional, help: "Seed of the fresh oracle when --oracle is not given. (default: 88)", transform: parseSeed)
    var oracleSeed: UInt64 = 88

    @Option(help: "What follows MLE pre-training: \(RunConfig.Mode.allCases.map(\.rawValue).joined(separator: ", ")) (default: mle for synthetic, seqgan for music and text).")
    var mode: RunConfig.Mode?

    @Option(help: "A named schedule: paper (120 epochs, D 50x3, 200 rounds of 1 g-step + 5x3 D epochs; about 9 h on 2 cores) or fast (50 epochs, D 10x2, 20 rounds of 1 g-step + 1x2 D epochs; NLL-oracle 8.75 on the paper's oracle in 745 s on 2 cores). Options given explicitly override it.")
    var preset: RunConfig.Preset?

    @Option(parsing: .unconditional, help: "Epochs of MLE pre-training (default 120 synthetic, 50 music and text).")
    var epochs: Int?

    @Option(parsing: .unconditional, help: "Rounds after pre-training: adversarial rounds, or MLE/SS epochs (default 0 synthetic, 30 music and text; paper preset 200, fast preset 20).")
    var rounds: Int?

    @Option(parsing: .unconditional, help: "Discriminator pre-training: this many times {fresh negatives; --d-epochs epochs}.")
    var dPretrainSteps: Int?

    @Option(parsing: .unconditional, help: "Epochs over real + fake each time the discriminator is trained (k).")
    var dEpochs: Int?

    @Option(parsing: .unconditional, help: "Generator updates per adversarial round.")
    var gSteps: Int?

    @Option(parsing: .unconditional, help: "Discriminator updates per adversarial round, each on fresh negatives.")
    var dSteps: Int?

    @Option(parsing: .unconditional, help: "Monte Carlo completions per prefix (N).")
    var rollouts: Int?

    @Option(help: "Roll-out policy: same (G_beta = G_theta after each round, the paper) or ema.")
    var rollout: RunConfig.RolloutPolicy = .same

    @Option(parsing: .unconditional, help: "With --rollout ema: beta <- rate * beta + (1 - rate) * theta after each round.")
    var rolloutRate: Float = 0.8

    @Option(help: "Policy-gradient loss: sum over batch and time (the released code) or mean.")
    var pgLoss: PolicyGradientReduction = .sum

    @Option(help: "Baseline subtracted from the rewards: none (the released code) or mean (batch mean at each step).")
    var baseline: PolicyGradientBaseline = .none

    @Option(help: "The run folder to create (or continue with --resume); music and text default: runs/<name of the first input>.")
    var out: String?

    @Option(parsing: .unconditional, help: "Seed of every random choice (data, initialisation, order, samples) (default 1; with --init-from, the base run's).", transform: parseSeed)
    var seed: UInt64?

    @Option(help: ArgumentHelp("Start from the pre-trained generator of RUN, a run trained with --rounds 0, instead of pre-training again; its data, sizes, seed and epochs are kept, the schedule options given here apply to what follows.", valueName: "run"))
    var initFrom: String?

    @Flag(help: "Continue the run in --out from its last checkpoint (its saved settings are used; --epochs and --rounds may extend it).")
    var resume = false

    @Option(parsing: .unconditional, help: "Evaluate every this many epochs or rounds: NLL-oracle (synthetic), or NLL-test and BLEU on the test split (music, text) (default 5 synthetic, 10 music and text).")
    var evalEvery: Int?

    @Option(parsing: .unconditional, help: "Generator samples per evaluation (default 10000 synthetic, 256 music, 1000 text).")
    var evalSamples: Int?

    @Option(parsing: .unconditional, help: "Oracle samples in the training set.")
    var trainSize: Int = 10_000

    @Option(parsing: .unconditional, help: "Sequences per update (default 64 synthetic and text, 32 music).")
    var batchSize: Int?

    @Option(parsing: .unconditional, help: "Generator: token embedding size E (default 32).")
    var embeddingSize: Int?

    @Option(parsing: .unconditional, help: "Generator: LSTM units per layer H (default 32 synthetic and text and paper-scheme music, 64 grid music).")
    var hiddenSize: Int?

    @Option(parsing: .unconditional, help: "Generator: stacked LSTM layers (default 1).")
    var layers: Int?

    @Option(parsing: .unconditional, help: "Generator: dropout between LSTM layers in training, 0 to below 1 (default 0).")
    var dropout: Float?

    @Option(parsing: .unconditional, help: "Adam learning rate.")
    var learningRate: Float = 0.01

    @Option(parsing: .unconditional, help: "Adam learning rate of the policy-gradient updates (default: --learning-rate for synthetic, 0.001 for music, 0.005 for text).")
    var pgLearningRate: Float?

    func validate() throws {
        do { try request.validate() } catch { throw ValidationError(error.description) }
    }

    func run() throws {
        BLAS.threadCount = 1
        // Ctrl-C stops at the next checkpoint instead of killing the run.
        InterruptSignal.install()
        let prepared = try request.prepare()
        do {
            prepared.summaryLines.forEach { print($0) }
            fflush(nil)
            let rows = try prepared.run(observer: ProgressBar())
            prepared.finishedLines(rows: rows).forEach { print($0) }
        } catch let stop as TrainingInterrupted {
            print("interrupted: \(stop.directory) is saved after \(stop.phase) \(stop.done); continue with:")
            print("  seqgan train --resume --out \(stop.directory)")
            throw ExitCode(130)
        }
    }

    /// The options as a library request.
    var request: TrainRequest {
        TrainRequest(
            task: task, inputs: inputs, out: out, resume: resume, initFrom: initFrom, oracle: oracle,
            oracleSeed: oracleSeed, trainSize: trainSize,
            music: .init(
                scheme: scheme, window: window, stride: stride, track: track, splits: splits, noSplits: noSplits,
                strict: strict),
            text: .init(
                tokens: text.tokens, length: text.length, windows: text.windows, stride: stride,
                minimumCount: text.minCount, test: text.test, format: text.format),
            overrides: .init(
                preset: preset, mode: mode, seed: seed, epochs: epochs, rounds: rounds,
                discriminatorPretrainSteps: dPretrainSteps, discriminatorEpochs: dEpochs, generatorSteps: gSteps,
                discriminatorSteps: dSteps, rolloutsPerPrefix: rollouts, rollout: rollout, rolloutRate: rolloutRate,
                pgLoss: pgLoss, baseline: baseline, evaluateEvery: evalEvery, evaluationSamples: evalSamples,
                batchSize: batchSize, learningRate: learningRate, policyGradientLearningRate: pgLearningRate,
                embeddingSize: embeddingSize, hiddenSize: hiddenSize, layers: layers, dropout: dropout))
    }
}
