import Audio
import Foundation
import MIDI
import TestSupport
import Testing

@Suite("Audio files (libsndfile)")
struct AudioFileTests {
    /// A short stereo phrase with chords, rendered once.
    static let phrase: AudioBuffer = {
        let notes = [
            Note(pitch: 60, start: 0, end: 0.3), Note(pitch: 64, start: 0, end: 0.3),
            Note(track: 1, pitch: 67, velocity: 120, start: 0.2, end: 0.6),
        ]
        return try! Synthesizer(settings: RenderSettings(sampleRate: 22_050)).render(notes)
    }()

    static func largestDifference(_ a: [Float], _ b: [Float]) -> Float {
        zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
    }

    @Test(
        "16-bit WAV and FLAC read back as the same samples, to 16-bit precision",
        arguments: ["wav", "flac"])
    func sixteenBitRoundTrip(fileExtension: String) throws {
        let directory = try TestPaths.makeTemporaryDirectory("audiofile")
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("phrase.\(fileExtension)")
        try AudioFile.write(Self.phrase, to: url)
        let back = try AudioFile.read(from: url)
        #expect(back.sampleRate == 22_050)
        #expect(back.channelCount == 2)
        #expect(back.frameCount == Self.phrase.frameCount)
        #expect(Self.largestDifference(back.samples, Self.phrase.samples) <= 1.5 / 32_768)
        // Nothing but the file itself is left in the folder.
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.path) == [
                url.lastPathComponent
            ])
    }

    @Test("32-bit float WAV reads back bit for bit")
    func floatRoundTrip() throws {
        let directory = try TestPaths.makeTemporaryDirectory("audiofile")
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("phrase.wav")
        try AudioFile.write(Self.phrase, to: url, encoding: .float32)
        #expect(try AudioFile.read(from: url) == Self.phrase)
    }

    @Test("Ogg Vorbis is written and reads back with the same length and rate")
    func oggVorbis() throws {
        let directory = try TestPaths.makeTemporaryDirectory("audiofile")
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("phrase.ogg")
        try AudioFile.write(Self.phrase, to: url)
        let back = try AudioFile.read(from: url)
        #expect(back.sampleRate == 22_050 && back.channelCount == 2)
        #expect(back.frameCount == Self.phrase.frameCount)
        #expect(back.peak > 0.5 * Self.phrase.peak)
    }

    @Test("a minute of Ogg Vorbis is written in chunks (libvorbis would overflow the stack)")
    func longOggVorbis() throws {
        let directory = try TestPaths.makeTemporaryDirectory("audiofile")
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("minute.ogg")
        let minute = AudioBuffer(silentFrames: 60 * 44_100, channelCount: 1, sampleRate: 44_100)
        try AudioFile.write(minute, to: url)
        #expect(try AudioFile.read(from: url).frameCount == minute.frameCount)
    }

    @Test("an unknown extension is refused and creates nothing")
    func unknownExtension() throws {
        let directory = try TestPaths.makeTemporaryDirectory("audiofile")
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("phrase.mp4")
        #expect(throws: AudioFileError.unknownExtension(path: url.path)) {
            try AudioFile.write(Self.phrase, to: url)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test("FLAC cannot hold floats")
    func floatFLAC() throws {
        let url = URL(fileURLWithPath: "/tmp/never-written.flac")
        #expect(throws: AudioFileError.self) {
            try AudioFile.write(Self.phrase, to: url, encoding: .float32)
        }
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }

    @Test("an unwritable path gives an error naming the file and leaves nothing behind")
    func unwritablePath() throws {
        let url = URL(fileURLWithPath: "/nonexistent-seqgan-folder/out.wav")
        do {
            try AudioFile.write(Self.phrase, to: url)
            Issue.record("writing into a missing folder succeeded")
        } catch {
            #expect(error.description.contains("/nonexistent-seqgan-folder/out.wav"))
            #expect(!error.description.contains("\n"))
        }
        // A directory in the way: the temporary file is removed after the failed rename.
        let directory = try TestPaths.makeTemporaryDirectory("audiofile")
        defer { try? FileManager.default.removeItem(at: directory) }
        let blocked = directory.appendingPathComponent("taken.wav")
        try FileManager.default.createDirectory(at: blocked, withIntermediateDirectories: false)
        #expect(throws: AudioFileError.self) { try AudioFile.write(Self.phrase, to: blocked) }
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["taken.wav"])
    }

    @Test("a missing or corrupt file gives an error naming the file")
    func unreadableFiles() throws {
        let directory = try TestPaths.makeTemporaryDirectory("audiofile")
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("missing.wav")
        do {
            _ = try AudioFile.read(from: missing)
            Issue.record("reading a missing file succeeded")
        } catch {
            #expect(error.description.contains(missing.path))
        }
        // A WAV header cut short, and a file of text.
        let good = directory.appendingPathComponent("good.wav")
        try AudioFile.write(Self.phrase, to: good)
        let truncated = directory.appendingPathComponent("truncated.wav")
        try Data(try Data(contentsOf: good).prefix(30)).write(to: truncated)
        let text = directory.appendingPathComponent("text.wav")
        try Data("not audio at all, just words".utf8).write(to: text)
        for url in [truncated, text] {
            do {
                _ = try AudioFile.read(from: url)
                Issue.record("reading \(url.lastPathComponent) succeeded")
            } catch {
                #expect(error.description.contains(url.path))
            }
        }
    }

    @Test("writing over an existing file replaces it whole")
    func replaceExisting() throws {
        let directory = try TestPaths.makeTemporaryDirectory("audiofile")
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("phrase.wav")
        try Data(repeating: 7, count: 1_000_000).write(to: url)
        try AudioFile.write(Self.phrase, to: url)
        #expect(try AudioFile.read(from: url).frameCount == Self.phrase.frameCount)
    }
}
