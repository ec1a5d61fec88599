import ArgumentParser
import Foundation
import MusicEncoding

/// `seqgan midi to-abc tune.mid -o tune.abc`: a MIDI melody as an ABC tune, repeats folded.
struct MIDIToABCCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "to-abc",
        abstract: "Write a MIDI file's melody as an ABC 2.1 tune, with its repeated parts folded into |: :| and first and second endings.",
        discussion: """
            The melody is chosen as for training (the highest voice of the melody track), cut into \
            bars by the file's time signature; repeated parts of 4, 8 or 16 bars are written once \
            between repeat signs. Reading the ABC back plays the same notes.
            """)

    @Argument(help: "The Standard MIDI File (.mid) to convert.")
    var file: String

    @Option(name: .shortAndLong, help: "The ABC file to write (prints the tune when omitted).")
    var output: String?

    @Option(help: "The tune's title (T: field); the file's name when omitted.")
    var title: String?

    @Option(help: "The melody track (chosen automatically when omitted).")
    var track: Int?

    func run() throws {
        let (tune, text) = try ABCWriter.abc(ofMelodyInFile: file, track: track, title: title)
        guard let output else { return print(text, terminator: "") }
        try text.write(to: URL(fileURLWithPath: output), atomically: true, encoding: .utf8)
        print("wrote \(output): \(tune.shapeSummary)")
    }
}
