import Foundation
import Testing
import TestSupport

@Suite("seqgan midi tokens --scheme tune")
struct MIDITuneTokensTests {
    @Test("tune tokens write one whole tune per line, begin to end, that decode back to MIDI; training refuses them")
    func tuneTokens() throws {
        let folder = try TestPaths.makeTemporaryDirectory("midi-tune-tokens")
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = TestPaths.repositoryRoot.appendingPathComponent("corpora/folk")
        let output = folder.appendingPathComponent("tunes.txt")
        let result = try runSeqGAN(["midi", "tokens", corpus.path, "--scheme", "tune", "-o", output.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("tunes: 27"))
        #expect(result.standardOutput.contains("sequences: 27 whole tunes"))
        #expect(result.standardOutput.contains("vocabulary: 81 (tune scheme)"))
        let lines = try String(contentsOf: output, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 27)
        for line in lines {
            let tokens = line.split(separator: " ").compactMap { Int($0) }
            #expect(tokens.first == 1 && tokens.last == 2)  // begin ... end
            #expect(tokens.dropFirst().dropLast().allSatisfy { (3..<81).contains($0) })
        }
        let decoded = folder.appendingPathComponent("decoded")
        let decode = try runSeqGAN(["midi", "decode", output.path, "--scheme", "tune", "-o", decoded.path])
        #expect(decode.status == 0, "\(decode.standardError)")
        let files = try FileManager.default.contentsOfDirectory(atPath: decoded.path).sorted()
        #expect(files.count == 27)
        let inspect = try runSeqGAN(["midi", "inspect", decoded.appendingPathComponent(files[0]).path])
        #expect(inspect.status == 0 && inspect.standardOutput.contains("notes"))

        let train = try runSeqGAN([
            "train", corpus.path, "--scheme", "tune", "--out", folder.appendingPathComponent("run").path, "--epochs", "1",
            "--mode", "mle", "--rounds", "0", "--eval-samples", "8", "--hidden-size", "16", "--embedding-size", "8",
        ])
        #expect(train.status == 0, "\(train.standardError)")
        #expect(train.standardOutput.contains("whole tunes of up to 512 tokens"), "\(train.standardOutput)")
    }
}
