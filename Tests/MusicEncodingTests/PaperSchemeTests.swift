import Foundation
import MIDI
import MusicEncoding
import Testing
import Randomness
import TestSupport

@Suite("Paper token scheme")
struct PaperSchemeTests {
    let tokenizer = MusicTokenizer(settings: TokenizerSettings(scheme: .paper))

    @Test("keys 21...108 are tokens 1...88 and silence is 0")
    func pitchMapping() {
        #expect(PaperScheme.token(pitch: 21) == 1)
        #expect(PaperScheme.token(pitch: 108) == 88)
        #expect(PaperScheme.token(pitch: 60) == 40)
        #expect(PaperScheme.token(pitch: 9) == 1)  // moved up an octave
        #expect(PaperScheme.token(pitch: 120) == 88)  // moved down an octave
        #expect(PaperScheme.pitch(token: 0) == nil)
        #expect(tokenizer.vocabularySize == 89)
    }

    @Test("samples every 0.4 s through the tempo map; the highest sounding note wins")
    func sampling() throws {
        // 480 ticks per quarter; 120 BPM until tick 960 (1 s), then 60 BPM (1 s per quarter).
        let notes = [
            Note(pitch: 60, startTick: 0, endTick: 480, start: 0, end: 0),  // 0.0-0.5 s
            Note(pitch: 64, startTick: 240, endTick: 480, start: 0, end: 0),  // 0.25-0.5 s, higher
            Note(pitch: 67, startTick: 960, endTick: 1440, start: 0, end: 0),  // 1.0-1.5 s
        ]
        let midi = MIDIFile(
            notes: notes, format: 1, ticksPerQuarter: 480,
            tempos: [TempoChange(tick: 960, microsecondsPerQuarter: 1_000_000)])
        // G4 lasts 1.0-2.0 s (one quarter at 60 BPM). Samples at 0, 0.4, 0.8, 1.2, 1.6:
        // C4, E4 (both sound, E higher), rest, G4, G4.
        let tokens = try tokenizer.tokens(for: midi).tokens
        #expect(tokens == [40, 44, 0, 47, 47])
    }

    @Test("decoding a run of equal tokens gives one note of the run's length")
    func decodeRuns() {
        let midi = tokenizer.decode([0, 40, 40, 0, 47], options: DecodeOptions(beatsPerMinute: 120, program: 73))
        #expect(midi.notes.map { [$0.pitch, $0.startTick, $0.endTick, $0.program] } == [[60, 384, 1152, 73], [67, 1536, 1920, 73]])
        #expect(midi.notes.map(\.start) == [0.4, 1.6])
        #expect(midi.tempos.map(\.microsecondsPerQuarter) == [500_000])
    }

    @Test("random token sequences survive decode then encode", arguments: 0..<20)
    func decodeEncode(seed: Int) throws {
        var generator = SplitMix64(seed: UInt64(seed))
        var tokens = (0..<Int.random(in: 1...200, using: &generator)).map { _ in
            Int.random(in: 0..<4, using: &generator) == 0 ? 0 : Int.random(in: 1...88, using: &generator)
        }
        tokens.append(Int.random(in: 1...88, using: &generator))  // trailing silence is not kept
        let tempo = [60.0, 97.0, 120.0, 150.0][seed % 4]
        let midi = tokenizer.decode(tokens, options: DecodeOptions(beatsPerMinute: tempo))
        let reread = try MIDIFile(bytes: midi.encoded())
        let back = try tokenizer.tokens(for: reread).tokens
        #expect(back == tokens, "first difference at \(zip(back, tokens).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? -1) of \(back.count) / \(tokens.count)")
    }

    @Test("Nottingham tunes match an independent mido-based reference", .requiresShared("corpora/nottingham/full"))
    func nottinghamReference() throws {
        let folder = try #require(TestPaths.shared("corpora/nottingham/full"))
        let reference = try String(
            contentsOf: TestPaths.repositoryRoot.appendingPathComponent("Tests/Fixtures/MIDI/paper_tokens.tsv"),
            encoding: .utf8)
        var checked = 0
        for line in reference.split(separator: "\n") {
            let fields = line.split(separator: "\t").map(String.init)
            let midi = try MIDIFile.read(contentsOf: folder.appendingPathComponent(fields[0]))
            let tokens = try tokenizer.tokens(for: midi).tokens
            let text = tokens.map(String.init).joined(separator: " ")
            #expect([String(tokens.count), fnv1a64(text)] == [fields[1], fields[2]], "\(fields[0])")
            checked += 1
        }
        #expect(checked == 1034)
    }

    private func fnv1a64(_ text: String) -> String {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 { value = (value ^ UInt64(byte)) &* 0x100_0000_01B3 }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
