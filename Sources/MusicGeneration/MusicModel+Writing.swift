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
        /// The ABC file written beside it, if any.
        public var abc: URL?
        /// Length, key and range of the tune.
        public var summary: TuneSummary

        /// One line for the terminal: the MIDI file, the summary and the names of the audio and
        /// ABC files written beside it.
        public var line: String {
            let extras = [audio, abc].compactMap { $0?.lastPathComponent }
            return "\(midi.path): \(summary)" + (extras.isEmpty ? "" : " (+ \(extras.joined(separator: ", ")))")
        }
    }

    /// Samples `count` tunes (``sampleTunes(count:request:seed:)``) and writes them into
    /// `folder` as `tune-01.mid`, `tune-02.mid`, ... (more digits past 99), creating the folder;
    /// with `audio`, also renders each to `tune-01.wav`, ... beside its MIDI file; with `abc`,
    /// also writes each as an ABC tune `tune-01.abc`, ... (``TuneABC``: titled "Tune 1", ...,
    /// repeats folded, in the key and metre of its MIDI file).
    ///
    /// - Throws: ``MusicRunError/cannotWriteTunes(path:reason:)`` when the folder cannot be
    ///   made or is a file; `MIDIWriteError`, ``AudioFileError`` naming the file that could not
    ///   be written; the errors of ``sampleTunes(count:request:seed:)``.
    public func writeTunes(
        count: Int, request: TuneRequest, seed: UInt64, to folder: URL, audio: RenderSettings? = nil,
        abc: Bool = false
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
            try tune.file.write(to: midiURL)
            var written = WrittenTune(midi: midiURL, summary: TuneSummary(tune))
            if let synthesizer {
                let audioURL = folder.appendingPathComponent(name + ".wav")
                try AudioFile.write(try synthesizer.render(tune.file.notes), to: audioURL)
                written.audio = audioURL
            }
            if abc {
                let abcURL = folder.appendingPathComponent(name + ".abc")
                try Self.write(TuneABC.text(of: tune.file, title: "Tune \(index + 1)"), to: abcURL)
                written.abc = abcURL
            }
            return written
        }
    }

    /// Samples `count` tunes (``sampleTunes(count:request:seed:)``) and writes them into one
    /// ABC tune book at `file` (``TuneABC/book(of:titlePrefix:)``: `X:1` "Tune 1", `X:2`
    /// "Tune 2", ...), creating its folder.
    ///
    /// - Returns: Length, key and range of each tune, in order.
    /// - Throws: ``MusicRunError/cannotWriteTunes(path:reason:)`` when the file cannot be
    ///   written; the errors of ``sampleTunes(count:request:seed:)``.
    public func writeTuneBook(count: Int, request: TuneRequest, seed: UInt64, to file: URL) throws -> [TuneSummary] {
        let tunes = try sampleTunes(count: count, request: request, seed: seed)
        let folder = file.deletingLastPathComponent()
        if let blocker = FileManager.default.fileOnTheWay(to: folder) {
            throw MusicRunError.cannotWriteTunes(path: file.relativePath, reason: "\(blocker.path) is a file, not a folder")
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw MusicRunError.cannotWriteTunes(path: file.relativePath, reason: FileSystemFailure.reason(of: error))
        }
        try Self.write(TuneABC.book(of: tunes.map(\.file)), to: file)
        return tunes.map(TuneSummary.init)
    }

    /// Writes `text` to `file` as UTF-8.
    private static func write(_ text: String, to file: URL) throws {
        do {
            try text.write(to: file, atomically: true, encoding: .utf8)
        } catch {
            throw MusicRunError.cannotWriteTunes(path: file.relativePath, reason: FileSystemFailure.reason(of: error))
        }
    }
}
