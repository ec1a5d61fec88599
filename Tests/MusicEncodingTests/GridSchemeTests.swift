import Foundation
import MIDI
import MusicEncoding
import Testing
import TestSupport

@Suite("Grid token scheme")
struct GridSchemeTests {
    let tokenizer = MusicTokenizer(settings: TokenizerSettings(scheme: .grid))

    @Test("the shift to C major / A minor for every key signature", arguments: -7...7)
    func shiftToC(sharps: Int) {
        let shift = GridScheme.shiftToC(sharps: sharps)
        #expect((-6...5).contains(shift))
        // The major tonic (7 x sharps semitones above C, modulo 12) lands on C.
        #expect(((7 * sharps + shift) % 12 + 12) % 12 == 0)
    }

    @Test("a D major tune: steps, holds, rests, bars, transposed to C")
    func encodeSmallTune() throws {
        // 480 ticks per quarter; 3/4; D major. A pickup quarter rest, then D5 (quarter),
        // F#5 (eighth), rest (eighth), A5 across the bar line (half + quarter).
        let notes = [
            Note(pitch: 74, startTick: 480, endTick: 960, start: 0, end: 0),
            Note(pitch: 78, startTick: 960, endTick: 1200, start: 0, end: 0),
            Note(pitch: 81, startTick: 1440, endTick: 2400, start: 0, end: 0),
        ]
        let midi = MIDIFile(
            notes: notes, ticksPerQuarter: 480,
            timeSignatures: [TimeSignature(tick: 0, numerator: 3, denominator: 4)],
            keySignatures: [KeySignature(tick: 0, sharps: 2, minor: false)])
        let encoded = try tokenizer.tokens(for: midi)
        #expect(encoded.transposition == -2)
        let on = { (pitch: Int) in GridScheme.firstNoteOn + pitch - 36 }
        let (rest, hold, bar) = (GridScheme.rest, GridScheme.hold, GridScheme.bar)
        #expect(encoded.tokens == [
            bar, rest, rest, rest, rest, on(72), hold, hold, hold, on(76), hold, rest, rest,
            bar, on(79), hold, hold, hold, hold, hold, hold, hold,
        ])
        #expect(tokenizer.name(of: on(72)) == "C5")
        // Back in D major at the tune's own tempo and metre: the same notes in beats.
        let decoded = tokenizer.decode(encoded.tokens, options: encoded.decodeOptions)
        #expect(decoded.notes.map { [$0.pitch, $0.startTick, $0.endTick] } == notes.map { [$0.pitch, $0.startTick, $0.endTick] })
        #expect(decoded.keySignatures.map(\.sharps) == [2])
        #expect(decoded.timeSignatures.map(\.numerator) == [3])
    }

    @Test("a bar token arriving mid-bar fills to the next bar line")
    func barAlignment() {
        let on60 = GridScheme.firstNoteOn + 60 - 36
        let tokens = [GridScheme.bar, on60, GridScheme.hold, GridScheme.bar, on60]
        let aligned = tokenizer.decode(tokens, options: DecodeOptions(numerator: 2, denominator: 4))
        #expect(aligned.notes.map { [$0.startTick, $0.endTick] } == [[0, 960], [960, 1080]])
        let unaligned = tokenizer.decode(tokens, options: DecodeOptions(numerator: 2, denominator: 4, alignBars: false))
        #expect(unaligned.notes.map { [$0.startTick, $0.endTick] } == [[0, 240], [240, 360]])
    }

    @Test("every Nottingham melody note on the grid keeps its pitch and onset through tokens and MIDI", .requiresShared("corpora/nottingham/full"))
    func nottinghamRoundTrip() throws {
        let folder = try #require(TestPaths.shared("corpora/nottingham/full"))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mid") }.sorted()
        #expect(files.count == 1034)
        var checkedNotes = 0
        for name in files {
            let midi = try MIDIFile.read(contentsOf: folder.appendingPathComponent(name))
            let melody = try MelodyExtractor.melody(from: midi)
            let encoded = try tokenizer.tokens(for: midi)
            var options = encoded.decodeOptions
            options.alignBars = Set(melody.timeSignatures.map { "\($0.numerator)/\($0.denominator)" }).count == 1
            let decoded = tokenizer.decode(encoded.tokens, options: options)
            // Onsets in quarter notes; original notes on the 16th grid must all come back.
            let quarter = Double(melody.ticksPerQuarter)
            let decodedQuarter = Double(options.ticksPerQuarter)
            let back = Set(decoded.notes.map { "\($0.pitch)@\(Double($0.startTick) / decodedQuarter)" })
            var onGrid = 0
            var missing: [String] = []
            for note in melody.notes where note.startTick % (melody.ticksPerQuarter / 4) == 0 {
                onGrid += 1
                let key = "\(note.pitch)@\(Double(note.startTick) / quarter)"
                if !back.contains(key) { missing.append(key) }
            }
            #expect(missing.isEmpty, "\(name): \(missing.prefix(5))")
            #expect(decoded.notes.count == melody.notes.count - encoded.droppedNotes, "\(name)")
            checkedNotes += onGrid
        }
        #expect(checkedNotes > 150_000)
    }
}
