import ArgumentParser
import Foundation
import MusicEncoding

/// `seqgan midi decode TOKENS.txt --scheme grid -o out/`: token lines back to MIDI files.
struct MIDIDecodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decode",
        abstract: "Turn token sequences (one per line) back into MIDI files.",
        discussion: """
            Each line of space-separated token ids becomes one MIDI file with one melody track, \
            tempo, time signature, key signature and instrument. Grid tokens are in C major / \
            A minor and are transposed to --key.
            """)

    @Argument(help: "A text file with one token sequence per line.")
    var tokens: String

    @Option(help: "The token scheme the sequences use.")
    var scheme: TokenScheme = .paper

    @Option(name: [.short, .customLong("output")], help: "A .mid file (with --line) or a folder that receives 0001.mid, 0002.mid, ...")
    var output: String

    @Option(parsing: .unconditional, help: "Decode only this line (1-based) into the file given by -o.")
    var line: Int?

    @Option(parsing: .unconditional, help: "Tempo in quarter notes per minute.")
    var tempo: Double = 120

    @Option(help: "Time signature written, e.g. 4/4 or 6/8 (grid bars align to it).")
    var timeSignature: String = "4/4"

    @Option(help: "Key written, e.g. C, D, Bb, Am, F#m (grid tokens are transposed to it).")
    var key: String = "C"

    @Option(parsing: .unconditional, help: "General MIDI program (instrument), 0...127: 0 piano, 40 violin, 73 flute.")
    var program: Int = 0

    func validate() throws {
        try asValidationError { _ = try decodeOptions() }
    }

    func run() throws {
        print(try MusicTokenizer(settings: TokenizerSettings(scheme: scheme)).decodeTokenFile(
            URL(fileURLWithPath: tokens), line: line, options: decodeOptions(), to: URL(fileURLWithPath: output)))
    }

    /// The options as the decoder's.
    func decodeOptions() throws -> DecodeOptions {
        try DecodeOptions(beatsPerMinute: tempo, timeSignature: timeSignature, key: key, program: program)
    }
}
