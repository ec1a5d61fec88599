import ArgumentParser
import Foundation
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

    @Option(parsing: .unconditional, help: "General MIDI program (instrument) written, 0...127.")
    var program: Int = 0

    func validate() throws {
        try require((0...127).contains(program), "--program must be 0...127")
    }

    func run() throws {
        let (written, skipped) = try ABCTuneBook.writeMIDIFiles(
            of: files.map { URL(fileURLWithPath: $0) }, to: URL(fileURLWithPath: output), program: program)
        for error in skipped { print("skipped: \(error)") }
        print("wrote \(written) MIDI files to \(output)" + (skipped.isEmpty ? "" : "; \(skipped.count) tunes skipped"))
        if written == 0 { throw ExitCode(1) }
    }
}
