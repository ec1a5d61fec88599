import Foundation
import NeuralNetwork
import RunFiles
import SeqGAN
import TextEncoding

/// A text training run: the lines (or sentences) of some text files, tokenized, split, encoded
/// with a vocabulary into rows of `T` ids ending with `<end>` and padding, and trained as a
/// ``CorpusExperiment`` whose generator masks everything after the end token.
///
/// Besides what every run folder holds (`config.json`, `checkpoint.safetensors`, `log.csv`,
/// ...), a text run folder holds `text.json` (the ``TextSettings``: tokens, `T`, windows,
/// minimum count, inputs, test file, split seed) and `vocabulary.json` (the ``Vocabulary``
/// built from the training split), from which `--resume`, `seqgan generate` and
/// `seqgan evaluate` rebuild everything.
public final class TextRun {
    /// The settings, with `length` resolved.
    public let settings: TextSettings
    /// The sequences, split.
    public let corpus: TextCorpus
    /// The map between tokens and ids.
    public let vocabulary: Vocabulary
    /// The encoded rows of each split.
    public let train: PaddedSequences, validation: PaddedSequences, test: PaddedSequences
    /// The experiment that trains on the rows.
    public let experiment: CorpusExperiment
    /// Settings changed to fit the corpus, one line each, to show the user.
    public let adjustments: [String]

    /// Reads, splits and encodes the corpus and prepares the experiment. Nothing is written yet.
    ///
    /// - Parameters:
    ///   - settings: How to read the corpus; a `nil` length becomes ``TextCorpus/defaultLength(_:)``
    ///     of the training split.
    ///   - directory: The run folder.
    ///   - vocabulary: The saved vocabulary when resuming; `nil` builds one from the training
    ///     split with `settings.minimumCount`.
    ///   - config: The run's settings for a vocabulary size and `T` (a saved config when
    ///     resuming, else ``RunConfig/text(vocabularySize:length:tokens:)`` with the options).
    /// - Throws: `TextFileError` for unreadable or empty files, ``TextRunError`` for too few
    ///   sequences or a sequence of unknown tokens only, ``RunError`` for settings that do not fit.
    public init(
        settings: TextSettings, directory: URL, vocabulary: Vocabulary? = nil,
        config: (_ vocabularySize: Int, _ length: Int) -> RunConfig
    ) throws {
        let corpus = try TextCorpus(settings: settings)
        var settings = settings
        let length = settings.length ?? TextCorpus.defaultLength(corpus.train)
        settings.length = length
        let vocabulary =
            vocabulary
            ?? Vocabulary(counting: corpus.train.map(\.tokens), minimumCount: settings.minimumCount)
        train = try TextRun.encode(corpus.train, vocabulary: vocabulary, settings: settings)
        validation = try TextRun.encode(
            corpus.validation, vocabulary: vocabulary, settings: settings)
        test = try TextRun.encode(corpus.test, vocabulary: vocabulary, settings: settings)

        var config = config(vocabulary.count, length)
        var adjustments: [String] = []
        if train.count < config.optimizer.batchSize {
            adjustments.append(
                "batch size \(config.optimizer.batchSize) lowered to \(train.count), the number of training rows"
            )
            config.optimizer.batchSize = train.count
            config.discriminator.batchSize = min(config.discriminator.batchSize, train.count)
        }
        let heldOut = validation.count > 0 ? validation.count : test.count
        config.evaluation.discriminatorSamples = min(config.evaluation.discriminatorSamples, heldOut)
        self.settings = settings
        self.corpus = corpus
        self.vocabulary = vocabulary
        self.adjustments = adjustments
        experiment = try CorpusExperiment(
            config: config, directory: directory, train: TextRun.rows(train),
            validation: TextRun.rows(validation), test: TextRun.rows(test))
    }

    /// Encodes `entries` into rows of `T` ids with the end token and padding (cut or windowed).
    ///
    /// - Throws: ``TextRunError/onlyUnknownTokens(location:minimumCount:)`` naming the first
    ///   sequence whose tokens are all unknown to `vocabulary`.
    public static func encode(
        _ entries: [TextCorpus.Entry], vocabulary: Vocabulary, settings: TextSettings
    ) throws
        -> PaddedSequences
    {
        guard let length = settings.length else {
            preconditionFailure("encode needs a resolved length")
        }
        let ids = try entries.map { entry in
            let ids = vocabulary.encode(entry.tokens)
            if ids.allSatisfy({ $0 == Vocabulary.unknownID }) {
                throw TextRunError.onlyUnknownTokens(
                    location: entry.location, minimumCount: vocabulary.minimumCount)
            }
            return ids
        }
        return PaddedSequences(ids, length: length, overflow: settings.overflow)
    }

    /// The rows of `sequences` as arrays of ids.
    static func rows(_ sequences: PaddedSequences) -> [[Int]] {
        (0..<sequences.count).map { Array(sequences[$0]) }
    }

    /// Writes `text.json` and `vocabulary.json`, then runs the whole schedule (continuing from
    /// the last checkpoint when `resume` is set).
    ///
    /// - Returns: The log.
    /// - Throws: ``RunError/alreadyExists(path:)`` when the folder holds a run and `resume` is
    ///   not set (nothing is overwritten); ``RunFolderError`` when another process trains in
    ///   the folder, its files are not a text run's, or the text settings differ from those the
    ///   run was started with; I/O and training errors.
    @discardableResult
    public func run(resume: Bool, observer: TrainingObserver? = nil) throws -> [RunLogRow] {
        let folder = RunFolder(experiment.directory)
        let lock = try folder.lockForTraining(
            .text, resume: resume, settings: RunFolder.TaskSettings(settings, file: .textSettings))
        defer { withExtendedLifetime(lock) {} }
        try folder.writeJSON(settings, to: .textSettings, escapingSlashes: false)
        try folder.writeJSON(vocabulary, to: .vocabulary, escapingSlashes: false)
        return try experiment.run(resume: resume, observer: observer)
    }

    /// The settings saved in a run folder.
    ///
    /// - Throws: ``TextRunError/unreadableRunFile(path:reason:)``.
    public static func savedSettings(in directory: URL) throws -> TextSettings {
        try decode(TextSettings.self, from: RunFolder(directory).url(of: .textSettings))
    }

    /// The vocabulary saved in a run folder.
    ///
    /// - Throws: ``TextRunError/unreadableRunFile(path:reason:)``.
    public static func savedVocabulary(in directory: URL) throws -> Vocabulary {
        try decode(Vocabulary.self, from: RunFolder(directory).url(of: .vocabulary))
    }

    static func decode<T: Decodable>(_ type: T.Type, from url: URL) throws -> T {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw TextRunError.unreadableRunFile(
                path: url.path, reason: "cannot read: \(error.localizedDescription)")
        }
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw TextRunError.unreadableRunFile(
                path: url.path, reason: "not valid run settings: \(error)")
        }
    }
}
