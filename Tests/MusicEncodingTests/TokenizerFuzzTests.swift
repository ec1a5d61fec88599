import Foundation
import MIDI
import MusicEncoding
import Testing
import Randomness
import TestSupport

@Suite("Tokenizer on damaged files")
struct TokenizerFuzzTests {
    @Test("damaged tunes give tokens inside the vocabulary or a typed melody error")
    func damagedTunes() throws {
        let book = try String(
            contentsOf: TestPaths.repositoryRoot.appendingPathComponent("corpora/folk/tunes.abc"), encoding: .utf8)
        let seeds = try ABCTuneBook.parse(book, fileName: "tunes.abc").map { try $0.get().midiFile().encoded() }
        let tokenizers = [TokenScheme.paper, .grid].map { MusicTokenizer(settings: TokenizerSettings(scheme: $0)) }
        var generator = SplitMix64(seed: 5)
        var tokenized = 0
        for iteration in 0..<1500 {
            var bytes = seeds[iteration % seeds.count]
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                let position = Int.random(in: 14..<bytes.count, using: &generator)
                bytes[position] = UInt8.random(in: 0...255, using: &generator)
            }
            guard let midi = try? MIDIFile(bytes: bytes) else { continue }
            for tokenizer in tokenizers {
                do throws(MelodyError) {
                    let windows = try tokenizer.encode(midi)
                    tokenized += 1
                    #expect(windows.allSatisfy { $0.count == tokenizer.settings.windowLength })
                    #expect(windows.joined().allSatisfy { (0..<tokenizer.vocabularySize).contains($0) })
                    _ = tokenizer.decode(windows.first ?? [])
                } catch {
                    #expect(!error.description.isEmpty)
                }
            }
        }
        #expect(tokenized > 1000)
    }
}
