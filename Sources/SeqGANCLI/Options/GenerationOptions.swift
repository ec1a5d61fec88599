import ArgumentParser
import MusicGeneration

/// How `seqgan generate` and `seqgan play RUN` sample tunes and write them as MIDI.
struct GenerationOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Sampling temperature: below 1 safer and more repetitive, above 1 more adventurous (default 1; 0.7 for whole-tune runs).")
    var temperature: Float?

    @Option(parsing: .unconditional, help: "Tokens per tune (default: a row of T tokens for whole tunes, which end by themselves; 4 training windows, about 20 bars of 4/4, for the grid scheme); with --primer, the tokens after the primer. At most \(MusicModel.maximumTuneLength).")
    var length: Int?

    @Option(help: "Key written, e.g. C, G, Bb, Am, F#m, Ddor; tunes are generated in C major / A minor and transposed to it; whole tunes (--scheme tune runs) also take its mode (default C, or the primer's key).")
    var key: String?

    @Option(parsing: .unconditional, help: "Tempo in quarter notes per minute (default 120, or the primer's tempo).")
    var tempo: Double?

    @Option(name: [.customLong("time-signature"), .customLong("metre")], help: "Time signature written, e.g. 4/4, 3/4 or 6/8; grid bar tokens align to it; whole tunes are sampled in it (default 4/4, or the primer's; whole tunes: the model's).")
    var timeSignature: String?

    @Option(parsing: .unconditional, help: "General MIDI program written into the file, 0...127: 0 piano, 40 violin, 73 flute (default 0, or the primer's).")
    var program: Int?

    @Option(help: ArgumentHelp("A MIDI file whose melody starts every tune; the model continues it (in the primer's key, tempo, metre and program unless given).", valueName: "file.mid"))
    var primer: String?

    @Option(help: ArgumentHelp("Section plan of each tune, e.g. AABB or AABA: each new letter is a part of --bars-per-part bars that the model writes after what came before; a repeated letter repeats its part exactly (grid scheme). Whole tunes (--scheme tune) follow it: AA is a repeated section, a lone letter a section played once. Replaces --length.", valueName: "letters"))
    var form: String?

    @Option(parsing: .unconditional, help: "Bars in each part of --form.")
    var barsPerPart: Int = 8

    @Option(parsing: .unconditional, help: "Bars each whole tune plays (--scheme tune runs; repeats counted as played, 1...\(TuneRequest.maximumBars)); default: the model ends the tune.")
    var bars: Int?

    func validate() throws {
        try asValidationError { _ = try request() }
    }

    /// The request these options describe.
    ///
    /// - Throws: `TuneRequestError` naming the first option out of range or not understood.
    func request() throws -> TuneRequest {
        try TuneRequest(
            temperature: temperature, length: length, key: key, tempo: tempo, timeSignature: timeSignature,
            program: program, primer: primer, form: form, barsPerPart: barsPerPart, bars: bars)
    }
}
