import Foundation
import MIDI
import Reports
import TestSupport
import Testing

@Suite("A MIDI file drawn as a piano roll into an SVG file")
struct PianoRollFileTests {
    @Test("the picture has the size asked for and the line counts the notes")
    func writeSVG() throws {
        let folder = try TestPaths.makeTemporaryDirectory("roll-file")
        let notes = (0..<3).map { Note(pitch: 60 + 2 * $0, startTick: $0 * 480, endTick: $0 * 480 + 480, start: 0, end: 0) }
        let midi = folder.appendingPathComponent("tune.mid")
        try Data(MIDIFile(notes: notes, format: 0, ticksPerQuarter: 480).encoded()).write(to: midi)
        let svg = folder.appendingPathComponent("roll.svg").path
        #expect(try PianoRoll.writeSVG(ofMIDIFile: midi.path, to: svg, width: 300, height: 120) == "wrote \(svg) (3 notes)")
        #expect(try String(contentsOfFile: svg, encoding: .utf8).contains("viewBox=\"0 0 300 120\""))
    }
}
