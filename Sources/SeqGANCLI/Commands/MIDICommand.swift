import ArgumentParser

/// `seqgan midi`: Inspect MIDI files and turn them into token sequences.
struct MIDICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "midi",
        abstract: "Inspect MIDI files and turn them into token sequences.",
        subcommands: [
            MIDIInspectCommand.self, MIDITokensCommand.self, MIDIDecodeCommand.self,
            MIDIFromABCCommand.self, MIDIToABCCommand.self, MIDIRollCommand.self,
        ])
}
