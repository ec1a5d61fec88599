import ArgumentParser

/// `seqgan midi tokens`: placeholder until the token schemes land.
struct MIDITokensCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens", abstract: "Turn MIDI tunes into token sequences, one per line.")
    func run() throws { throw ValidationError("not yet") }
}
