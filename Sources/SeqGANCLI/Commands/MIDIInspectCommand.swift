import ArgumentParser
import Foundation
import MIDI

/// `seqgan midi inspect FILE [--json] [--strict]`: what a MIDI file holds.
struct MIDIInspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Print a summary of a MIDI file: format, tracks, tempo map, signatures, notes.",
        discussion: """
            --json prints one object with the keys format, division, tracks, tempos, \
            timeSignatures, keySignatures, notes (by startTick, track, channel, pitch; start and \
            end in seconds), durationSeconds and warnings. An unreadable file gives exit code 1 and \
            one line naming the file, byte offset and problem. Files over 8 MiB or 1,000,000 events \
            are refused (by every command that reads MIDI).
            """)

    @Argument(help: "The Standard MIDI File (.mid) to inspect.")
    var file: String

    @Flag(help: "Print one JSON object instead of the readable summary.")
    var json = false

    @Flag(help: "Treat every irregularity (out-of-range data bytes, running status after meta events, truncated tracks, ...) as an error instead of a warning.")
    var strict = false

    func run() throws {
        let inspection = MIDIInspection(try MIDIFile.read(file, options: MIDIReadOptions(strict: strict)))
        print(json ? try inspection.json() : inspection.summary(fileName: file))
    }
}
