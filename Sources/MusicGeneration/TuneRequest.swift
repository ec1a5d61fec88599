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
    public var temperature: Float = 1
    /// Tokens per tune after the primer; `nil` for ``MusicModel/defaultTuneLength``.
    public var length: Int?
    /// The key written, as sharps (negative for flats) and mode; grid tunes are transposed to it.
    public var key: (sharps: Int, minor: Bool)?
    /// Quarter notes per minute.
    public var tempo: Double?
    /// The metre written; grid bar tokens align to it.
    public var metre: (numerator: Int, denominator: Int)?
    /// General MIDI program, 0...127.
    public var program: Int?
    /// A MIDI file whose melody starts every tune.
    public var primer: URL?
    /// A section plan such as AABB (grid scheme); replaces ``length``.
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
    /// - Throws: ``MusicRunError`` for a primer that cannot be read or has no notes, or a form
    ///   on a scheme without bars.
    public func sampleTunes(count: Int, request: TuneRequest, seed: UInt64) throws -> [MIDIFile] {
        let primed = try request.primer.map { try primer(from: $0) }
        let primerTokens = primed?.tokens ?? []
        let options = request.decodeOptions(base: primed?.decodeOptions ?? DecodeOptions())
        let sequences: [[Int]]
        if let form = request.form {
            sequences = try (0..<count).map { index in
                var stream = SplitMix64(seed: seed, stream: UInt64(index))
                return try sampleTokens(
                    form: form, barsPerPart: request.barsPerPart, primer: primerTokens,
                    temperature: request.temperature, seed: stream.next())
            }
        } else {
            sequences = sampleTokens(
                count: count, length: primerTokens.count + (request.length ?? defaultTuneLength),
                primer: primerTokens, temperature: request.temperature, seed: seed)
        }
        return sequences.map { tune(from: $0, options: options) }
    }
}
