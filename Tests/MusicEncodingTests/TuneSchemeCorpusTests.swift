import Foundation
import MusicEncoding
import Testing

/// The tune scheme over every Nottingham ABC tune: round trips, the grammar, and the
/// measurements that chose the scheme's settings (printed).
@Suite("Tune scheme on the Nottingham ABC tunes")
struct TuneSchemeCorpusTests {
    let scheme = TuneScheme()

    /// The Nottingham tunes, or `nil` (with the reason printed) when the data is absent.
    private func corpus() throws -> [NottinghamCorpus.SourceTune]? {
        let (tunes, _) = try NottinghamCorpus.tunes()
        guard !tunes.isEmpty else {
            print("skipped: the Nottingham ABC corpus is not present under ../shared")
            return nil
        }
        return tunes
    }

    /// The tune as the scheme keeps it: transposed, pitches in range, times on the grid of
    /// twelfths, a chord's top note, no labels.
    private func expected(_ tune: FormedTune) -> FormedTune {
        let shift = GridScheme.shiftToC(sharps: tune.sharps)
        func units(_ value: Double) -> Int { Int((value * 12).rounded()) }
        func grid(_ value: Double) -> Double { Double(units(value)) / 12 }
        func bar(_ bar: TuneBar) -> TuneBar {
            var notes: [TuneNote] = []
            for note in bar.notes {
                let kept = TuneNote(pitch: scheme.pitchInRange(note.pitch + shift), onset: grid(note.onset), duration: Double(units(note.end) - units(note.onset)) / 12)
                if let last = notes.last, last.onset == kept.onset {
                    if kept.pitch > last.pitch { notes[notes.count - 1] = kept }
                } else {
                    notes.append(kept)
                }
            }
            return TuneBar(length: grid(bar.length), notes: notes, metreChange: bar.metreChange)
        }
        return FormedTune(
            metre: tune.metre, sharps: 0, minor: tune.minor,
            sections: tune.sections.compactMap { section in
                let bars = section.bars.map(bar)
                let endings = section.endings.map { $0.map(bar) }
                return bars.isEmpty && endings.allSatisfy(\.isEmpty) ? nil
                    : TuneSection(bars: bars, passes: section.passes, endings: endings)
            })
    }

    private func sameNotes(_ a: [TuneNote], _ b: [TuneNote]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.matches($1, tolerance: 1e-6) }
    }

    @Test("every tune encodes and decodes back to its form and its notes; exceptions are counted by cause")
    func roundTrip() throws {
        guard let tunes = try corpus() else { return }
        var refused: [String] = []
        var report = TuneScheme.EncodingReport()
        var formDiffers: [String] = []
        var notesDiffer: [String] = []
        var unexplained: [String] = []
        for source in tunes {
            let encoded: TuneScheme.Encoded
            do {
                encoded = try scheme.encode(source.tune.form)
            } catch {
                refused.append("\(source.midiName): \(error)")
                continue
            }
            report.add(encoded.report)
            let decoded = scheme.decode(encoded.tokens)
            #expect(decoded.skippedTokens == 0 && decoded.impliedTokens == 0 && !decoded.unfinished)
            let want = expected(source.tune.form)
            let r = encoded.report
            let formExplained = r.mergedBars + r.rewrittenMetres + r.cutBars + r.filledBars + r.shortenedNotes > 0
            let notesExplained = r.cutBars + r.filledBars + r.shortenedNotes + r.droppedChordNotes > 0
            if decoded.tune != want {
                formDiffers.append(source.midiName)
                if !formExplained { unexplained.append("form of \(source.midiName)") }
            }
            if !sameNotes(decoded.tune.unrolled(), want.unrolled()) {
                notesDiffer.append(source.midiName)
                if !notesExplained { unexplained.append("notes of \(source.midiName)") }
            }
        }
        print("Tune scheme round trip: \(tunes.count) tunes, \(refused.count) refused \(refused)")
        print("  form differs for \(formDiffers.count) \(formDiffers), unrolled notes differ for \(notesDiffer.count) \(notesDiffer)")
        print("  report: \(report)")
        #expect(refused.isEmpty)
        #expect(unexplained.isEmpty, "\(unexplained)")
        #expect(formDiffers.count * 30 < tunes.count)
        #expect(notesDiffer.count * 100 < tunes.count)
    }

    @Test("replaying every encoded tune through the reader, each next token is grammatical and in the mask")
    func grammarHoldsOnCorpus() throws {
        guard let tunes = try corpus() else { return }
        var reader = TuneTokenReader(scheme: scheme)
        let mask = UnsafeMutableBufferPointer<Float>.allocate(capacity: scheme.vocabularySize)
        let features = UnsafeMutableBufferPointer<Float>.allocate(capacity: TuneTokenReader.featureCount)
        defer {
            mask.deallocate()
            features.deallocate()
        }
        var refusals: [String] = []
        var tokens = 0
        for source in tunes {
            let encoded = try scheme.encode(source.tune.form)
            reader.reset()
            for (index, token) in encoded.tokens.enumerated() {
                reader.fillMask(mask)
                reader.fillFeatures(features)
                if index % 7 == 0 {
                    #expect((0..<scheme.vocabularySize).allSatisfy { (mask[$0] == 1) == reader.isGrammatical($0) })
                }
                if mask[token] != 1 || !reader.read(token) {
                    refusals.append("\(source.midiName) token \(index): \(scheme.token(token)!)")
                    break
                }
                tokens += 1
                #expect((0..<TuneTokenReader.featureCount).allSatisfy { features[$0] >= 0 && features[$0] <= 1 })
            }
            #expect(reader.expectation == .padding)
            #expect(reader.isGrammatical(TuneScheme.padding) && !reader.isGrammatical(TuneScheme.end))
        }
        // The cost per sampled token: read, mask and features, as a sampling loop calls them.
        let all = try tunes.map { try scheme.encode($0.tune.form).tokens }
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for tune in all {
                reader.reset()
                for token in tune {
                    reader.fillMask(mask)
                    reader.fillFeatures(features)
                    reader.read(token)
                }
            }
        }
        let nanoseconds = Double(elapsed.components.attoseconds) / 1e9 + Double(elapsed.components.seconds) * 1e9
        print(String(format: "Tune reader: %.0f ns per token (read, mask of %d, %d features)", nanoseconds / Double(tokens), scheme.vocabularySize, TuneTokenReader.featureCount))
        print("Tune grammar: \(tokens) tokens of \(tunes.count) tunes replayed, \(refusals.count) refused \(refusals.prefix(10))")
        #expect(refusals.isEmpty)
    }

    /// Mean, 95th percentile and maximum of token counts.
    private func summary(_ counts: [Int]) -> String {
        let sorted = counts.sorted()
        let mean = Double(sorted.reduce(0, +)) / Double(max(1, sorted.count))
        let p95 = sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.95))]
        return String(format: "mean %.1f, p95 %d, max %d", mean, p95, sorted.last ?? 0)
    }

    @Test("measurements: vocabulary, tokens per tune with and without copies and folding, copies per distance, quantized notes, metres and modes")
    func measurements() throws {
        guard let tunes = try corpus() else { return }
        let forms = tunes.map(\.tune.form)
        let playedOut = forms.map { form in
            FormedTune(metre: form.metre, sharps: form.sharps, minor: form.minor, sections: [TuneSection(bars: form.playedBars)])
        }
        print("Tune scheme measurements over \(tunes.count) Nottingham tunes; vocabulary \(scheme.vocabularySize)")
        var report = TuneScheme.EncodingReport()
        var durationUse = [Int](repeating: 0, count: scheme.durations.count)
        for form in forms {
            let encoded = try scheme.encode(form)
            report.add(encoded.report)
            for token in encoded.tokens where token >= scheme.firstDuration { durationUse[token - scheme.firstDuration] += 1 }
        }
        for distances in [[], [1, 2, 4, 8], [1, 2, 4, 8, 16], [1, 2, 4, 8, 9, 16], [2, 4, 8, 16], Array(1...16)] {
            let variant = TuneScheme(copyDistances: distances)
            var folded: [Int] = []
            var played: [Int] = []
            var copied = [Int](repeating: 0, count: distances.count)
            var written = 0
            for (form, out) in zip(forms, playedOut) {
                let encoded = try variant.encode(form)
                folded.append(encoded.tokens.count)
                written += encoded.report.writtenBars
                for (index, count) in encoded.report.copiedBars.enumerated() { copied[index] += count }
                played.append(try variant.encode(out).tokens.count)
            }
            let shares = zip(distances, copied).map { String(format: "%d: %.3f", $0, Double($1) / Double(written)) }
            print("  copies \(distances): folded \(summary(folded)); played out \(summary(played)); written bars copied \(shares)")
        }
        print(String(format: "  notes %d: quantized (moved to the twelfths grid) %d (%.4f%%), lengths written as sums %d, chord notes dropped %d, octave-moved %d",
            report.notes, report.movedNotes, 100 * Double(report.movedNotes) / Double(report.notes), report.splitLengths,
            report.droppedChordNotes, report.octaveMovedNotes))
        print("  duration tokens used: \(zip(scheme.durations, durationUse).map { "\($0):\($1)" })")
        var metres: [String: Int] = [:]
        var modes: [String: Int] = [:]
        for form in forms {
            metres[form.metre.description, default: 0] += 1
            modes[form.minor ? "minor" : "major", default: 0] += 1
        }
        print("  metres \(metres.sorted { $0.value > $1.value }), modes \(modes)")
        #expect(durationUse.allSatisfy { $0 > 0 })
        #expect(report.movedNotes * 1000 < report.notes)
    }
}

@Suite("Music tokenizer with the tune scheme")
struct MusicTokenizerTuneTests {
    @Test("a MIDI melody becomes one whole-tune sequence that decodes to the melody's notes, in C")
    func midiMelodyThroughTheTokenizer() throws {
        let (tunes, _) = try NottinghamCorpus.tunes()
        guard !tunes.isEmpty else {
            print("skipped: the Nottingham ABC corpus is not present under ../shared")
            return
        }
        let tokenizer = MusicTokenizer(settings: TokenizerSettings(scheme: .tune))
        var differ: [String] = []
        var heldPastTheEnd = 0
        var heldOverRepeats = 0
        for source in tunes.enumerated().filter({ $0.offset % 10 == 0 }).map(\.element) {
            let encoded = try tokenizer.tokens(for: source.tune.midiFile())
            #expect(tokenizer.windows(of: encoded.tokens) == [encoded.tokens])
            #expect(encoded.tokens.first == TuneScheme.begin && encoded.tokens.last == TuneScheme.end)
            let decoded = tokenizer.tuneScheme.decode(encoded.tokens)
            #expect(decoded.skippedTokens == 0 && !decoded.unfinished)
            let notes = decoded.tune.unrolled()
            let midi = source.tune.midiFile()
            let melody = try MelodyExtractor.melody(from: midi, track: nil)
            let quarter = Double(melody.ticksPerQuarter)
            let want = melody.notes.map {
                TuneNote(
                    pitch: tokenizer.tuneScheme.pitchInRange($0.pitch + encoded.transposition),
                    onset: Double($0.startTick) / quarter, duration: Double($0.endTick - $0.startTick) / quarter)
            }
            // The last note may be held past the last bar line: it then stops at the bar line.
            let same = notes.count == want.count && zip(notes.dropLast(), want.dropLast()).allSatisfy { $0.matches($1, tolerance: 1.0 / 24) }
            let lastSame = zip(notes.suffix(1), want.suffix(1)).allSatisfy { $0.matches($1, tolerance: 1.0 / 24) }
            if !same || !lastSame { differ.append(source.midiName) }
            if same, !lastSame, let last = notes.last, let held = want.last {
                #expect(last.pitch == held.pitch && last.onset == held.onset && last.duration < held.duration)
                #expect(encoded.droppedNotes == 0)
                heldPastTheEnd += 1
            } else if !same {
                // A note held from the first ending over `:|` stops at the repeat sign.
                let report = try tokenizer.tuneScheme.encode(FormedTune(folding: melody)).report
                #expect(report.shortenedNotes > 0)
                heldOverRepeats += 1
            }
        }
        print("Tune tokenizer on MIDI melodies: \(tunes.count / 10 + 1) tunes, notes differ for \(differ.count) \(differ), \(heldPastTheEnd) of them only by a last note held past the last bar line, \(heldOverRepeats) by a note held over a repeat sign")
        #expect(differ.count == heldPastTheEnd + heldOverRepeats)
        #expect(heldOverRepeats * 50 <= tunes.count / 10)
    }
}
