import ArgumentParser
import Audio
import Foundation

/// `seqgan export`: Render a MIDI file to audio (WAV, FLAC, Ogg) or rewrite it as MIDI.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Render a MIDI file to audio (WAV, FLAC, Ogg) or rewrite it as MIDI.",
        discussion: """
            The format follows the extension of -o: .wav (16-bit PCM, or 32-bit float with \
            --float), .flac, .ogg (Vorbis) or .mid; a temporary file replaces OUT when complete. \
            Audio starts at the first note and peaks at -1 dBFS; percussion (channel 10) is silent.
            Example: seqgan export tune.mid -o tune.flac --instrument organ
            """)

    @Argument(help: ArgumentHelp("The MIDI file to export.", valueName: "in.mid"))
    var input: String

    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write: .wav, .flac, .ogg or .mid.", valueName: "out"))
    var output: String

    @Flag(help: "Write WAV samples as 32-bit floats instead of 16-bit integers (WAV only).")
    var float = false

    @OptionGroup var render: RenderOptions

    func run() throws {
        let started = Date()
        let result = try AudioExport.export(
            midiFileAt: URL(fileURLWithPath: input), to: URL(fileURLWithPath: output), settings: render.settings,
            encoding: float ? .float32 : .pcm16)
        result.warnings(input: input).forEach(printToStandardError)
        print(result.summaryLine(output: output, instrument: render.instrument, seconds: Date().timeIntervalSince(started)))
    }
}
