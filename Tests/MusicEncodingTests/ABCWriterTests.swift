import Foundation
import MIDI
import MusicEncoding
import Testing
import TestSupport

@Suite("ABC writer")
struct ABCWriterTests {
    /// The notes the project's reader plays from ABC text, in quarters, placed as its MIDI
    /// file places them (a pickup ends bar 0).
    private func readBack(_ text: String) throws -> [TuneNote] {
        let results = ABCTuneBook.parse(text, fileName: "written.abc")
        #expect(results.count == 1)
        let midi = try results[0].get().midiFile()
        return midi.notes.map {
            TuneNote(pitch: $0.pitch, onset: Double($0.startTick) / 480, duration: Double($0.endTick - $0.startTick) / 480)
        }
    }

    private func same(_ a: [TuneNote], _ b: [TuneNote], tolerance: Double = 0.004) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.matches($1, tolerance: tolerance) }
    }

    private func notes(_ list: [(Int, Double, Double)]) -> [TuneNote] {
        list.map { TuneNote(pitch: $0.0, onset: $0.1, duration: $0.2) }
    }

    @Test("header, accidentals against the key, octaves, a tie over the bar line, a triplet and rests")
    func notation() throws {
        // G major, 4/4: F natural (needs =), F sharp again in the same bar (needs ^),
        // C3 and E6 (octave marks), B held over the bar line, a quaver triplet, a rest.
        let played = notes([
            (65, 0, 1), (66, 1, 1), (48, 2, 0.5), (88, 2.5, 0.5), (71, 3, 2),
            (72, 5, 1.0 / 3), (74, 5 + 1.0 / 3, 1.0 / 3), (76, 5 + 2.0 / 3, 1.0 / 3), (79, 7, 1),
        ])
        let bars = RepeatFolder.bars(of: played, metres: [(0, Metre(4, 4))])
        let tune = FormedTune(metre: Metre(4, 4), sharps: 1, sections: [TuneSection(bars: bars)])
        let text = try ABCWriter.abc(for: tune, reference: 3, title: "Test")
        let lines = text.split(separator: "\n").map(String.init)
        #expect(Array(lines.prefix(6)) == ["X:3", "T:Test", "M:4/4", "L:1/8", "Q:1/4=120", "K:G"])
        let body = lines.dropFirst(6).joined(separator: " ")
        #expect(body.contains("=F2^F2"))
        #expect(body.contains("C,e'"))
        #expect(body.contains("B2-"))
        #expect(body.contains("(3cde"))
        #expect(body.contains("z2"))
        #expect(same(try readBack(text), played))
    }

    @Test("repeated parts get |: :| and endings [1 :|[2; the read-back plays the repeats")
    func repeatsAndEndings() throws {
        let a = (0..<4).map { TuneBar(length: 3, notes: notes([(62 + $0, 0, 1.5), (66 + $0, 1.5, 1.5)])) }
        let first = TuneBar(length: 3, notes: notes([(74, 0, 3)]))
        let second = TuneBar(length: 3, notes: notes([(62, 0, 3)]))
        let tune = FormedTune(
            metre: Metre(6, 8), sharps: 2,
            sections: [TuneSection(bars: a), TuneSection(bars: a, passes: 2, endings: [[first], [second]])])
        let text = try ABCWriter.abc(for: tune, title: "Parts")
        #expect(text.contains("|: "))
        #expect(text.contains("[1 d6 :| [2 D6 |]"))
        #expect(same(try readBack(text), tune.unrolled()))
    }

    @Test("a minor key, a flat key and a pickup bar")
    func keysAndPickup() throws {
        #expect(ABCWriter.keyName(sharps: -2, minor: true) == "Gm")
        #expect(ABCWriter.keyName(sharps: 3, minor: false) == "A")
        #expect(ABCWriter.keyName(sharps: 0, minor: true) == "Am")
        // A crotchet pickup at the end of bar 0, then a bar of 3/4: written as a short first bar.
        let played = notes([(67, 2, 1), (70, 3, 1), (69, 4, 1), (67, 5, 1)])
        let bars = RepeatFolder.bars(of: played, metres: [(0, Metre(3, 4))])
        let tune = FormedTune(metre: Metre(3, 4), sharps: -2, minor: true, sections: [TuneSection(bars: bars)])
        let text = try ABCWriter.abc(for: tune, title: "Pickup")
        #expect(text.contains("K:Gm"))
        #expect(text.split(separator: "\n").dropFirst(6).first?.hasPrefix("G2 |") == true)
        #expect(same(try readBack(text), played))
    }

    @Test("a metre change is written as an inline M: field, kept in the form read back, same notes")
    func metreChange() throws {
        let played = notes([(60, 0, 3), (62, 3, 3), (64, 6, 2), (65, 8, 2), (67, 10, 3)])
        let bars = RepeatFolder.bars(of: played, metres: [(0, Metre(3, 4)), (6, Metre(2, 4)), (10, Metre(3, 4))])
        let tune = FormedTune(metre: Metre(3, 4), sections: [TuneSection(bars: bars)])
        let text = try ABCWriter.abc(for: tune, title: "Metres")
        #expect(text.contains("\n[M:2/4] ") && text.contains("\n[M:3/4] "))
        let read = try ABCTuneBook.parse(text, fileName: "metres.abc")[0].get()
        #expect(read.form.writtenBars.compactMap(\.metreChange) == [Metre(2, 4), Metre(3, 4)])
        #expect(read.numerator == 3 && read.denominator == 4)
        #expect(same(try readBack(text), played))
    }

    @Test("a tune without notes, overlapping notes and a zero-length note are refused with the bar")
    func refusals() {
        let empty = FormedTune(metre: Metre(4, 4), sections: [TuneSection(bars: [TuneBar(length: 4, notes: [])])])
        #expect(throws: ABCWriteError.noNotes) { try ABCWriter.abc(for: empty, title: "Empty") }
        let overlap = FormedTune(
            metre: Metre(4, 4),
            sections: [TuneSection(bars: [TuneBar(length: 4, notes: notes([(60, 0, 2), (62, 1, 1)]))])])
        #expect(throws: ABCWriteError.overlappingNotes(bar: 1)) { try ABCWriter.abc(for: overlap, title: "Overlap") }
        let zero = FormedTune(
            metre: Metre(4, 4),
            sections: [TuneSection(bars: [TuneBar(length: 4, notes: notes([(60, 0, 1)])), TuneBar(length: 4, notes: notes([(60, 0, 0)]))])])
        #expect(throws: ABCWriteError.zeroLength(bar: 2)) { try ABCWriter.abc(for: zero, title: "Zero") }
        #expect(ABCWriteError.overlappingNotes(bar: 1).description == "bar 1: notes overlap (ABC writes one voice)")
    }

    /// The melody of a MIDI file as notes in quarters, and its folded form.
    private func melody(_ url: URL) throws -> (notes: [TuneNote], form: FormedTune) {
        let melody = try MelodyExtractor.melody(from: try MIDIFile.read(contentsOf: url))
        let quarter = Double(melody.ticksPerQuarter)
        let notes = melody.notes.map {
            TuneNote(pitch: $0.pitch, onset: Double($0.startTick) / quarter, duration: Double($0.endTick - $0.startTick) / quarter)
        }
        return (notes, try FormedTune(folding: melody))
    }

    @Test("every Nottingham melody, folded and written as ABC, reads back to the same notes")
    func nottinghamRoundTrip() throws {
        guard let folder = NottinghamCorpus.melodyFolder else {
            print("skipped: the Nottingham melodies are not present under ../shared")
            return
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mid") }.sorted()
        var exceptions: [String] = []
        var repeatSigns = 0
        for file in files {
            let (played, form) = try melody(folder.appendingPathComponent(file))
            do {
                let text = try ABCWriter.abc(for: form, title: file)
                if text.contains(":|") { repeatSigns += 1 }
                if !same(try readBack(text), played) { exceptions.append("\(file): notes differ") }
            } catch {
                exceptions.append("\(file): \(error)")
            }
        }
        print("Nottingham MIDI -> ABC -> reader: \(files.count) tunes, \(repeatSigns) written with repeat signs, \(exceptions.count) exceptions \(exceptions)")
        #expect(files.count > 1_000)
        #expect(exceptions.isEmpty)
    }

    @Test("abc2midi, an independent reader, reads the written ABC without errors to the same pitches and onsets")
    func abc2midiReadsSample() throws {
        guard let folder = NottinghamCorpus.melodyFolder else {
            print("skipped: the Nottingham melodies are not present under ../shared")
            return
        }
        let abc2midi = URL(fileURLWithPath: "/usr/bin/abc2midi")
        guard FileManager.default.isExecutableFile(atPath: abc2midi.path) else {
            print("skipped: abc2midi (Debian package abcmidi) is not installed")
            return
        }
        let scratch = try TestPaths.makeTemporaryDirectory("abc2midi")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mid") }.sorted()
        let sample = stride(from: 0, to: files.count, by: 4).map { files[$0] }
        var differing: [String] = []
        var warnings = 0
        for file in sample {
            let (played, form) = try melody(folder.appendingPathComponent(file))
            let abc = scratch.appendingPathComponent("tune.abc")
            let out = scratch.appendingPathComponent("tune.mid")
            try ABCWriter.abc(for: form, title: file).write(to: abc, atomically: true, encoding: .utf8)
            let result = try runProcess(abc2midi, [abc.path, "-o", out.path])
            let messages = result.standardOutput + result.standardError
            #expect(result.status == 0 && !messages.contains("Error"), "\(file): \(messages)")
            // abc2midi warns of triplets whose notes differ in length, which ABC allows.
            warnings += messages.split(separator: "\n").filter { $0.contains("Warning") }.count
            let midi = try MIDIFile.read(contentsOf: out)
            guard case .ticksPerQuarter(let ticks) = midi.division else {
                Issue.record("\(file): abc2midi wrote SMPTE time")
                continue
            }
            let theirs = midi.notes.sorted { ($0.startTick, -$0.pitch) < ($1.startTick, -$1.pitch) }
            // Onsets from the first note: abc2midi does not place a pickup in a bar 0.
            let ours = played.first?.onset ?? 0
            let their = Double(theirs.first?.startTick ?? 0) / Double(ticks)
            let same = theirs.count == played.count && zip(theirs, played).allSatisfy {
                $0.pitch == $1.pitch && abs(Double($0.startTick) / Double(ticks) - their - ($1.onset - ours)) < 0.004
            }
            if !same { differing.append(file) }
        }
        print("abc2midi read \(sample.count) written tunes (\(warnings) warnings); pitches or onsets differ for \(differing.count) \(differing)")
        #expect(differing.isEmpty)
    }
}
