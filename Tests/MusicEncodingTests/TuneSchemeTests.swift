import Foundation
import MusicEncoding
import Randomness
import Testing

@Suite("Tune scheme: whole tunes with their form as event tokens")
struct TuneSchemeTests {
    let scheme = TuneScheme()

    private func parse(_ text: String) throws -> ABCTune {
        let results = ABCTuneBook.parse(text, fileName: "test.abc")
        #expect(results.count == 1)
        return try results[0].get()
    }

    @Test("a pickup, a repeated part with first and second endings and a tie encode as written")
    func smallTuneTokens() throws {
        let tune = try parse("""
            X:1
            T:Form
            M:3/4
            L:1/4
            K:C
            G|:C D E-|[1 E G A:|[2 B c2||
            """)
        let encoded = try scheme.encode(tune.form)
        #expect(scheme.text(of: encoded.tokens) == "begin M:3/4 major pickup d24 G4 d12 || |: C4 d12 D4 d12 E4 d12 | [1 tie d12 G4 d12 A4 d12 :| [2 B4 d12 C5 d24 || end")
        let decoded = scheme.decode(encoded.tokens)
        #expect(decoded.skippedTokens == 0 && decoded.impliedTokens == 0 && !decoded.unfinished)
        #expect(decoded.tune.sections.map(\.passes) == [1, 2])
        #expect(decoded.tune.sections[1].bars[0].notes[2].duration == 2)
        #expect(decoded.tune.unrolled().map(\.pitch) == tune.form.unrolled().map(\.pitch))
        #expect(zip(decoded.tune.unrolled(), tune.form.unrolled()).allSatisfy { $0.matches($1) })
    }

    @Test("a bar equal to an earlier one becomes a copy token, and decodes to the same notes")
    func copies() throws {
        let tune = try parse("""
            X:2
            T:Copies
            M:2/4
            L:1/8
            K:G
            |:GABc|dBGB|GABc|dBGB|GABc|e2d2|GABc|dBGB:|
            """)
        let encoded = try scheme.encode(tune.form)
        let text = scheme.text(of: encoded.tokens)
        #expect(text.contains("copy2"))
        #expect(text.contains("copy4"))
        #expect(encoded.report.copiedBars.reduce(0, +) == 5)
        let decoded = scheme.decode(encoded.tokens)
        let original = tune.form.unrolled()
        let back = decoded.tune.unrolled()
        #expect(back.count == original.count)
        #expect(zip(back, original).allSatisfy { $0.pitch == $1.pitch + encoded.transposition && abs($0.onset - $1.onset) < 1e-9 })
    }

    @Test("triplets are exact; a metre change mid-tune is kept; an empty tune is begin, metre, mode, end")
    func tripletsMetreChangeAndEmpty() throws {
        let tune = try parse("""
            X:3
            T:Triplets
            M:4/4
            L:1/8
            K:D
            (3ABA G2 F4|d8|
            M:3/4
            (3efg a4||
            """)
        let encoded = try scheme.encode(tune.form)
        #expect(encoded.report.movedNotes == 0)
        #expect(scheme.text(of: encoded.tokens).contains("M:3/4"))
        let decoded = scheme.decode(encoded.tokens).tune
        #expect(decoded.writtenBars[2].metreChange == Metre(3, 4))
        #expect(decoded.writtenBars[0].notes[1].onset == 1.0 / 3)
        let empty = try scheme.encode(FormedTune(metre: Metre(6, 8), minor: true, sections: []))
        #expect(scheme.text(of: empty.tokens) == "begin M:6/8 minor end")
        let back = scheme.decode(empty.tokens)
        #expect(back.tune.sections.isEmpty && back.tune.metre == Metre(6, 8) && back.tune.minor)
    }

    @Test("a tune in 5/4 encodes; a metre without a token is refused naming it and the bar")
    func oddMetres() throws {
        let five = try parse("""
            X:4
            T:Five
            M:5/4
            L:1/4
            K:Am
            A B c d e|A4 z||
            """)
        let encoded = try scheme.encode(five.form)
        #expect(scheme.decode(encoded.tokens).tune.writtenBars.map(\.length) == [5, 5])
        let seven = FormedTune(metre: Metre(7, 8), sections: [TuneSection(bars: [TuneBar(length: 3.5, notes: [])])])
        #expect(throws: TuneEncodingError.unsupportedMetre(Metre(7, 8), bar: 0)) { try scheme.encode(seven) }
        #expect(TuneEncodingError.unsupportedMetre(Metre(7, 8), bar: 0).description.contains("7/8"))
    }

    @Test("random token sequences decode to valid tunes without a trap, skipping what does not fit")
    func randomSequencesDecode() {
        var generator = SplitMix64(seed: 17)
        var skipped = 0
        for length in [0, 1, 5, 50, 400] {
            for _ in 0..<40 {
                let tokens = (0..<length).map { _ in Int.random(in: -3..<(scheme.vocabularySize + 3), using: &generator) }
                let decoded = scheme.decode(tokens)
                skipped += decoded.skippedTokens
                for bar in decoded.tune.writtenBars {
                    #expect(bar.length > 0 || bar.notes.isEmpty)
                    #expect(bar.notes.allSatisfy { $0.duration > 0 && $0.onset >= 0 && $0.onset < bar.length })
                }
                // What was decoded encodes again and decodes to the same tune.
                if let again = try? scheme.encode(decoded.tune) {
                    #expect(scheme.decode(again.tokens).tune.unrolled() == decoded.tune.unrolled())
                }
            }
        }
        #expect(skipped > 0)
    }

    @Test("token ids and token meanings map one to one over the whole vocabulary")
    func idsRoundTrip() {
        #expect(scheme.problem == nil)
        for id in 0..<scheme.vocabularySize {
            let token = scheme.token(id)
            #expect(token != nil)
            #expect(token.flatMap { scheme.id(of: $0) } == id)
        }
        #expect(scheme.token(scheme.vocabularySize) == nil && scheme.token(-1) == nil)
    }
}

@Suite("Tune token reader: the grammar and the musician's count")
struct TuneTokenReaderTests {
    let scheme = TuneScheme()

    private func id(_ token: TuneToken) -> Int { scheme.id(of: token)! }

    /// Reads the tokens; whether the reader took every one.
    private func read(_ reader: inout TuneTokenReader, _ tokens: [Int]) -> Bool {
        tokens.allSatisfy { reader.read($0) }
    }

    @Test("the reader counts the position in the bar, the bars, and allows only what fits")
    func countsAndGrammar() {
        var reader = TuneTokenReader(scheme: scheme)
        #expect(reader.isGrammatical(TuneScheme.begin) && !reader.isGrammatical(id(.pitch(60))))
        #expect(read(&reader, [TuneScheme.begin, id(.metre(Metre(6, 8))), TuneScheme.major, TuneScheme.repeatStart]))
        #expect(reader.barLength == 36 && reader.section == .repeatedBody)
        #expect(!reader.isGrammatical(id(.copy(bars: 1))))  // no bar yet
        #expect(!reader.isGrammatical(TuneScheme.tie))  // nothing sounds
        #expect(read(&reader, [id(.pitch(67))]))
        #expect(reader.expectation == .duration)
        #expect(!reader.isGrammatical(id(.duration(units: 48))))  // longer than the bar
        #expect(read(&reader, [id(.duration(units: 18))]))
        #expect(reader.position == 18 && reader.isSounding)
        #expect(!reader.isGrammatical(TuneScheme.sectionEnd) && !reader.isGrammatical(TuneScheme.end))
        #expect(reader.isGrammatical(id(.duration(units: 1))) == false)  // a pitch comes first
        #expect(read(&reader, [TuneScheme.tie, id(.duration(units: 18))]))
        #expect(reader.position == 36 && !reader.isGrammatical(id(.pitch(67))))
        #expect(read(&reader, [TuneScheme.barLine]))
        #expect(reader.barInSection == 1 && reader.barsInTune == 1 && reader.position == 0)
        #expect(reader.isGrammatical(id(.copy(bars: 1))) && !reader.isGrammatical(id(.copy(bars: 2))))
        #expect(read(&reader, [id(.copy(bars: 1))]) && reader.position == 36)
        #expect(read(&reader, [TuneScheme.repeatEnd]) && reader.section == .between)
        #expect(reader.isGrammatical(TuneScheme.end))
        let features = UnsafeMutableBufferPointer<Float>.allocate(capacity: TuneTokenReader.featureCount)
        defer { features.deallocate() }
        reader.fillFeatures(features)
        #expect(features[9] == 1 && features[16] == 0 && features[18] == 0)
        #expect(read(&reader, [TuneScheme.end]) && reader.expectation == .padding)
        #expect(reader.isGrammatical(TuneScheme.padding) && !reader.isGrammatical(TuneScheme.begin))
        #expect(!read(&reader, [TuneScheme.begin]) && reader.refusedTokens == 1)
        reader.reset()
        #expect(reader.expectation == .begin && reader.barsInTune == 0 && reader.refusedTokens == 0)
    }

    @Test("features give the position bits, the bar in the phrase and the repeat state")
    func features() {
        var reader = TuneTokenReader(scheme: scheme)
        let tokens = [TuneScheme.begin, id(.metre(Metre(4, 4))), TuneScheme.minor, TuneScheme.repeatStart]
            + Array(repeating: [id(.pitch(69)), id(.duration(units: 48)), TuneScheme.barLine], count: 5).joined()
            + [id(.pitch(69)), id(.duration(units: 6)), id(.pitch(72)), id(.duration(units: 3))]
        #expect(read(&reader, tokens))
        let features = UnsafeMutableBufferPointer<Float>.allocate(capacity: TuneTokenReader.featureCount)
        defer { features.deallocate() }
        reader.fillFeatures(features)
        #expect(reader.position == 9 && reader.barInSection == 5)
        #expect((0..<7).map { features[$0] } == [1, 0, 0, 1, 0, 0, 0])  // 9
        #expect((10..<15).map { features[$0] } == [1, 0, 1, 0, 0])  // bar 5
        #expect(features[8] == 0 && features[18] == 1 && features[17] == 1)
        #expect(abs(features[22] - 39.0 / 48) < 1e-6)
    }

    @Test("sampling only grammatical tokens never dead-ends, and what is sampled decodes with nothing skipped")
    func grammaticalSamplingDecodes() {
        var generator = SplitMix64(seed: 5)
        var reader = TuneTokenReader(scheme: scheme)
        let mask = UnsafeMutableBufferPointer<Float>.allocate(capacity: scheme.vocabularySize)
        defer { mask.deallocate() }
        var ended = 0
        for _ in 0..<200 {
            reader.reset()
            var tokens: [Int] = []
            for _ in 0..<600 {
                reader.fillMask(mask)
                let allowed = (0..<scheme.vocabularySize).filter { mask[$0] == 1 }
                #expect(!allowed.isEmpty)
                guard let token = allowed.randomElement(using: &generator) else { break }
                tokens.append(token)
                #expect(read(&reader, [token]))
                if token == TuneScheme.end { break }
            }
            if reader.expectation == .padding { ended += 1 }
            let decoded = scheme.decode(tokens)
            #expect(decoded.skippedTokens == 0 && decoded.impliedTokens == 0)
            #expect(decoded.unfinished == (reader.expectation != .padding))
        }
        #expect(ended > 0)
    }
}
