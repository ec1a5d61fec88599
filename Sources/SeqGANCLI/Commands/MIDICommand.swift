import ArgumentParser

/// `seqgan midi`: Inspect MIDI files and turn them into token sequences.
struct MIDICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "midi",
        abstract: "Inspect MIDI files and turn them into token sequences.")

    func run() throws {
        throw ValidationError("seqgan midi is not implemented yet")
    }
}
