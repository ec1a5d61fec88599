import ArgumentParser
import Foundation
import MIDI
import MusicGeneration

/// How `seqgan generate` and `seqgan play RUN` sample tunes and write them as MIDI.
struct GenerationOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Sampling temperature: below 1 safer and more repetitive, above 1 more adventurous.")
    var temperature: Float = 1

    @Option(parsing: .unconditional, help: "Tokens per tune (default: 4 training windows, about 20 bars of 4/4 for the grid scheme); with --primer, the tokens generated after the primer. At most \(MusicModel.maximumTuneLength).")
    var length: Int?

    @Option(help: "Key written, e.g. C, G, Bb, Am, F#m; grid tunes are generated in C major / A minor and transposed to it (default C, or the primer's key).")
    var key: String?

    @Option(parsing: .unconditional, help: "Tempo in quarter notes per minute (default 120, or the primer's tempo).")
    var tempo: Double?

    @Option(help: "Time signature written, e.g. 4/4, 3/4 or 6/8; grid bar tokens align to it (default 4/4, or the primer's).")
    var timeSignature: String?

    @Option(parsing: .unconditional, help: "General MIDI program written into the file, 0...127: 0 piano, 40 violin, 73 flute (default 0, or the primer's).")
    var program: Int?

    @Option(help: ArgumentHelp("A MIDI file whose melody starts every tune; the model continues it (in the primer's key, tempo, metre and program unless given).", valueName: "file.mid"))
    var primer: String?

    @Option(help: ArgumentHelp("Section plan of each tune, e.g. AABB or AABA: each new letter is a part of --bars-per-part bars that the model writes after what came before; a repeated letter repeats its part exactly (grid scheme). Replaces --length.", valueName: "letters"))
    var form: String?

    @Option(parsing: .unconditional, help: "Bars in each part of --form.")
    var barsPerPart: Int = 8

    func validate() throws {
        if let form {
            try require(TuneForm(form) != nil, "--form must be 1 to \(TuneForm.maximumParts) capital letters such as AABB, got '\(form)'")
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
        if let timeSignature, TimeSignature.metre(named: timeSignature, numerators: 1...32) == nil {
            throw ValidationError("--time-signature must look like 4/4 or 6/8, got '\(timeSignature)'")
        }
        if let program, !(0...127).contains(program) { throw ValidationError("--program must be 0...127") }
    }

    /// The request these options describe (call after `validate()`).
    var request: TuneRequest {
        var request = TuneRequest()
        request.temperature = temperature
        request.length = length
        request.key = key.flatMap(MIDIKeyName.signature(named:))
        request.tempo = tempo
        request.metre = timeSignature.flatMap { TimeSignature.metre(named: $0, numerators: 1...32) }
        request.program = program
        request.primer = primer.map { URL(fileURLWithPath: $0) }
        request.form = form.flatMap(TuneForm.init)
        request.barsPerPart = barsPerPart
        return request
    }
}
