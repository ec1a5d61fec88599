import ArgumentParser

/// `seqgan play`: Play a MIDI or audio file through ALSA.
struct PlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play",
        abstract: "Play a MIDI or audio file through ALSA.")

    func run() throws {
        throw ValidationError("seqgan play is not implemented yet")
    }
}
