import ArgumentParser
import Audio
import Foundation

/// `seqgan export`: Render a MIDI file to audio (WAV, FLAC, Ogg) or rewrite it as MIDI.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Render a MIDI file to audio (WAV, FLAC, Ogg) or rewrite it as MIDI.",
        discussion: """
            The output format follows the extension of -o: .wav (16-bit PCM, or 32-bit float \
            with --float), .flac (16-bit), .ogg (Vorbis) or .mid. Audio is written through \
            libsndfile to a temporary file that replaces OUT only when complete. \
            Rendered audio starts at the first note (leading silence is cut) and is normalised \
            to peak at -1 dBFS (1 dB of headroom); percussion (MIDI channel 10) is not rendered.
            Example: seqgan export tune.mid -o tune.flac --instrument organ
            """)

    @Argument(help: ArgumentHelp("The MIDI file to export.", valueName: "in.mid"))
    var input: String

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("The file to write: .wav, .flac, .ogg or .mid.", valueName: "out"))
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
