import Foundation
import MIDI
import MusicEncoding
import Testing
import TestSupport

@Suite("Corpus building, windows and settings")
struct CorpusBuilderTests {
    @Test("windows of the given length and stride; the last ends at the tune's end; short tunes are padded")
    func windows() {
        let tokenizer = MusicTokenizer(settings: TokenizerSettings(scheme: .paper, windowLength: 4, stride: 3))
        #expect(tokenizer.windows(of: Array(1...10)) == [[1, 2, 3, 4], [4, 5, 6, 7], [7, 8, 9, 10]])
        #expect(tokenizer.windows(of: Array(1...11)) == [[1, 2, 3, 4], [4, 5, 6, 7], [7, 8, 9, 10], [8, 9, 10, 11]])
        #expect(tokenizer.windows(of: [5, 6]) == [[5, 6, 0, 0]])
        #expect(tokenizer.windows(of: []) == [])
    }

    @Test("settings survive JSON and missing keys take their defaults")
    func settingsCodable() throws {
        var settings = TokenizerSettings(scheme: .grid, windowLength: 48, stride: 12, melodyTrack: 2)
        settings.transposeToC = false
        let data = try JSONEncoder().encode(settings)
        #expect(try JSONDecoder().decode(TokenizerSettings.self, from: data) == settings)
        let partial = try JSONDecoder().decode(TokenizerSettings.self, from: Data(#"{"scheme":"grid"}"#.utf8))
        #expect(partial == TokenizerSettings(scheme: .grid))
        #expect(partial.windowLength == 64)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(TokenizerSettings.self, from: Data(#"{"scheme":"paper","stride":0}"#.utf8))
        }
    }

    @Test("the bundled folk corpus splits by tune, deterministically from the seed")
    func seededSplit() throws {
        let folder = TestPaths.repositoryRoot.appendingPathComponent("corpora/folk")
        let settings = TokenizerSettings(scheme: .grid)
        let first = try CorpusBuilder.build(inputs: [folder], settings: settings, split: .seeded(seed: 7))
        let again = try CorpusBuilder.build(inputs: [folder], settings: settings, split: .seeded(seed: 7))
        let other = try CorpusBuilder.build(inputs: [folder], settings: settings, split: .seeded(seed: 8))
        let names = { (tunes: [MusicCorpus.Tune]) in tunes.map(\.name) }
        #expect(names(first.test) == names(again.test))
        #expect(names(first.train) == names(again.train))
        #expect(names(first.test) != names(other.test) || names(first.validation) != names(other.validation))
        let all = first.allTunes.map(\.name)
        #expect(Set(all).count == all.count)  // no tune in two splits
        #expect(first.test.count >= 1 && first.validation.count >= 1)
        #expect(first.skipped.isEmpty)
        #expect(first.sequences(.train).allSatisfy { $0.count == 64 })
        #expect(first.sequences(.train).joined().allSatisfy { (0..<first.vocabularySize).contains($0) })
    }

    @Test("unreadable files are skipped with their reason; folders are searched recursively")
    func skippedFiles() throws {
        let folder = try TestPaths.makeTemporaryDirectory("corpus")
        defer { try? FileManager.default.removeItem(at: folder) }
        let nested = folder.appendingPathComponent("a/b")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        let good = MIDIFile(notes: [Note(pitch: 70, startTick: 0, endTick: 480, start: 0, end: 0)], ticksPerQuarter: 480)
        try good.write(to: nested.appendingPathComponent("good.mid"))
        try Data("not midi at all".utf8).write(to: folder.appendingPathComponent("text.mid"))
        try MIDIFile(notes: [], ticksPerQuarter: 480).write(to: folder.appendingPathComponent("empty.mid"))
        try Data("ignored".utf8).write(to: folder.appendingPathComponent("readme.txt"))
        let corpus = try CorpusBuilder.build(
            inputs: [folder], settings: TokenizerSettings(scheme: .paper), split: .allTrain)
        #expect(corpus.filesRead == 3)
        #expect(corpus.train.map(\.name) == ["a/b/good.mid"])
        #expect(corpus.skipped.map(\.path) == ["empty.mid", "text.mid"])
        #expect(corpus.skipped.map(\.reason) == ["the file has no notes", "not a Standard MIDI File (no MThd header) (byte 0)"])
    }

    @Test("a folder given as a symbolic link is searched like the folder, its files named under the link")
    func symbolicLinkFolder() throws {
        let scratch = try TestPaths.makeTemporaryDirectory("corpus-link")
        let folder = scratch.appendingPathComponent("tunes/reels")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let tune = MIDIFile(notes: [Note(pitch: 70, startTick: 0, endTick: 480, start: 0, end: 0)], ticksPerQuarter: 480)
        try tune.write(to: folder.appendingPathComponent("one.mid"))
        try tune.write(to: scratch.appendingPathComponent("tunes/two.mid"))
        let link = scratch.appendingPathComponent("linked")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: scratch.appendingPathComponent("tunes"))
        // A file in the folder that links to a file elsewhere keeps its own name.
        try FileManager.default.createSymbolicLink(
            at: folder.appendingPathComponent("three.mid"), withDestinationURL: scratch.appendingPathComponent("tunes/two.mid"))
        let direct = try CorpusBuilder.inputFiles([scratch.appendingPathComponent("tunes")])
        let linked = try CorpusBuilder.inputFiles([link])
        #expect(direct.map(\.name) == ["reels/one.mid", "reels/three.mid", "two.mid"])
        #expect(linked.map(\.name) == direct.map(\.name))
        #expect(linked.map(\.url.path) == ["one.mid", "three.mid"].map { link.path + "/reels/" + $0 } + [link.path + "/two.mid"])
    }

    @Test("the Nottingham split lists give 828 / 103 / 103 tunes", .requiresShared("corpora/nottingham"))
    func nottinghamLists() throws {
        let root = try #require(TestPaths.shared("corpora/nottingham"))
        let corpus = try CorpusBuilder.build(
            inputs: [root.appendingPathComponent("melody")], settings: TokenizerSettings(scheme: .paper),
            split: .lists(root.appendingPathComponent("splits")))
        let counts: [Int] = [corpus.train.count, corpus.validation.count, corpus.test.count]
        #expect(counts == [828, 103, 103])
        #expect(corpus.skipped.isEmpty)
        let testList = try String(contentsOf: root.appendingPathComponent("splits/test.txt"), encoding: .utf8)
        let listed = testList.split(separator: "\n").map { String($0.split(separator: "/").last ?? "") }
        #expect(corpus.test.map(\.name) == listed)
    }

    @Test("the melody is the track with most notes in melody range, reduced to its highest voice")
    func melodyChoice() throws {
        let notes = [
            // Track 0: bass, many notes below the melody range.
            Note(track: 0, pitch: 40, startTick: 0, endTick: 100, start: 0, end: 0),
            Note(track: 0, pitch: 41, startTick: 100, endTick: 200, start: 0, end: 0),
            Note(track: 0, pitch: 43, startTick: 200, endTick: 300, start: 0, end: 0),
            // Track 1 channel 2: the tune, with a double stop and a lower note under a held one.
            Note(track: 1, channel: 2, pitch: 72, startTick: 0, endTick: 200, start: 0, end: 0),
            Note(track: 1, channel: 2, pitch: 67, startTick: 0, endTick: 200, start: 0, end: 0),
            Note(track: 1, channel: 2, pitch: 76, startTick: 100, endTick: 300, start: 0, end: 0),
            Note(track: 1, channel: 2, pitch: 60, startTick: 150, endTick: 250, start: 0, end: 0),
            // Track 2: a single other note in range.
            Note(track: 2, pitch: 80, startTick: 0, endTick: 100, start: 0, end: 0),
        ]
        let midi = MIDIFile(notes: notes, ticksPerQuarter: 96)
        let melody = try MelodyExtractor.melody(from: midi)
        #expect(melody.track == 1)
        #expect(melody.notes.map { [$0.pitch, $0.startTick, $0.endTick] } == [[72, 0, 100], [76, 100, 300]])
        #expect(try MelodyExtractor.melody(from: midi, track: 0).notes.count == 3)
        #expect(throws: MelodyError.noSuchTrack(5, trackCount: 3)) { try MelodyExtractor.melody(from: midi, track: 5) }
    }

    @Test("two-track files: track 0 when it is the upper part, otherwise the most melodic track")
    func twoTrackLayout() throws {
        let upper = [
            Note(track: 0, pitch: 76, startTick: 0, endTick: 100, start: 0, end: 0),
            Note(track: 1, pitch: 38, startTick: 0, endTick: 100, start: 0, end: 0),
            Note(track: 1, pitch: 45, startTick: 0, endTick: 100, start: 0, end: 0),
            Note(track: 1, pitch: 50, startTick: 100, endTick: 200, start: 0, end: 0),
        ]
        #expect(try MelodyExtractor.melody(from: MIDIFile(notes: upper, ticksPerQuarter: 96)).track == 0)
        // The same file with the parts swapped: track 0 is now the bass.
        let swapped = upper.map { note -> Note in
            var note = note
            note.track = 1 - note.track
            return note
        }
        #expect(try MelodyExtractor.melody(from: MIDIFile(notes: swapped, ticksPerQuarter: 96)).track == 1)
    }
}
