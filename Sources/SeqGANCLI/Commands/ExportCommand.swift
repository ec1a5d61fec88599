import ArgumentParser

/// `seqgan export`: Render a MIDI file to audio (WAV, FLAC, Ogg) or rewrite it as MIDI.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Render a MIDI file to audio (WAV, FLAC, Ogg) or rewrite it as MIDI.")

    func run() throws {
        throw ValidationError("seqgan export is not implemented yet")
    }
}
