import Foundation
import MIDI
import MusicEncoding
import Testing
import TestSupport

@Suite("Repeats folded from played-out notes")
struct RepeatFolderTests {
    /// A bar of 4/4 quavers, or the given notes, from pitches.
    private func bar(_ pitches: [Int], length: Double = 4) -> TuneBar {
        let step = length / Double(pitches.count)
        return TuneBar(
            length: length,
            notes: pitches.enumerated().map { TuneNote(pitch: $1, onset: Double($0) * step, duration: step) })
    }

    private func phrase(_ base: Int, bars count: Int) -> [TuneBar] {
        (0..<count).map { bar([base + $0, base + $0 + 2, base + $0 + 4, base + $0 + 7]) }
    }

    @Test("AABB of 8-bar parts folds into two repeated parts; the B part's last bars become endings")
    func aabbWithEndings() {
        let a = phrase(60, bars: 8)
        let b = phrase(70, bars: 7)
        let ending1 = bar([79, 77, 76, 74])
        let ending2 = bar([72, 72, 72, 72])
        let played = a + a + b + [ending1] + b + [ending2]
        let sections = RepeatFolder.fold(played)
        #expect(sections.count == 2)
        #expect(sections[0].passes == 2 && sections[0].bars.count == 8 && sections[0].endings.isEmpty)
        #expect(sections[1].passes == 2 && sections[1].bars.count == 7)
        #expect(sections[1].endings == [[ending1], [ending2]])
        let tune = FormedTune(metre: Metre(4, 4), sections: sections)
        #expect(tune.playedBars == played)
    }

    @Test("a pickup bar and bars in no repeat stay in sections played once")
    func pickupAndUnrepeated() {
        let pickup = TuneBar(length: 4, notes: [TuneNote(pitch: 67, onset: 3, duration: 1)])
        let a = phrase(62, bars: 4)
        let tail = phrase(50, bars: 3)
        let played = [pickup] + a + a + tail
        let sections = RepeatFolder.fold(played)
        #expect(sections.map(\.passes) == [1, 2, 1])
        #expect(sections.map(\.bars.count) == [1, 4, 3])
        #expect(FormedTune(metre: Metre(4, 4), sections: sections).playedBars == played)
    }

    @Test("bars that sound alike but differ in the note held over into them are not folded")
    func heldOverNotesCount() {
        // The bar after `tied` starts with the held note; its twin does not.
        let plain = phrase(60, bars: 4)
        var tied = plain
        tied[3] = TuneBar(length: 4, notes: [TuneNote(pitch: 60, onset: 0, duration: 6)])
        let next = TuneBar(length: 4, notes: [TuneNote(pitch: 64, onset: 2, duration: 2)])
        let played = plain + [next] + tied + [next] + plain
        let sections = RepeatFolder.fold(played)
        let tune = FormedTune(metre: Metre(4, 4), sections: sections)
        #expect(tune.playedBars == played)
        #expect(!sections.contains { $0.isRepeated && $0.bars.count >= 4 && $0.bars[0] == plain[0] && $0.bars.contains(next) })
    }

    @Test("notes are cut into bars by the metre; a metre change starts new bars")
    func barsFromMetres() {
        let notes = [
            TuneNote(pitch: 60, onset: 0, duration: 3), TuneNote(pitch: 62, onset: 3, duration: 1.5),
            TuneNote(pitch: 64, onset: 6, duration: 2), TuneNote(pitch: 65, onset: 8, duration: 2),
        ]
        let bars = RepeatFolder.bars(of: notes, metres: [(0, Metre(3, 4)), (6, Metre(2, 4))])
        #expect(bars.map(\.length) == [3, 3, 2, 2])
        #expect(bars.map { $0.notes.map(\.pitch) } == [[60], [62], [64], [65]])
        #expect(bars[2].metreChange == Metre(2, 4) && bars[1].metreChange == nil)
        let tune = FormedTune(metre: Metre(3, 4), sections: RepeatFolder.fold(bars))
        #expect(tune.unrolled() == notes)
    }

    @Test("a melody without notes is refused with the reason")
    func noNotes() {
        let midi = MIDIFile(notes: [], format: 1, ticksPerQuarter: 480, trackNames: ["empty"])
        #expect(throws: MelodyError.self) {
            let melody = try MelodyExtractor.melody(from: midi)
            _ = try FormedTune(folding: melody)
        }
    }

    @Test("Nottingham MIDI melodies: folding gives back every note, and finds the ABC source's repeats")
    func nottingham() throws {
        guard let folder = NottinghamCorpus.melodyFolder else {
            print("skipped: the Nottingham melodies are not present under ../shared")
            return
        }
        let (sources, _) = try NottinghamCorpus.tunes()
        let byName = Dictionary(sources.map { ($0.midiName, $0) }, uniquingKeysWith: { first, _ in first })
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mid") }.sorted()
        var roundTripFailures: [String] = []
        var compared = 0
        var withRepeats = 0
        var matched = 0
        var matchedWithEndings = 0
        var sameNotes = 0
        var sameWithRepeats = 0
        var mismatches: [String] = []
        var matchedSame = 0
        var allFound = 0
        for file in files {
            let midi = try MIDIFile.read(contentsOf: folder.appendingPathComponent(file))
            let melody = try MelodyExtractor.melody(from: midi)
            let form = try FormedTune(folding: melody)
            let quarter = Double(melody.ticksPerQuarter)
            let input = melody.notes.map {
                TuneNote(pitch: $0.pitch, onset: Double($0.startTick) / quarter, duration: Double($0.endTick - $0.startTick) / quarter)
            }
            if form.unrolled() != input { roundTripFailures.append(file) }

            guard let source = byName[file] else { continue }
            compared += 1
            let tune = source.tune
            let bar = Double(tune.numerator) * 4 / Double(tune.denominator)
            let offset = tune.pickup > 0 ? bar - tune.pickup : 0
            let abcNotes = tune.events.map { TuneNote(pitch: $0.pitch, onset: $0.start + offset, duration: $0.duration) }
            let sameAsReader = abcNotes.count == input.count && zip(abcNotes, input).allSatisfy({ $0.matches($1, tolerance: 0.01) })
            if sameAsReader { sameNotes += 1 }
            let expected = tune.form.repeatedParts.map {
                FormedTune.RepeatedPart(start: $0.start + offset, passLength: $0.passLength, hasEndings: $0.hasEndings)
            }
            guard !expected.isEmpty else { continue }
            if sameAsReader { sameWithRepeats += 1 }
            withRepeats += 1
            let found = form.repeatedParts
            let tolerance = form.metre.barQuarters - 1e-6
            let same = found.count == expected.count && zip(found, expected).allSatisfy {
                abs($0.start - $1.start) < tolerance && abs($0.passLength - $1.passLength) < tolerance
            }
            let near = { (a: FormedTune.RepeatedPart, b: FormedTune.RepeatedPart) in
                abs(a.start - b.start) < tolerance && abs(a.passLength - b.passLength) < tolerance
            }
            if expected.allSatisfy({ part in found.contains { near($0, part) } }) { allFound += 1 }
            if same {
                matched += 1
                if sameAsReader { matchedSame += 1 }
                if zip(found, expected).allSatisfy({ $0.hasEndings == $1.hasEndings }) { matchedWithEndings += 1 }
            } else if mismatches.count < 8 && sameAsReader {
                mismatches.append("\(file): ABC \(expected.map { "\($0.start)+\($0.passLength)" }) folded \(found.map { "\($0.start)+\($0.passLength)" })")
            }
        }
        let share = Double(matched) / Double(max(withRepeats, 1))
        print("""
            Nottingham melodies: \(files.count) files, round trip differs for \(roundTripFailures.count) \(roundTripFailures)
            paired with their ABC source: \(compared); same notes as the ABC reader: \(sameNotes)
            ABC source has repeats: \(withRepeats); folded repeats match: \(matched) (\(Int((share * 1000).rounded()) / 10)%), \
            also the same endings: \(matchedWithEndings)
            every ABC repeat found (further folds allowed): \(allFound); \
            among the \(sameWithRepeats) tunes with repeats whose MIDI notes are the reader's: \(matchedSame) match
            first mismatches among those: \(mismatches.joined(separator: "\n  "))
            """)
        #expect(files.count > 1_000)
        #expect(roundTripFailures.isEmpty)
        // Where the MIDI plays the tune as the reader does, the folded repeats are the ABC's
        // for most tunes; the rest differ by repeats the ABC writes out, playing orders the
        // MIDI follows (Y:, P:) and pickups inside repeats.
        #expect(share > 0.5)
        #expect(Double(matchedSame) > 0.8 * Double(sameWithRepeats))
    }
}
