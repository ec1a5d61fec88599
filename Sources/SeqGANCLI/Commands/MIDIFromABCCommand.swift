import ArgumentParser
import Foundation
import MIDI
import MusicEncoding

/// `seqgan midi from-abc corpora/folk/tunes.abc -o folk-midi/`: ABC tunes to MIDI files.
struct MIDIFromABCCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "from-abc",
        abstract: "Write each tune of ABC tune books (such as corpora/folk) as a MIDI file.",
        discussion: "Files are named <book>-<X number>.mid. Tunes that do not parse are listed with line and reason.")

    @Argument(help: "ABC files (the subset described in docs/midi.md).")
    var files: [String]

    @Option(name: [.short, .customLong("output")], help: "The folder that receives the MIDI files.")
    var output: String

    @Option(help: "General MIDI program (instrument) written, 0...127.")
    var program: Int = 0

    func run() throws {
        let folder = URL(fileURLWithPath: output)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var written = 0
        var failed = 0
        for path in files {
            let url = URL(fileURLWithPath: path)
            let text = try String(contentsOf: url, encoding: .utf8)
            let book = url.deletingPathExtension().lastPathComponent
            for result in ABCTuneBook.parse(text, fileName: path) {
                switch result {
                case .success(let tune):
                    let name = "\(book)-\(tune.reference).mid"
                    try tune.midiFile(program: program).write(to: folder.appendingPathComponent(name))
                    written += 1
                case .failure(let error):
                    print("skipped: \(error)")
                    failed += 1
                }
            }
        }
        print("wrote \(written) MIDI files to \(output)" + (failed > 0 ? "; \(failed) tunes skipped" : ""))
        if written == 0 { throw ExitCode(1) }
    }
}
