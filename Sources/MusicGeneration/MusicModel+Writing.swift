import Audio
import Foundation
import MIDI
import SeqGAN

extension MusicModel {
    /// A tune written by ``writeTunes(count:request:seed:to:audio:)``.
    public struct WrittenTune: Sendable {
        /// The MIDI file written.
        public var midi: URL
        /// The audio file written beside it, if any.
        public var audio: URL?
        /// Length, key and range of the tune.
        public var summary: TuneSummary

        /// One line for the terminal: the MIDI file, the summary and the audio file's name.
        public var line: String {
            "\(midi.path): \(summary)" + (audio.map { " (+ \($0.lastPathComponent))" } ?? "")
        }
    }

    /// Samples `count` tunes (``sampleTunes(count:request:seed:)``) and writes them into
    /// `folder` as `tune-01.mid`, `tune-02.mid`, ... (more digits past 99), creating the folder;
    /// with `audio`, also renders each to `tune-01.wav`, ... beside its MIDI file.
    ///
    /// - Throws: ``MusicRunError/cannotWriteTunes(path:reason:)`` when the folder cannot be
    ///   made or is a file; `MIDIWriteError`, ``AudioFileError`` naming the file that could not
    ///   be written; the errors of ``sampleTunes(count:request:seed:)``.
    public func writeTunes(
        count: Int, request: TuneRequest, seed: UInt64, to folder: URL, audio: RenderSettings? = nil
    ) throws -> [WrittenTune] {
        if let file = FileManager.default.fileOnTheWay(to: folder) {
            throw MusicRunError.cannotWriteTunes(
                path: folder.relativePath,
                reason: file == folder.standardizedFileURL
                    ? "a file is there; -o names the folder that receives the tunes"
                    : "\(file.path) is a file, not a folder")
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw MusicRunError.cannotWriteTunes(path: folder.relativePath, reason: FileSystemFailure.reason(of: error))
        }
        let tunes = try sampleTunes(count: count, request: request, seed: seed)
        let digits = max(2, String(count).count)
        let synthesizer = audio.map { Synthesizer(settings: $0) }
        return try tunes.enumerated().map { index, tune in
            let number = String(index + 1)
            let name = "tune-" + String(repeating: "0", count: digits - number.count) + number
            let midiURL = folder.appendingPathComponent(name + ".mid")
            try tune.write(to: midiURL)
            var written = WrittenTune(midi: midiURL, summary: TuneSummary(tune))
            if let synthesizer {
                let audioURL = folder.appendingPathComponent(name + ".wav")
                try AudioFile.write(try synthesizer.render(tune.notes), to: audioURL)
                written.audio = audioURL
            }
            return written
        }
    }
}
