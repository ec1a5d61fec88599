import Foundation
import MIDI

extension Synthesizer {
    /// Reads a Standard MIDI File (leniently, repairing what can be repaired) and renders its
    /// notes.
    ///
    /// - Returns: The audio, and the file as read (its `warnings` list the repairs).
    /// - Throws: `MIDIReadError` naming the file and byte offset; ``RenderError``.
    public func render(midiFileAt url: URL) throws -> (audio: AudioBuffer, file: MIDIFile) {
        let file = try MIDIFile.read(contentsOf: url)
        return (try render(file.notes), file)
    }
}
