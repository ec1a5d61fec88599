import ArgumentParser

/// `seqgan midi`: Inspect MIDI files and turn them into token sequences.
struct MIDICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "midi",
        abstract: "Inspect MIDI files, turn them into tokens, ABC or piano rolls, and compare folders of tunes.",
        subcommands: [
            MIDIInspectCommand.self, MIDITokensCommand.self, MIDIDecodeCommand.self,
            MIDIFromABCCommand.self, MIDIToABCCommand.self, MIDIRollCommand.self,
            MIDICompareTunesCommand.self,
        ])
}
