import Foundation
import MIDI
import MusicEncoding
import TestSupport
import Testing

@Suite("Token files back to MIDI: one line into a file, or every line into a folder")
struct TokenFileDecodingTests {
    let tokenizer = MusicTokenizer(settings: TokenizerSettings(scheme: .paper))

    @Test("one line becomes one file; a line that is not there is named with the file's count")
    func oneLine() throws {
        let scratch = try TestPaths.makeTemporaryDirectory("decode-line")
        let tokens = scratch.appendingPathComponent("tokens.txt")
        try "40 40 41 42\n50 50 50 0\n".write(to: tokens, atomically: true, encoding: .utf8)
        let options = try DecodeOptions(beatsPerMinute: 120, timeSignature: "3/4", key: "D", program: 40)
        let file = scratch.appendingPathComponent("second.mid")
        #expect(try tokenizer.decodeTokenFile(tokens, line: 2, options: options, to: file) == "wrote \(file.path)")
        let midi = try MIDIFile.read(file.path)
        #expect(Set(midi.notes.map(\.pitch)) == [50 + 20])
        #expect(throws: TokenLinesError.noSuchLine(path: tokens.path, line: 3, count: 2)) {
            try tokenizer.decodeTokenFile(tokens, line: 3, options: options, to: file)
        }
    }

    @Test("without a line, every line goes into the folder as 0001.mid, 0002.mid, ...")
    func everyLine() throws {
        let scratch = try TestPaths.makeTemporaryDirectory("decode-all")
        let tokens = scratch.appendingPathComponent("tokens.txt")
        try "40 40 41 42\n50 50 50 0\n".write(to: tokens, atomically: true, encoding: .utf8)
        let folder = scratch.appendingPathComponent("out")
        let line = try tokenizer.decodeTokenFile(tokens, line: nil, options: DecodeOptions(), to: folder)
        #expect(line == "wrote 2 MIDI files to \(folder.path)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["0001.mid", "0002.mid"])
    }

    @Test("typed names and numbers become options, or one error naming the first bad one")
    func typedOptions() throws {
        let options = try DecodeOptions(beatsPerMinute: 90, timeSignature: "6/8", key: "F#m", program: 73)
        #expect(options.numerator == 6 && options.denominator == 8 && options.sharps == 3 && options.minor)
        #expect(options.beatsPerMinute == 90 && options.program == 73)
        let refused: [(Double, String, String, Int, DecodeOptionsError)] = [
            (120, "6-8", "H", 0, .timeSignature("6-8")), (120, "4/4", "H", 0, .key("H")),
            (120, "4/4", "C", 128, .program(128)), (5, "4/4", "C", 0, .tempo(5)),
        ]
        for (tempo, metre, key, program, error) in refused {
            #expect(throws: error) {
                try DecodeOptions(beatsPerMinute: tempo, timeSignature: metre, key: key, program: program)
            }
        }
        #expect("\(DecodeOptionsError.key("H"))" == "--key must look like D, Bb, F#m or Am, got 'H'")
    }
}
