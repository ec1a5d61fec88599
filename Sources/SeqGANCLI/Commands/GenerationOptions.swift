import ArgumentParser
import MusicEncoding
import MusicGeneration

/// How `seqgan generate` and `seqgan play RUN` sample tunes and write them as MIDI.
struct GenerationOptions: ParsableArguments {
    @Option(help: "Sampling temperature: below 1 safer and more repetitive, above 1 more adventurous.")
    var temperature: Float = 1

    @Option(help: "Tokens per tune (default: 4 training windows, about 20 bars of 4/4 for the grid scheme).")
    var length: Int?

    @Option(help: "Key written, e.g. C, G, Bb, Am, F#m (grid tunes are generated in C major / A minor and transposed to it).")
    var key: String = "C"

    @Option(help: "Tempo in quarter notes per minute.")
    var tempo: Double = 120

    @Option(help: "Time signature written, e.g. 4/4, 3/4 or 6/8 (grid bar tokens align to it).")
    var timeSignature: String = "4/4"

    @Option(help: "General MIDI program written into the file, 0...127: 0 piano, 40 violin, 73 flute.")
    var program: Int = 0

    func validate() throws {
        guard temperature > 0, temperature.isFinite else { throw ValidationError("--temperature must be positive") }
        if let length, length < 1 { throw ValidationError("--length must be at least 1") }
        guard MIDIKeyName.signature(named: key) != nil else {
            throw ValidationError("--key must look like C, G, Bb, F#m or Am, got '\(key)'")
        }
        guard tempo >= 10, tempo <= 400 else { throw ValidationError("--tempo must be within 10...400, got \(tempo)") }
        guard metre != nil else { throw ValidationError("--time-signature must look like 4/4 or 6/8, got '\(timeSignature)'") }
        guard (0...127).contains(program) else { throw ValidationError("--program must be 0...127") }
    }

    private var metre: (numerator: Int, denominator: Int)? {
        let parts = timeSignature.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 2, (1...32).contains(parts[0]), [1, 2, 4, 8, 16, 32].contains(parts[1]) else { return nil }
        return (parts[0], parts[1])
    }

    /// The decode options these settings describe (call after `validate()`).
    var decodeOptions: DecodeOptions {
        let signature = MIDIKeyName.signature(named: key) ?? (0, false)
        let metre = self.metre ?? (4, 4)
        return DecodeOptions(
            beatsPerMinute: tempo, numerator: metre.numerator, denominator: metre.denominator,
            sharps: signature.sharps, minor: signature.minor, program: program)
    }

    /// Tokens per tune for `model`.
    func tokensPerTune(_ model: MusicModel) -> Int {
        length ?? 4 * model.config.generator.sequenceLength
    }
}
