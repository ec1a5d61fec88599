import Foundation
import MIDI

extension PianoRoll {
    /// The notes of `file` in beats (quarter notes), with bar lines from its first time
    /// signature (4/4 when it has none).
    public init(_ file: MIDIFile) {
        var ticks = 480.0
        if case .ticksPerQuarter(let value) = file.division, value > 0 { ticks = Double(value) }
        self.init(notes: file.notes.map {
            PianoRoll.Note(pitch: $0.pitch, start: Double($0.startTick) / ticks, end: Double($0.endTick) / ticks)
        })
        if let metre = file.timeSignatures.first {
            beatsPerBar = Double(metre.numerator) * 4 / Double(metre.denominator)
        }
    }

    /// Draws the MIDI file at `path`, `width` by `height` pixels, and writes the SVG to `output`
    /// (`seqgan midi roll`).
    ///
    /// - Returns: The line saying what was written.
    /// - Throws: `MIDIReadError` for a file that cannot be read; Foundation's error naming
    ///   `output` when it cannot be written.
    public static func writeSVG(ofMIDIFile path: String, to output: String, width: Double, height: Double) throws -> String {
        let midi = try MIDIFile.read(path)
        var roll = PianoRoll(midi)
        (roll.width, roll.height) = (width, height)
        try roll.svg().write(to: URL(fileURLWithPath: output), atomically: true, encoding: .utf8)
        return "wrote \(output) (\(midi.notes.count) notes)"
    }
}
