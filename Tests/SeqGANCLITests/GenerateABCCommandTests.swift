import Foundation
import TestSupport
import Testing

@Suite("seqgan generate RUN --abc and -o tunes.abc")
struct GenerateABCCommandTests {
    @Test("--abc writes tune-NN.abc beside each MIDI file; -o NAME.abc writes one tune book of the same tunes")
    func abcFilesAndBook() throws {
        let run = try trainTinyMusicRun("generate-abc")
        let folder = run.deletingLastPathComponent().appendingPathComponent("tunes")
        let result = try runSeqGAN(
            ["generate", run.path, "-n", "2", "--key", "G", "--time-signature", "3/4", "--abc", "-o", folder.path, "--seed", "4"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("(+ tune-01.abc)"), "\(result.standardOutput)")
        var separate: [String] = []
        for number in ["01", "02"] {
            let text = try String(contentsOf: folder.appendingPathComponent("tune-\(number).abc"), encoding: .utf8)
            #expect(text.hasPrefix("X:1\nT:Tune \(Int(number)!)\nM:3/4\n"), "\(text)")
            #expect(text.contains("\nK:G\n"))
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("tune-\(number).mid").path))
            separate.append(String(text.drop { $0 != "\n" }.dropFirst().drop { $0 != "\n" }))
        }

        let book = run.deletingLastPathComponent().appendingPathComponent("tunes.abc")
        let written = try runSeqGAN(
            ["generate", run.path, "-n", "2", "--key", "G", "--time-signature", "3/4", "-o", book.path, "--seed", "4"])
        #expect(written.status == 0, "\(written.standardError)")
        #expect(written.standardOutput.contains("ABC tune book of 2 tunes"), "\(written.standardOutput)")
        let text = try String(contentsOf: book, encoding: .utf8)
        let tunes = text.components(separatedBy: "\n\n")
        #expect(tunes.count == 2)
        #expect(tunes.first?.hasPrefix("X:1\nT:Tune 1\n") == true && tunes.last?.hasPrefix("X:2\nT:Tune 2\n") == true)
        // The same tunes as the files beside the MIDI (after their X: and T: lines).
        for (tune, single) in zip(tunes, separate) {
            let body = String(tune.drop { $0 != "\n" }.dropFirst().drop { $0 != "\n" })
            #expect(body.trimmingCharacters(in: .newlines) == single.trimmingCharacters(in: .newlines))
        }

        let wav = try runSeqGAN(["generate", run.path, "-n", "1", "--wav", "-o", book.path])
        #expect(wav.status != 0)
        #expect(wav.standardError.contains("ABC tune book"), "\(wav.standardError)")
    }
}
