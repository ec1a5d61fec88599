import Foundation
import MIDI
import MusicEncoding
import Testing
import Randomness
import TestSupport

@Suite("ABC tune books")
struct ABCTuneBookTests {
    private func parse(_ text: String) throws -> ABCTune {
        let results = ABCTuneBook.parse(text, fileName: "test.abc")
        #expect(results.count == 1)
        return try results[0].get()
    }

    @Test("notes, octaves, accidentals, key signature, lengths, ties, broken rhythm, tuplets")
    func notation() throws {
        let tune = try parse("""
            X:7
            T:Test
            M:2/4
            L:1/8
            Q:1/4=90
            K:D
            C,c'f^f=f f|_B>A (3ABc d2-|d/e/z A<B|]
            """)
        #expect(tune.reference == 7)
        #expect(tune.title == "Test")
        #expect(tune.sharps == 2)
        #expect(tune.beatsPerMinute == 90)
        // C, = C3 (C# in D major), c' = C#6, f = F#5, ^f = F#5, =f = F5 and the accidental
        // holds to the bar's end; _B = Bb4 (dotted), A (half); triplet ABc (B still flat in this
        // bar); d tied across the bar; in the last bar the accidental is gone: B4.
        #expect(tune.events.map(\.pitch) == [49, 85, 78, 78, 77, 77, 70, 69, 69, 70, 73, 74, 76, 69, 71])
        let third = 1.0 / 3
        let expected: [Double] = [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.75, 0.25, third, third, third, 1.25, 0.25, 0.25, 0.75]
        let durations = tune.events.map(\.duration)
        #expect(durations.count == expected.count)
        #expect(zip(durations, expected).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(abs((tune.events.last?.start ?? 0) - 7.25) < 1e-12)
    }

    @Test("repeats and first and second endings expand; a pickup is placed before bar 1")
    func repeatsAndPickup() throws {
        let tune = try parse("""
            X:1
            T:Repeats
            M:3/4
            L:1/4
            K:C
            G|:C D E|[1 F G A:|[2 B c2|]
            """)
        #expect(tune.events.map(\.pitch) == [67, 60, 62, 64, 65, 67, 69, 60, 62, 64, 71, 72])
        #expect(tune.pickup == 1)
        let midi = tune.midiFile()
        #expect(midi.notes.first?.startTick == 2 * 480)  // the pickup ends bar 0
        #expect(midi.timeSignatures.map(\.numerator) == [3])
        #expect(midi.tracks[0].name == "Repeats")
    }

    @Test("errors name the file and line; other tunes in the book still parse")
    func errors() {
        let results = ABCTuneBook.parse("""
            X:1
            K:C
            CDE#F|
            X:2
            K:G
            GAB|
            """, fileName: "book.abc")
        #expect(results.count == 2)
        if case .failure(let error) = results[0] {
            #expect(error.description == "book.abc: line 3: unexpected character '#'")
        } else {
            Issue.record("the first tune should fail")
        }
        #expect((try? results[1].get())?.events.count == 3)
    }

    @Test("every bundled folk tune parses and tokenizes")
    func bundledCorpus() throws {
        let url = TestPaths.repositoryRoot.appendingPathComponent("corpora/folk/tunes.abc")
        let results = ABCTuneBook.parse(try String(contentsOf: url, encoding: .utf8), fileName: "tunes.abc")
        #expect(results.count >= 20)
        for result in results {
            let tune = try result.get()
            // Every bar of the expanded tune is whole: the length is a whole number of bars
            // once the pickup is placed.
            let bar = Double(tune.numerator) * 4 / Double(tune.denominator)
            let end = tune.events.map { $0.start + $0.duration }.max() ?? 0
            // Either the last bar is shortened by the pickup, or the pickup is extra.
            let padded = end + (tune.pickup > 0 ? bar - tune.pickup : 0)
            let whole = { (x: Double) in abs(x / bar - (x / bar).rounded()) < 1e-9 }
            #expect(whole(end) || whole(padded), "\(tune.title): \(end / bar) bars")
        }
    }
}

@Suite("ABC parser on damaged text")
struct ABCFuzzTests {
    @Test("400 damaged tune books parse or fail with a line number, and what parses tokenizes")
    func damagedText() throws {
        let book = Array(try String(
            contentsOf: TestPaths.repositoryRoot.appendingPathComponent("corpora/folk/tunes.abc"), encoding: .utf8))
        let alphabet = Array("ABCDEFGabcdefgzx^_=,'/0123456789|:[]()<>-\"!{}+ \nXTMLQK%.~")
        let tokenizer = MusicTokenizer(settings: TokenizerSettings(scheme: .grid))
        var generator = SplitMix64(seed: 11)
        var (parsed, failed) = (0, 0)
        for _ in 0..<400 {
            var text = book
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                let position = Int.random(in: 0..<text.count, using: &generator)
                let character = alphabet.randomElement(using: &generator)!
                if Bool.random(using: &generator) { text[position] = character } else { text.insert(character, at: position) }
            }
            for result in ABCTuneBook.parse(String(text), fileName: "damaged.abc") {
                switch result {
                case .success(let tune):
                    parsed += 1
                    let midi = tune.midiFile()
                    #expect(midi.notes.allSatisfy { $0.endTick > $0.startTick && $0.startTick >= 0 })
                    if let windows = try? tokenizer.encode(midi) {
                        #expect(windows.joined().allSatisfy { (0..<tokenizer.vocabularySize).contains($0) })
                    }
                case .failure(let error):
                    failed += 1
                    #expect(error.line > 0 && error.description.hasPrefix("damaged.abc: line "))
                }
            }
        }
        #expect(parsed > 2_000 && failed > 100)
    }
}
