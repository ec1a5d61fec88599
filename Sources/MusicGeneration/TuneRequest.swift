import Foundation
import MIDI
import MusicEncoding
import Randomness

/// What tunes to generate: how to sample them, how long, in what form, and how to write
/// them (key, tempo, metre, instrument), as `seqgan generate` and `seqgan play RUN` take it.
///
/// Every unset value comes from the primer when there is one, else from the defaults
/// (120 BPM, 4/4, C major, piano).
public struct TuneRequest: Sendable {
    /// Divides the logits: below 1 safer and more repetitive, above 1 more adventurous.
    /// `nil` for the model's ``MusicModel/defaultTemperature``.
    public var temperature: Float?
    /// Tokens per tune after the primer; `nil` for ``MusicModel/defaultTuneLength``.
    public var length: Int?
    /// The key written, as sharps (negative for flats) and mode; grid tunes are transposed to
    /// it, and whole tunes (tune scheme) are also sampled in its mode (``TuneKeyRequest``).
    public var key: (sharps: Int, minor: Bool)?
    /// Quarter notes per minute.
    public var tempo: Double?
    /// The metre written; grid bar tokens align to it. For a whole-tune run (tune scheme) it
    /// is the metre the tunes are sampled in.
    public var metre: (numerator: Int, denominator: Int)?
    /// Bars played in each whole tune (tune scheme: repeats counted as played, pickups not);
    /// `nil` leaves the length to the model, or to ``form``.
    public var bars: Int?
    /// General MIDI program, 0...127.
    public var program: Int?
    /// A MIDI file whose melody starts every tune.
    public var primer: URL?
    /// A section plan such as AABB; replaces ``length``. Grid scheme: each new letter's part
    /// is sampled after the earlier ones and a repeated letter copies its part. Tune scheme: a
    /// form the sampled tunes follow (``TuneConstraints/sections(of:barsPerPart:)``).
    public var form: TuneForm?
    /// Bars in each part of ``form``.
    public var barsPerPart = 8

    /// A request with the defaults.
    public init() {}

    /// `base` (the defaults, or a primer's own) with every value this request sets applied.
    func decodeOptions(base: DecodeOptions) -> DecodeOptions {
        var options = base
        if let key {
            options.sharps = key.sharps
            options.minor = key.minor
        }
        if let tempo { options.beatsPerMinute = tempo }
        if let metre {
            options.numerator = metre.numerator
            options.denominator = metre.denominator
        }
        if let program { options.program = program }
        return options
    }
}

extension MusicModel {
    /// Samples `count` tunes as `request` asks (after its primer's tokens when it has one).
    ///
    /// Tune `i` of a `form` draws from its own stream of `seed`, so the tunes do not depend on
    /// how many are asked for.
    ///
    /// A whole-tune run (tune scheme) samples each tune in a row as the request's
    /// ``TuneRequest/tuneConstraints(tokensPerTune:)`` allow
    /// (``sampleWholeTunes(count:request:primer:seed:)``).
    ///
    /// A whole tune that reaches the end of its tokens before its `end` token is kept, marked
    /// ``SampledTune/isCut``.
    ///
    /// - Throws: ``MusicRunError`` for a primer that cannot be read or has no notes, or a form
    ///   on a scheme without bars; ``TuneRequestError`` for a request a whole-tune run cannot
    ///   follow, or `bars` on another run.
    public func sampleTunes(count: Int, request: TuneRequest, seed: UInt64) throws -> [SampledTune] {
        let primed = try request.primer.map { try primer(from: $0) }
        let primerTokens = primed?.tokens ?? []
        let options = request.decodeOptions(base: primed?.decodeOptions ?? DecodeOptions())
        let sequences: [[Int]]
        if tokenizer.settings.scheme == .tune {
            sequences = try sampleWholeTunes(count: count, request: request, primer: primerTokens, seed: seed)
        } else if let bars = request.bars {
            throw TuneRequestError(
                description: "--bars \(bars) asks for whole tunes (a run trained with --scheme tune); this run's scheme is \(tokenizer.settings.scheme.rawValue): use --form and --bars-per-part")
        } else if let form = request.form {
            sequences = try (0..<count).map { index in
                var stream = SplitMix64(seed: seed, stream: UInt64(index))
                return try sampleTokens(
                    form: form, barsPerPart: request.barsPerPart, primer: primerTokens,
                    temperature: request.temperature ?? defaultTemperature, seed: stream.next())
            }
        } else {
            sequences = sampleTokens(
                count: count, length: primerTokens.count + (request.length ?? defaultTuneLength),
                primer: primerTokens, temperature: request.temperature ?? defaultTemperature, seed: seed)
        }
        let isWhole = tokenizer.settings.scheme == .tune
        return sequences.map {
            SampledTune(file: tune(from: $0, options: options), isCut: isWhole && $0.last != TuneScheme.end)
        }
    }
}
