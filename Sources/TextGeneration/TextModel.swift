import Foundation
import RunFiles
import SeqGAN
import TensorCore
import TextEncoding

/// A trained text generator loaded from a run folder, with the vocabulary and settings that
/// decode its samples and rebuild its test split.
public final class TextModel {
    /// The run's settings.
    public let config: RunConfig
    /// How the run read its corpus (`text.json`).
    public let settings: TextSettings
    /// The run's vocabulary (`vocabulary.json`).
    public let vocabulary: Vocabulary
    /// The generator, with the weights of the run's last checkpoint.
    public let generator: Generator

    /// Loads `config.json`, `text.json`, `vocabulary.json` and the generator from
    /// `checkpoint.safetensors`.
    ///
    /// - Throws: ``TextRunError/notARun(path:)`` when `directory` holds no text run; errors
    ///   naming the missing or unreadable file otherwise.
    public init(runDirectory directory: URL) throws {
        guard RunFolder(directory).kind == .text else { throw TextRunError.notARun(path: directory.path) }
        let checkpoint = RunFolder(directory).url(of: .checkpoint)
        guard FileManager.default.fileExists(atPath: checkpoint.path) else {
            throw TextRunError.unreadableRunFile(
                path: checkpoint.path,
                reason: "no checkpoint: has `seqgan train` finished an epoch?")
        }
        let folder = RunFolder(directory)
        if folder.recordedKind != nil { try folder.check(.text) }
        config = try TrainingRun.savedConfig(in: directory)
        settings = try TextRun.savedSettings(in: directory)
        vocabulary = try TextRun.savedVocabulary(in: directory)
        guard vocabulary.count == config.generator.vocabularySize else {
            throw TextRunError.inconsistentRun(
                path: directory.path,
                reason:
                    "vocabulary.json has \(vocabulary.count) tokens but the model has \(config.generator.vocabularySize)"
            )
        }
        guard settings.length == config.generator.sequenceLength else {
            throw TextRunError.inconsistentRun(
                path: directory.path,
                reason:
                    "text.json gives length \(settings.length ?? 0) but the model has \(config.generator.sequenceLength)"
            )
        }
        generator = try TrainingRun.trainedGenerator(in: directory)
    }

    /// Samples `count` sequences of tokens (each up to its end token, at most `T - 1` tokens
    /// when it ends, `T` when it was cut).
    ///
    /// - Parameters:
    ///   - temperature: Divides the logits: below 1 safer, above 1 more varied.
    ///   - seed: The seed of every draw.
    public func sample(count: Int, temperature: Float = 1, seed: UInt64) -> [[String]] {
        let t = config.generator.sequenceLength
        var random = SplitMix64(seed: seed)
        let flat = generator.sample(count: count, temperature: temperature, using: &random)
        return stride(from: 0, to: flat.count, by: t).map {
            vocabulary.decode(flat[$0..<($0 + t)].map(Int.init))
        }
    }

    /// The run's test sequences (the `--test` file, or the seeded split of the inputs), re-read
    /// from the files `text.json` names.
    ///
    /// - Throws: `TextFileError` when a file is gone or unreadable.
    public func testSequences() throws -> [TextCorpus.Entry] {
        try TextCorpus(settings: settings).test
    }

    /// NLL-test: the generator's per-token NLL on `entries`, encoded as in training.
    ///
    /// - Throws: ``TextRunError/onlyUnknownTokens(location:minimumCount:)``.
    public func negativeLogLikelihood(of entries: [TextCorpus.Entry]) throws -> Double {
        let rows = try TextRun.encode(entries, vocabulary: vocabulary, settings: settings)
        return generator.negativeLogLikelihood(of: rows.tokens.map(Int32.init), count: rows.count)
            .mean
    }
}
