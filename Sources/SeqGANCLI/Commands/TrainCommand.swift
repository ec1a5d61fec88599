import ArgumentParser
import Audio
import MusicEncoding
import SeqGAN
import Training

/// `seqgan train`: train a generator.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a SeqGAN generator on a folder of MIDI tunes, or on the synthetic oracle.",
        discussion: """
            Music (--task music, chosen for .mid, .midi or .abc inputs): every tune under the \
            folders is read (unreadable files are listed and skipped), tokenized by --scheme \
            (whole tunes by default), split by tune into train / validation / test (a splits/ \
            folder's lists, else 80/10/10 by --seed); the generator is pre-trained by MLE, then \
            trained by SeqGAN (--preset and the schedule options change the schedule). The run \
            folder (--out, default runs/<folder>) also holds tokenizer.json, sources.json and \
            skipped.txt; `seqgan generate RUN` makes tunes.
              seqgan train corpora/folk --out runs/folk
              seqgan train ~/midi/nottingham/melody --scheme paper --out runs/paper

            Text (--task text, chosen for .txt files): one sequence per line (--format wrapped \
            splits running text into sentences), tokenized by --tokens, ended by an end token \
            and padded to --length T; loss, rewards and discriminator ignore what follows the \
            end token. Test data is --test FILE or a seeded 10% of the lines; vocabulary.json \
            and text.json are saved. Same defaults as music. See docs/text.md.
              seqgan train quatrains5_train.txt --test quatrains5_test.txt --out runs/poems
              seqgan train obama.txt --tokens word --format wrapped --out runs/obama

            Synthetic (the paper's Table 1): an oracle LSTM generates --train-size sequences; \
            the generator is pre-trained on them by MLE for --epochs, then trained for --rounds \
            by --mode (seqgan pre-trains the discriminator first); --preset paper is the released \
            code's schedule. NLL-oracle is logged every --eval-every epochs or rounds. --out receives \
            config.json, train.txt, log.csv, checkpoint.safetensors (after every epoch, step and \
            round) and nll_oracle_per_sample.txt. A stopped run continues with --resume and ends \
            with the same numbers.
              seqgan train --task synthetic --oracle seqgan-oracle.safetensors \\
                  --mode seqgan --preset fast --out runs/seqgan
            """)

    @Argument(help: ArgumentHelp("MIDI (.mid, .midi) or ABC (.abc) files, or folders searched recursively (music task); or text files (.txt, text task).", valueName: "folder-or-files"))
    var inputs: [String] = []

    @Option(help: "What to train on (default: text for .txt files or an --out holding a text run, music for other FOLDER_OR_FILES or an --out holding a music run, else synthetic).")
    var task: TrainRequest.Task?

    @Option(help: "Music: token scheme (default: tune).")
    var scheme: TokenScheme = .tune

    @Option(parsing: .unconditional, help: "Music: tokens per training sequence, T (default 512 for tune: the most tokens of a training tune, longer ones are skipped; 64 for grid, 32 for paper).")
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

    @OptionGroup var oracle: OracleOptions

    @Option(help: "What follows MLE pre-training (default: mle for synthetic, seqgan for music and text).")
    var mode: RunConfig.Mode?

    @Option(help: "A named schedule; options given explicitly override it.")
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

    @Option(parsing: .unconditional, help: "Teacher-forced (MLE) updates per adversarial round, each on a random batch of training sequences at the policy-gradient learning rate (default 0, the paper; 2 for whole tunes).")
    var mleSteps: Int?

    @Option(parsing: .unconditional, help: "Monte Carlo completions per prefix (N).")
    var rollouts: Int?

    @Option(help: "Roll-out policy.")
    var rollout: RunConfig.RolloutPolicy = .same

    @Option(parsing: .unconditional, help: "With --rollout ema: beta <- rate * beta + (1 - rate) * theta after each round.")
    var rolloutRate: Float = 0.8

    @Option(help: "Policy-gradient loss.")
    var pgLoss: PolicyGradientReduction = .sum

    @Option(help: "Baseline subtracted from the rewards.")
    var baseline: PolicyGradientBaseline = .none

    @Option(parsing: .unconditional, help: "Temperature of the policy the adversarial rounds train: their samples, roll-outs and the discriminator's negatives are drawn at it (default 1, the paper; 0.7 for whole tunes, the temperature they are sampled at).")
    var policyTemperature: Float?

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

    @Option(parsing: .unconditional, help: "Generator: token embedding size E (default 32; 64 for whole tunes).")
    var embeddingSize: Int?

    @Option(parsing: .unconditional, help: "Generator: LSTM units per layer H (default 32 synthetic, text and paper-scheme music, 64 grid music, 128 whole tunes).")
    var hiddenSize: Int?

    @Option(parsing: .unconditional, help: "Generator: stacked LSTM layers (default 1; 2 for whole tunes).")
    var layers: Int?

    @Option(parsing: .unconditional, help: "Generator: dropout between LSTM layers in training, 0 to below 1 (default 0; 0.3 for whole tunes).")
    var dropout: Float?

    @Option(parsing: .unconditional, help: "Adam learning rate.")
    var learningRate: Float = 0.01

    @Option(parsing: .unconditional, help: "Adam learning rate of the policy-gradient updates (default: --learning-rate for synthetic, 0.001 for music, 0.005 for text).")
    var pgLearningRate: Float?

    func validate() throws {
        try asValidationError { try request.validate() }
    }

    func run() throws {
        // Ctrl-C stops at the next checkpoint instead of killing the run.
        InterruptSignal.install()
        guard try request.prepare().train(observer: TrainingConsole()) else { throw ExitCode(130) }
    }

    /// The options as a library request.
    var request: TrainRequest {
        TrainRequest(
            task: task, inputs: inputs, out: out, resume: resume, initFrom: initFrom, oracle: oracle.oracle,
            oracleSeed: oracle.oracleSeed, trainSize: trainSize,
            music: .init(
                scheme: scheme, window: window, stride: stride, track: track, splits: splits, noSplits: noSplits,
                strict: strict),
            text: .init(
                tokens: text.tokens, length: text.length, windows: text.windows, stride: stride,
                minimumCount: text.minCount, test: text.test, format: text.format),
            overrides: .init(
                preset: preset, mode: mode, seed: seed, epochs: epochs, rounds: rounds,
                discriminatorPretrainSteps: dPretrainSteps, discriminatorEpochs: dEpochs, generatorSteps: gSteps,
                discriminatorSteps: dSteps, mleSteps: mleSteps, rolloutsPerPrefix: rollouts, rollout: rollout, rolloutRate: rolloutRate,
                pgLoss: pgLoss, baseline: baseline, policyTemperature: policyTemperature, evaluateEvery: evalEvery, evaluationSamples: evalSamples,
                batchSize: batchSize, learningRate: learningRate, policyGradientLearningRate: pgLearningRate,
                embeddingSize: embeddingSize, hiddenSize: hiddenSize, layers: layers, dropout: dropout))
    }
}
