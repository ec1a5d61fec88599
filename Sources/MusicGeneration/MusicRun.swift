import Foundation
import MIDI
import MusicEncoding
import NeuralNetwork
import RunFiles
import SeqGAN

/// A music training run: the tunes under some files and folders, tokenized, split by tune,
/// and trained as a ``CorpusExperiment`` on their token windows.
///
/// Besides what every run folder holds (`config.json`, `checkpoint.safetensors`, `log.csv`,
/// ...), a music run folder holds `tokenizer.json` (the ``TokenizerSettings`` that decode
/// its samples), `sources.json` (the inputs and split seed, so `--resume` rebuilds the same
/// corpus) and `skipped.txt` (every file or tune left out, with its reason).
public final class MusicRun {
    /// Where the tunes come from and how they are split; saved as `sources.json`.
    public struct Sources: Codable, Sendable, Equatable {
        /// Files and folders, as absolute paths.
        public var inputs: [String]
        /// Seed of the tune-level split (10% test, 10% validation) when there are no split lists.
        public var splitSeed: UInt64
        /// Whether files with any irregularity are skipped rather than repaired.
        public var strict: Bool
        /// A folder with `train.txt`, `valid.txt` and `test.txt` naming each split's files
        /// (as the Nottingham `splits/` folder does); when set it replaces the seeded split.
        public var splitLists: String?

        /// Creates sources; relative paths are made absolute.
        public init(inputs: [String], splitSeed: UInt64, strict: Bool = false, splitLists: String? = nil) {
            self.inputs = inputs.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
            self.splitSeed = splitSeed
            self.strict = strict
            self.splitLists = splitLists.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        }

        /// How tunes are assigned to train, validation and test.
        public var splitPolicy: CorpusSplitPolicy {
            if let splitLists { return .lists(URL(fileURLWithPath: splitLists)) }
            return .seeded(seed: splitSeed)
        }

        /// The `splits/` folder beside or inside the single input folder, when it holds
        /// `train.txt`, `valid.txt` and `test.txt` (the layout of the Nottingham download).
        public static func detectedSplitLists(for inputs: [String]) -> String? {
            guard inputs.count == 1 else { return nil }
            let input = URL(fileURLWithPath: inputs[0]).standardizedFileURL
            for candidate in [input.appendingPathComponent("splits"), input.deletingLastPathComponent().appendingPathComponent("splits")] {
                let complete = ["train.txt", "valid.txt", "test.txt"].allSatisfy {
                    FileManager.default.fileExists(atPath: candidate.appendingPathComponent($0).path)
                }
                if complete { return candidate.path }
            }
            return nil
        }
    }

    /// The tunes, split, with the files that were skipped.
    public let corpus: MusicCorpus
    /// Where the tunes come from.
    public let sources: Sources
    /// The experiment that trains on the corpus's windows.
    public let experiment: CorpusExperiment
    /// Settings changed to fit the corpus (for example a batch larger than the training set),
    /// one line each, to show the user.
    public let adjustments: [String]

    /// Reads and tokenizes every tune (skipping unreadable files), splits them by tune and
    /// prepares the experiment. Nothing is written yet.
    ///
    /// - Parameters:
    ///   - sources: The inputs and split seed.
    ///   - settings: How tunes become tokens; `config.generator` must match its vocabulary
    ///     and window length (``RunConfig/music(settings:)`` does).
    ///   - config: The run's settings.
    ///   - directory: The run folder.
    /// - Throws: ``CorpusBuilder/BuildError`` for a missing input,
    ///   ``MusicRunError/tooFewTunes(found:skipped:skippedList:)`` when fewer than 3 tunes are
    ///   readable (after writing `skipped.txt` in `directory` all the same, so that the reasons
    ///   are kept), ``RunError`` for settings that do not fit.
    ///   - fitsEpochsToCorpus: Whole tunes: raise the MLE epochs so that pre-training makes at
    ///     least ``minimumPretrainingUpdates`` updates (a folder of 20 tunes is one batch an
    ///     epoch); for runs whose epochs the user did not choose.
    public init(
        sources: Sources, settings: TokenizerSettings, config: RunConfig, directory: URL,
        fitsEpochsToCorpus: Bool = false
    ) throws {
        var corpus = try CorpusBuilder.build(
            inputs: sources.inputs.map { URL(fileURLWithPath: $0) }, settings: settings,
            split: sources.splitPolicy, readOptions: MIDIReadOptions(strict: sources.strict))
        corpus.leaveOutTrainingTunesLongerThanRows()
        guard !corpus.test.isEmpty, !corpus.train.isEmpty else {
            throw MusicRunError.tooFewTunes(
                found: corpus.allTunes.count, skipped: corpus.skipped,
                skippedList: Self.writeSkippedList(corpus.skipped, in: directory))
        }
        let (trainRows, validationRows, testRows) = (corpus.rows(.train), corpus.rows(.validation), corpus.rows(.test))
        guard !testRows.isEmpty else {
            throw MusicRunError.testTunesTooLong(count: corpus.test.count, rowLength: settings.windowLength)
        }
        var config = config
        var adjustments: [String] = []
        let trainCount = trainRows.count
        if trainCount < config.optimizer.batchSize {
            adjustments.append("batch size \(config.optimizer.batchSize) lowered to \(trainCount), the number of training \(settings.scheme == .tune ? "tunes" : "windows")")
            config.optimizer.batchSize = trainCount
            config.discriminator.batchSize = min(config.discriminator.batchSize, trainCount)
        }
        let batches = max(1, trainCount / config.optimizer.batchSize)
        let epochs = (Self.minimumPretrainingUpdates + batches - 1) / batches
        if fitsEpochsToCorpus, settings.scheme == .tune, epochs > config.schedule.epochs {
            adjustments.append(
                "MLE epochs raised from \(config.schedule.epochs) to \(epochs): \(trainCount) training tunes make \(batches) batch\(batches == 1 ? "" : "es") an epoch")
            config.schedule.epochs = epochs
        }
        // The discriminator is judged on as many fakes as there are held-out real windows, so
        // that its accuracy is not dominated by one class.
        let heldOut = validationRows.isEmpty ? testRows.count : validationRows.count
        config.evaluation.discriminatorSamples = min(config.evaluation.discriminatorSamples, heldOut)
        self.corpus = corpus
        self.sources = sources
        self.adjustments = adjustments
        experiment = try CorpusExperiment(
            config: config, directory: directory, train: trainRows, validation: validationRows, test: testRows,
            conditioning: settings.scheme == .tune ? .tunes(MusicTokenizer(settings: settings).tuneScheme) : nil)
    }

    /// The fewest MLE updates a whole-tune run's default schedule makes (see
    /// `fitsEpochsToCorpus`): on the 21 training tunes of the bundled folk set the held-out
    /// NLL is lowest after 50 to 100.
    public static let minimumPretrainingUpdates = 100

    /// The tokenizer settings saved in a run folder.
    ///
    /// - Throws: ``MusicRunError/unreadableRunFile(path:reason:)``.
    public static func savedSettings(in directory: URL) throws -> TokenizerSettings {
        try decode(TokenizerSettings.self, from: RunFolder(directory).url(of: .tokenizer))
    }

    /// The sources saved in a run folder.
    ///
    /// - Throws: ``MusicRunError/unreadableRunFile(path:reason:)``.
    public static func savedSources(in directory: URL) throws -> Sources {
        try decode(Sources.self, from: RunFolder(directory).url(of: .sources))
    }

    /// Writes `tokenizer.json`, `sources.json` and `skipped.txt`, then runs the whole schedule
    /// (continuing from the last checkpoint when `resume` is set).
    ///
    /// - Returns: The log.
    /// - Throws: ``RunError/alreadyExists(path:)`` when the folder holds a run and `resume` is
    ///   not set (nothing is overwritten); ``RunFolderError`` when another process trains in
    ///   the folder, its files are not a music run's, or the tokenizer differs from the one the
    ///   run was started with; I/O and training errors.
    @discardableResult
    public func run(resume: Bool, observer: TrainingObserver? = nil) throws -> [RunLogRow] {
        let folder = RunFolder(experiment.directory)
        let lock = try folder.lockForTraining(
            .music, resume: resume, settings: RunFolder.TaskSettings(corpus.settings, file: .tokenizer))
        defer { withExtendedLifetime(lock) {} }
        try folder.writeJSON(corpus.settings, to: .tokenizer)
        try folder.writeJSON(sources, to: .sources)
        try folder.write(Self.skippedListText(corpus.skipped), to: .skipped)
        return try experiment.run(resume: resume, observer: observer)
    }

    /// The text of `skipped.txt`: one `path: reason` line per skipped file or tune.
    static func skippedListText(_ skipped: [MusicCorpus.SkippedFile]) -> String {
        skipped.map { "\($0)\n" }.joined()
    }

    /// Writes `skipped.txt` into `directory` (creating the folder) for a corpus too small to
    /// train on, unless the folder already holds a run (nothing of a run is overwritten).
    ///
    /// - Returns: The file's path, or `nil` when it was not written.
    static func writeSkippedList(_ skipped: [MusicCorpus.SkippedFile], in directory: URL) -> String? {
        let manager = FileManager.default
        guard !manager.fileExists(atPath: RunFolder(directory).url(of: .checkpoint).path) else { return nil }
        let url = RunFolder(directory).url(of: .skipped)
        do {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true)
            try AtomicFile.write(skippedListText(skipped), to: url)
        } catch {
            return nil
        }
        return url.path
    }

    /// Rebuilds the tunes of a run folder, split as in training, from its saved sources and
    /// tokenizer settings (the input files must still be where they were).
    ///
    /// - Throws: ``MusicRunError/unreadableRunFile(path:reason:)`` for missing run files,
    ///   ``CorpusBuilder/BuildError`` naming an input that is gone, and
    ///   ``MusicRunError/tooFewTunes(found:skipped:skippedList:)`` when no test tune is left.
    public static func savedCorpus(in directory: URL) throws -> MusicCorpus {
        let sources = try savedSources(in: directory)
        let corpus = try CorpusBuilder.build(
            inputs: sources.inputs.map { URL(fileURLWithPath: $0) }, settings: try savedSettings(in: directory),
            split: sources.splitPolicy, readOptions: MIDIReadOptions(strict: sources.strict))
        guard !corpus.test.isEmpty else {
            throw MusicRunError.tooFewTunes(found: corpus.allTunes.count, skipped: corpus.skipped, skippedList: nil)
        }
        return corpus
    }

    static func decode<T: Decodable>(_ type: T.Type, from url: URL) throws -> T {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw MusicRunError.unreadableRunFile(path: url.path, reason: "cannot read: \(error.localizedDescription)")
        }
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw MusicRunError.unreadableRunFile(path: url.path, reason: "not valid run settings: \(error)")
        }
    }
}
