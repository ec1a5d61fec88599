import ArgumentParser
import Audio
import Foundation
import MIDI

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
        let encoding: AudioSampleEncoding = float ? .float32 : .pcm16
        if RenderOptions.isMIDIFile(output) {
            guard !float else { throw ExportError.floatNeedsWAV(path: output) }
            try rewriteMIDI()
            return
        }
        // Check the destination before rendering, so that a typo fails at once.
        guard
            let format = AudioFileFormat(fileExtension: URL(fileURLWithPath: output).pathExtension)
        else { throw ExportError.unknownExtension(path: output) }
        guard format.supports(encoding) else { throw ExportError.floatNeedsWAV(path: output) }
        let started = Date()
        let audio = try render.renderMIDIFile(at: input)
        try AudioFile.write(audio, to: URL(fileURLWithPath: output), encoding: encoding)
        let elapsed = Date().timeIntervalSince(started)
        let layout = audio.channelCount == 1 ? "mono" : "stereo"
        print(
            "wrote \(output): \(RenderOptions.formatDuration(audio.duration)) of \(render.instrument.rawValue), "
                + "\(audio.sampleRate) Hz \(layout) (\(String(format: "%.2f", elapsed)) s)")
    }

    /// Reads the input (repairing what the lenient reader repairs) and writes it again as a
    /// Standard MIDI File, atomically (a temporary file renamed into place).
    private func rewriteMIDI() throws {
        let file = try MIDIFile.read(contentsOf: URL(fileURLWithPath: input))
        do {
            try Data(file.encoded()).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw ExportError.cannotWriteMIDI(path: output, reason: error.localizedDescription)
        }
        print("wrote \(output): \(file.notes.count) notes, \(file.tracks.count) tracks")
    }
}

/// Failures of `seqgan export` that are not the reader's, renderer's or libsndfile's.
enum ExportError: Error, CustomStringConvertible {
    /// The output's extension names no format `export` writes.
    case unknownExtension(path: String)
    /// `--float` was given for a file other than WAV.
    case floatNeedsWAV(path: String)
    /// The MIDI file could not be written.
    case cannotWriteMIDI(path: String, reason: String)

    var description: String {
        switch self {
        case .unknownExtension(let path):
            "cannot tell the format of \(path) from its extension: use .wav, .flac, .ogg or .mid"
        case .floatNeedsWAV(let path):
            "cannot write \(path) with --float: only WAV files hold float samples"
        case .cannotWriteMIDI(let path, let reason): "cannot write MIDI file \(path): \(reason)"
        }
    }
}
