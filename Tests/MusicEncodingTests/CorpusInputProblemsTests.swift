import Foundation
import MIDI
import MusicEncoding
import Testing
import TestSupport

/// Input a user may give by mistake: drum tracks, truncated files.
@Suite("Corpus input: percussion-only and truncated files")
struct CorpusInputProblemsTests {
    /// A scale of `count` quarter notes from C5 on `channel`, at 480 ticks per quarter.
    static func scale(channel: Int, track: Int = 0, count: Int = 8) -> [Note] {
        (0..<count).map {
            Note(track: track, channel: channel, pitch: 72 + $0, startTick: $0 * 480, endTick: $0 * 480 + 400, start: 0, end: 0)
        }
    }

    /// The bytes of a one-track file holding `notes`.
    static func bytes(_ notes: [Note]) -> [UInt8] {
        MIDIFile(notes: notes, format: 0, ticksPerQuarter: 480).encoded()
    }

    @Test("a drums-only file (channel 10) is skipped with the reason that it holds only percussion")
    func drumsOnlyFileIsSkipped() throws {
        let folder = try TestPaths.makeTemporaryDirectory("corpus-drums")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.bytes(Self.scale(channel: 9))).write(to: folder.appendingPathComponent("drums.mid"))
        try Data(Self.bytes(Self.scale(channel: 0))).write(to: folder.appendingPathComponent("tune.mid"))
        for scheme in [TokenScheme.grid, .paper] {
            let corpus = try CorpusBuilder.build(
                inputs: [folder], settings: TokenizerSettings(scheme: scheme), split: .allTrain)
            #expect(corpus.train.map(\.name) == ["tune.mid"], "\(scheme)")
            #expect(corpus.skipped.map(\.path) == ["drums.mid"])
            #expect(
                corpus.skipped.first?.reason
                    == "the file holds only percussion (8 notes on MIDI channel 10, drums), no melody")
        }
    }

    @Test("drums that outnumber the melody in the melody range are never taken for it")
    func drumsAreNotTheMelody() throws {
        let notes = Self.scale(channel: 9, count: 16) + Self.scale(channel: 2, count: 4).map {
            var note = $0
            note.pitch -= 12
            return note
        }
        let midi = try MIDIFile(bytes: Self.bytes(notes))
        let melody = try MelodyExtractor.melody(from: midi)
        #expect(melody.channel == 2)
        #expect(melody.sounding.allSatisfy { $0.channel == 2 })
        #expect(melody.sounding.count == 4)
    }

    @Test("a chosen track holding only drums gives the percussion reason, naming the track")
    func chosenDrumTrack() throws {
        let notes = Self.scale(channel: 0, track: 0) + Self.scale(channel: 9, track: 1)
        let midi = try MIDIFile(bytes: MIDIFile(notes: notes, format: 1, ticksPerQuarter: 480).encoded())
        #expect(throws: MelodyError.percussionOnly(track: 1, notes: 8)) {
            try MelodyExtractor.melody(from: midi, track: 1)
        }
        #expect(try MelodyExtractor.melody(from: midi).track == 0)
    }

    /// A folder with three good tunes and `cut.mid`, a tune whose last 6 bytes are missing.
    static func folderWithTruncatedFile() throws -> URL {
        let folder = try TestPaths.makeTemporaryDirectory("corpus-truncated")
        for index in 0..<3 {
            try Data(Self.bytes(Self.scale(channel: 0, count: 8 + index)))
                .write(to: folder.appendingPathComponent("tune\(index).mid"))
        }
        let whole = Self.bytes(Self.scale(channel: 0, count: 12))
        try Data(whole.dropLast(6)).write(to: folder.appendingPathComponent("cut.mid"))
        return folder
    }

    @Test("a truncated file is read, and listed as repaired with where it was cut")
    func truncatedFileIsListedAsRepaired() throws {
        let folder = try Self.folderWithTruncatedFile()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = try CorpusBuilder.build(
            inputs: [folder], settings: TokenizerSettings(scheme: .grid), split: .allTrain)
        #expect(corpus.train.map(\.name).contains("cut.mid"))
        #expect(corpus.skipped.isEmpty)
        #expect(corpus.repaired.map(\.path) == ["cut.mid"])
        let repair = try #require(corpus.repaired.first?.repair)
        #expect(repair.hasPrefix("truncated, repaired: MTrk chunk declares"), "\(repair)")
        #expect(repair.contains("(byte 18, track 0)"), "names the offset: \(repair)")
    }

    @Test("with strict reading a truncated file is skipped with its reason and offset")
    func strictSkipsTruncatedFile() throws {
        let folder = try Self.folderWithTruncatedFile()
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = try CorpusBuilder.build(
            inputs: [folder], settings: TokenizerSettings(scheme: .grid), split: .allTrain,
            readOptions: MIDIReadOptions(strict: true))
        #expect(corpus.train.map(\.name) == ["tune0.mid", "tune1.mid", "tune2.mid"])
        #expect(corpus.repaired.isEmpty)
        #expect(corpus.skipped.map(\.path) == ["cut.mid"])
        #expect(corpus.skipped.first?.reason.contains("MTrk chunk declares") == true)
        #expect(corpus.skipped.first?.reason.contains("byte 18") == true)
    }
}
