import Foundation
import MIDI
import MusicEncoding
import MusicGeneration
import TestSupport
import Testing

/// A small run trained once on the bundled folk tunes, shared by the tests of this suite.
private let abcRun: Result<URL, Error> = Result {
    let run = try TestPaths.makeTemporaryDirectory("tune-abc").appendingPathComponent("run")
    let folk = TestPaths.repositoryRoot.appendingPathComponent("corpora/folk")
    let train = try runSeqGAN(
        ["train", folk.path, "--scheme", "grid", "--out", run.path, "--epochs", "3", "--mode", "mle", "--rounds", "0", "--eval-samples", "16", "--seed", "2"])
    guard train.status == 0 else { throw TuneABCTests.TrainingFailed(message: train.standardError) }
    return run
}

@Suite("Generated tunes written as ABC: beside the MIDI files and as one tune book")
struct TuneABCTests {
    struct TrainingFailed: Error { var message: String }

    /// Notes as (pitch, onset, duration) in quarter notes from the first note, rounded to 1/480.
    static func rounded(_ notes: [(pitch: Int, onset: Double, duration: Double)]) -> [[Int]] {
        let sorted = notes.sorted { ($0.onset, -$0.pitch) < ($1.onset, -$1.pitch) }
        let first = sorted.first?.onset ?? 0
        return sorted.map { [$0.pitch, Int((($0.onset - first) * 480).rounded()), Int(($0.duration * 480).rounded())] }
    }

    /// The notes of a MIDI file's melody, as ``rounded(_:)``.
    static func midiNotes(_ file: MIDIFile) -> [[Int]] {
        guard case .ticksPerQuarter(let ticks) = file.division else { return [] }
        let quarter = Double(ticks)
        return rounded(file.notes.map { (pitch: $0.pitch, onset: Double($0.startTick) / quarter, duration: Double($0.endTick - $0.startTick) / quarter) })
    }

    /// The one tune of an ABC text, read with the project's reader.
    static func readTune(_ text: String, name: String) throws -> [ABCTune] {
        try ABCTuneBook.parse(text, fileName: name).map { try $0.get() }
    }

    @Test("tune-NN.abc beside each tune-NN.mid reads back to the same notes, key and metre as the MIDI file")
    func abcBesideMIDI() throws {
        let model = try MusicModel(runDirectory: try abcRun.get())
        let folder = try TestPaths.makeTemporaryDirectory("tune-abc-out")
        defer { try? FileManager.default.removeItem(at: folder) }
        var request = TuneRequest()
        request.key = (sharps: 2, minor: false)
        request.metre = (numerator: 6, denominator: 8)
        let written = try model.writeTunes(count: 4, request: request, seed: 5, to: folder, abc: true)
        #expect(written.count == 4)
        var compared = 0
        for (index, tune) in written.enumerated() {
            let abcURL = try #require(tune.abc)
            #expect(abcURL.lastPathComponent == String(format: "tune-%02d.abc", index + 1))
            let midi = try MIDIFile.read(contentsOf: tune.midi)
            let tunes = try Self.readTune(try String(contentsOf: abcURL, encoding: .utf8), name: abcURL.lastPathComponent)
            let abc = try #require(tunes.first)
            #expect(tunes.count == 1)
            #expect(abc.title == "Tune \(index + 1)")
            #expect(abc.sharps == 2 && !abc.minor)
            #expect(abc.numerator == 6 && abc.denominator == 8)
            let expected = Self.midiNotes(midi)
            let read = Self.rounded(abc.events.map { (pitch: $0.pitch, onset: $0.start, duration: $0.duration) })
            #expect(read == expected, "tune \(index + 1)")
            if !expected.isEmpty { compared += 1 }
        }
        #expect(compared > 0, "every generated tune was empty")
    }

    @Test("a form that repeats its parts is written with repeat signs, and the book numbers its tunes X:1, X:2, ...")
    func formAndBook() throws {
        let model = try MusicModel(runDirectory: try abcRun.get())
        let folder = try TestPaths.makeTemporaryDirectory("tune-abc-form")
        defer { try? FileManager.default.removeItem(at: folder) }
        var request = TuneRequest()
        request.form = TuneForm("AABB")
        request.barsPerPart = 4
        let book = folder.appendingPathComponent("book/tunes.abc")
        let summaries = try model.writeTuneBook(count: 3, request: request, seed: 9, to: book)
        #expect(summaries.count == 3)
        let text = try String(contentsOf: book, encoding: .utf8)
        let tunes = try Self.readTune(text, name: "tunes.abc")
        #expect(tunes.map(\.reference) == [1, 2, 3])
        #expect(tunes.map(\.title) == ["Tune 1", "Tune 2", "Tune 3"])
        #expect(text.contains("|:") && text.contains(":|"), "\(text)")
        // The same tunes as MIDI files: the book plays their notes.
        let written = try model.writeTunes(count: 3, request: request, seed: 9, to: folder)
        for (tune, abc) in zip(written, tunes) {
            let midi = try MIDIFile.read(contentsOf: tune.midi)
            #expect(Self.rounded(abc.events.map { (pitch: $0.pitch, onset: $0.start, duration: $0.duration) }) == Self.midiNotes(midi))
        }
        // Folded: fewer bars written than played (a part whose last note is held into the
        // next part differs in its last bar, which the folder may leave unfolded).
        #expect(tunes.contains { $0.form.writtenBars.count < $0.form.playedBars.count })
    }

    @Test(
        "abc2midi, an independent reader, reads the generated tune book without errors",
        .requiresProgram("/usr/bin/abc2midi", for: "an independent ABC reader (Debian package abcmidi)"))
    func abc2midiReadsTheBook() throws {
        let model = try MusicModel(runDirectory: try abcRun.get())
        let folder = try TestPaths.makeTemporaryDirectory("tune-abc-abc2midi")
        defer { try? FileManager.default.removeItem(at: folder) }
        var request = TuneRequest()
        request.form = TuneForm("AABB")
        request.key = (sharps: -1, minor: true)
        let book = folder.appendingPathComponent("tunes.abc")
        _ = try model.writeTuneBook(count: 4, request: request, seed: 3, to: book)
        for reference in 1...4 {
            let out = folder.appendingPathComponent("tune-\(reference).mid")
            let result = try runProcess(URL(fileURLWithPath: "/usr/bin/abc2midi"), [book.path, "\(reference)", "-o", out.path])
            let messages = result.standardOutput + result.standardError
            #expect(result.status == 0 && !messages.contains("Error"), "X:\(reference): \(messages)")
            let midi = try MIDIFile.read(contentsOf: out)
            #expect(!midi.notes.isEmpty)
        }
    }
}
