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
