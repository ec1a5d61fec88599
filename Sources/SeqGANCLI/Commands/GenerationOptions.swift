import ArgumentParser
import Foundation
import MusicEncoding
import MusicGeneration
import Randomness

/// How `seqgan generate` and `seqgan play RUN` sample tunes and write them as MIDI.
struct GenerationOptions: ParsableArguments {
    @Option(help: "Sampling temperature: below 1 safer and more repetitive, above 1 more adventurous.")
    var temperature: Float = 1

    @Option(help: "Tokens per tune (default: 4 training windows, about 20 bars of 4/4 for the grid scheme); with --primer, the tokens generated after the primer. At most \(MusicModel.maximumTuneLength).")
    var length: Int?

    @Option(help: "Key written, e.g. C, G, Bb, Am, F#m; grid tunes are generated in C major / A minor and transposed to it (default C, or the primer's key).")
    var key: String?

    @Option(help: "Tempo in quarter notes per minute (default 120, or the primer's tempo).")
    var tempo: Double?

    @Option(help: "Time signature written, e.g. 4/4, 3/4 or 6/8; grid bar tokens align to it (default 4/4, or the primer's).")
    var timeSignature: String?

    @Option(help: "General MIDI program written into the file, 0...127: 0 piano, 40 violin, 73 flute (default 0, or the primer's).")
    var program: Int?

    @Option(help: ArgumentHelp("A MIDI file whose melody starts every tune; the model continues it (in the primer's key, tempo, metre and program unless given).", valueName: "file.mid"))
    var primer: String?

    @Option(help: ArgumentHelp("Section plan of each tune, e.g. AABB or AABA: each new letter is a part of --bars-per-part bars that the model writes after what came before; a repeated letter repeats its part exactly (grid scheme). Replaces --length.", valueName: "letters"))
    var form: String?

    @Option(help: "Bars in each part of --form.")
    var barsPerPart: Int = 8

    func validate() throws {
        if let form {
            guard TuneForm(form) != nil else {
                throw ValidationError("--form must be 1 to \(TuneForm.maximumParts) capital letters such as AABB, got '\(form)'")
            }
            guard length == nil else { throw ValidationError("--form sets the tune's length; leave out --length") }
        }
        guard (1...64).contains(barsPerPart) else { throw ValidationError("--bars-per-part must be within 1...64, got \(barsPerPart)") }
        guard temperature > 0, temperature.isFinite else { throw ValidationError("--temperature must be positive") }
        if let length, length < 1 { throw ValidationError("--length must be at least 1") }
        if let length, length > MusicModel.maximumTuneLength {
            throw ValidationError("--length must be at most \(MusicModel.maximumTuneLength) tokens per tune, got \(length)")
        }
        if let key, MIDIKeyName.signature(named: key) == nil {
            throw ValidationError("--key must look like C, G, Bb, F#m or Am, got '\(key)'")
        }
        if let tempo, !(10...400).contains(tempo) { throw ValidationError("--tempo must be within 10...400, got \(tempo)") }
        if let timeSignature, metre == nil {
            throw ValidationError("--time-signature must look like 4/4 or 6/8, got '\(timeSignature)'")
        }
        if let program, !(0...127).contains(program) { throw ValidationError("--program must be 0...127") }
    }

    private var metre: (numerator: Int, denominator: Int)? {
        let parts = (timeSignature ?? "").split(separator: "/").compactMap { Int($0) }
        guard parts.count == 2, (1...32).contains(parts[0]), [1, 2, 4, 8, 16, 32].contains(parts[1]) else { return nil }
        return (parts[0], parts[1])
    }

    /// The decode options these settings describe (call after `validate()`): `base` (the
    /// defaults, 120 BPM, 4/4, C major, piano; or a primer's own) with every option given
    /// on the command line applied.
    private func decodeOptions(base: DecodeOptions) -> DecodeOptions {
        var options = base
        if let key, let signature = MIDIKeyName.signature(named: key) {
            options.sharps = signature.sharps
            options.minor = signature.minor
        }
        if let tempo { options.beatsPerMinute = tempo }
        if let metre {
            options.numerator = metre.numerator
            options.denominator = metre.denominator
        }
        if let program { options.program = program }
        return options
    }

    /// Samples `count` tunes' tokens from `model` (after the `--primer`'s tokens when given),
    /// with the options that decode them.
    ///
    /// - Throws: ``MusicRunError`` for a primer that cannot be read or has no notes.
    func sample(count: Int, from model: MusicModel, seed: UInt64) throws -> (tokens: [[Int]], options: DecodeOptions) {
        let primed = try primer.map { try model.primer(from: URL(fileURLWithPath: $0)) }
        let primerTokens = primed?.tokens ?? []
        let options = decodeOptions(base: primed?.decodeOptions ?? DecodeOptions())
        if let form = form.flatMap(TuneForm.init) {
            let tokens = try (0..<count).map { index in
                var stream = SplitMix64(seed: seed, stream: UInt64(index))
                return try model.sampleTokens(
                    form: form, barsPerPart: barsPerPart, primer: primerTokens, temperature: temperature,
                    seed: stream.next())
            }
            return (tokens, options)
        }
        let tokens = model.sampleTokens(
            count: count, length: primerTokens.count + tokensPerTune(model), primer: primerTokens,
            temperature: temperature, seed: seed)
        return (tokens, options)
    }

    /// Tokens per tune for `model`.
    private func tokensPerTune(_ model: MusicModel) -> Int {
        length ?? model.defaultTuneLength
    }
}
