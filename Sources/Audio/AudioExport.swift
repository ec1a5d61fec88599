import Foundation
import MIDI

/// Renders a MIDI file to an audio file, or rewrites it as a Standard MIDI File: what
/// `seqgan export` does.
public enum AudioExport {
    /// What an export wrote.
    public struct Result: Sendable {
        /// The rendered audio; `nil` when the output was a MIDI file.
        public var audio: AudioBuffer?
        /// Notes and tracks of the MIDI file read.
        public var noteCount: Int, trackCount: Int
        /// Notes the synthesizer plays (not percussion); 0 means silent audio.
        public var pitchedNoteCount: Int
        /// Irregularities the lenient reader repaired in the input (see `MIDIFile.warnings`).
        public var repairedCount: Int
    }

    /// Whether `path` names a MIDI file, by its extension (`.mid`, `.midi`, `.smf`).
    public static func isMIDIFile(_ path: String) -> Bool {
        ["mid", "midi", "smf"].contains(URL(fileURLWithPath: path).pathExtension.lowercased())
    }

    /// Reads the MIDI file `input` and writes `output`, in the format its extension names:
    /// `.wav`, `.flac` or `.ogg` (rendered with `settings`, written through a temporary file
    /// that replaces `output` only when complete), or `.mid` (the file as read, repairs
    /// included, written atomically).
    ///
    /// The output's format is checked before anything is read or rendered, so that a typo
    /// fails at once and leaves no file.
    ///
    /// - Throws: ``ExportError`` for an output the export cannot write; `MIDIReadError`,
    ///   ``RenderError`` and ``AudioFileError`` naming the file otherwise.
    public static func export(
        midiFileAt input: URL, to output: URL, settings: RenderSettings,
        encoding: AudioSampleEncoding = .pcm16
    ) throws -> Result {
        if isMIDIFile(output.path) {
            guard encoding == .pcm16 else { throw ExportError.floatNeedsWAV(path: output.path) }
            let file = try MIDIFile.read(contentsOf: input)
            do {
                try Data(file.encoded()).write(to: output, options: .atomic)
            } catch {
                throw ExportError.cannotWriteMIDI(
                    path: output.path, reason: error.localizedDescription)
            }
            return Result(
                noteCount: file.notes.count, trackCount: file.tracks.count,
                pitchedNoteCount: Synthesizer.pitchedNoteCount(in: file.notes),
                repairedCount: file.warnings.count)
        }
        guard let format = AudioFileFormat(fileExtension: output.pathExtension) else {
            throw ExportError.unknownExtension(path: output.path)
        }
        guard format.supports(encoding) else { throw ExportError.floatNeedsWAV(path: output.path) }
        let (audio, file) = try Synthesizer(settings: settings).render(midiFileAt: input)
        try AudioFile.write(audio, to: output, encoding: encoding)
        return Result(
            audio: audio, noteCount: file.notes.count, trackCount: file.tracks.count,
            pitchedNoteCount: Synthesizer.pitchedNoteCount(in: file.notes),
            repairedCount: file.warnings.count)
    }
}

/// Why `seqgan export` cannot write its output (the reader's, renderer's and libsndfile's
/// errors have their own types).
public enum ExportError: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// The output's extension names no format `export` writes.
    case unknownExtension(path: String)
    /// Float samples were asked for a file other than WAV.
    case floatNeedsWAV(path: String)
    /// The MIDI file could not be written.
    case cannotWriteMIDI(path: String, reason: String)

    public var description: String {
        switch self {
        case .unknownExtension(let path):
            "cannot tell the format of \(path) from its extension: use .wav, .flac, .ogg or .mid"
        case .floatNeedsWAV(let path):
            "cannot write \(path) with --float: only WAV files hold float samples"
        case .cannotWriteMIDI(let path, let reason): "cannot write MIDI file \(path): \(reason)"
        }
    }

    public var errorDescription: String? { description }
}
