import Foundation
import MIDI
import MusicEncoding
import RunFiles
import SeqGAN
import TensorCore

/// A trained music generator loaded from a run folder, with the tokenizer that decodes its
/// samples.
public final class MusicModel {
    /// The run's settings.
    public let config: RunConfig
    /// The tokenizer the run was trained with.
    public let tokenizer: MusicTokenizer
    /// The generator, with the weights of the run's last checkpoint.
    public let generator: Generator

    /// Loads `config.json`, `tokenizer.json` and the generator from `checkpoint.safetensors`;
    /// a generator that reads tune features gets the whole-tune grammar's readers
    /// (``SequenceConditioning/tunes(_:)``).
    ///
    /// - Throws: ``MusicRunError/notARun(path:)`` when `directory` is not a folder;
    ///   ``RunFolderError`` when the folder records another kind of run or misses a file a
    ///   music run needs; errors naming the missing or unreadable file otherwise.
    public init(runDirectory directory: URL) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory),
            isDirectory.boolValue
        else { throw MusicRunError.notARun(path: directory.path) }
        let checkpoint = RunFolder(directory).url(of: .checkpoint)
        guard FileManager.default.fileExists(atPath: checkpoint.path) else {
            throw MusicRunError.unreadableRunFile(
                path: checkpoint.path, reason: "no checkpoint: is this a run folder of `seqgan train`?")
        }
        let folder = RunFolder(directory)
        if folder.recordedKind != nil { try folder.check(.music) }
        config = try TrainingRun.savedConfig(in: directory)
        let settings = try MusicRun.savedSettings(in: directory)
        tokenizer = MusicTokenizer(settings: settings)
        guard tokenizer.vocabularySize == config.generator.vocabularySize else {
            throw MusicRunError.inconsistentRun(
                path: directory.path,
                reason: "tokenizer.json gives \(tokenizer.vocabularySize) tokens but the model has \(config.generator.vocabularySize)")
        }
        let features = config.generator.featureCount
        guard features == 0 || (settings.scheme == .tune && features == TuneTokenReader.featureCount) else {
            throw MusicRunError.inconsistentRun(
                path: directory.path,
                reason: "the generator reads \(features) features per step, which the \(settings.scheme.rawValue) scheme does not give")
        }
        generator = try TrainingRun.trainedGenerator(in: directory)
        if settings.scheme == .tune, config.generator.featureCount == TuneTokenReader.featureCount {
            generator.conditioning = .tunes(tokenizer.tuneScheme)
        }
    }

    /// Samples `count` token sequences of `length` tokens (the training window length by
    /// default; longer sequences continue the same LSTM), each beginning with `primer`. A
    /// model of whole tunes (tune scheme) stops each sequence at its end token: the sequences
    /// are the tunes, of their own lengths, the end token included.
    ///
    /// - Parameters:
    ///   - length: Tokens per sequence, primer included (at least the primer's length, at
    ///     most ``maximumTuneLength``).
    ///   - primer: Tokens every sequence starts with (see ``primer(from:)``); the generator
    ///     reads them, then samples the rest.
    ///   - temperature: Divides the logits: below 1 safer, above 1 more adventurous.
    ///   - seed: The seed of every draw.
    public func sampleTokens(
        count: Int, length: Int? = nil, primer: [Int] = [], temperature: Float = 1, seed: UInt64
    ) -> [[Int]] {
        let length = length ?? config.generator.sequenceLength
        var random = SplitMix64(seed: seed)
        let flat = generator.sample(
            count: count, length: length, primer: primer.map(Int32.init), temperature: temperature, using: &random)
        let rows = stride(from: 0, to: flat.count, by: length).map { flat[$0..<($0 + length)].map(Int.init) }
        guard let end = config.generator.sequenceEnd else { return rows }
        return rows.map { Array($0.prefix(end.countedLength(of: $0))) }
    }

    /// The most tokens one generated tune may have (primer included): 100,000, about 6,000
    /// bars of the grid scheme. Sampling keeps every token, and decoding and rendering every
    /// note, so memory grows with the length; this bounds it to a few tens of MB.
    public static let maximumTuneLength = 100_000

    /// Tokens of a generated tune by default: 4 training windows (about 20 bars of 4/4 for the
    /// grid scheme, 51 s for the paper scheme); for whole tunes (tune scheme) a row, in which
    /// the model ends the tune itself.
    public var defaultTuneLength: Int {
        tokenizer.settings.scheme == .tune ? config.generator.sequenceLength : 4 * config.generator.sequenceLength
    }

    /// The sampling temperature used when none is asked for: for whole tunes (tune scheme)
    /// ``RunConfig/tuneSamplingTemperature``, the temperature their adversarial rounds train,
    /// 1 for windows.
    public var defaultTemperature: Float {
        tokenizer.settings.scheme == .tune ? RunConfig.tuneSamplingTemperature : 1
    }

    /// Decodes tokens into a one-track MIDI file.
    public func tune(from tokens: [Int], options: DecodeOptions) -> MIDIFile {
        tokenizer.decode(tokens, options: options)
    }
}
