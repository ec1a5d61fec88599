import Foundation
import MIDI
import Testing

@Suite("Key and metre names; what `midi inspect` shows of a file")
struct MIDIInspectionTests {
    @Test(
        "key names read back to their signatures",
        arguments: [("C", 0, false), ("G", 1, false), ("Bb", -2, false), ("F#m", 3, true), ("Am", 0, true), ("C#", 7, false)])
    func keyNames(name: String, sharps: Int, minor: Bool) throws {
        let signature = try #require(MIDIKeyName.signature(named: name))
        #expect(signature.sharps == sharps && signature.minor == minor)
        let spelled = MIDIKeyName.name(sharps: sharps, minor: minor)
        #expect(spelled == (minor ? String(name.dropLast()) + " minor" : name + " major"))
    }

    @Test("anything else is not a key", arguments: ["H", "c", "Gbm#", "", "A minor"])
    func notKeys(name: String) {
        #expect(MIDIKeyName.signature(named: name) == nil)
    }

    @Test("metres are a numerator in range over a power of two")
    func metres() {
        #expect(TimeSignature.metre(named: "6/8")! == (6, 8))
        #expect(TimeSignature.metre(named: "64/4")! == (64, 4))
        #expect(TimeSignature.metre(named: "64/4", numerators: 1...32) == nil)
        for text in ["4/3", "0/4", "4", "4/4/4", "x/4", "4/"] {
            #expect(TimeSignature.metre(named: text) == nil, "\(text)")
        }
    }

    @Test("the inspection lists tracks, signatures and repairs, and encodes the documented keys")
    func inspection() throws {
        let midi = try MIDIFile.read(contentsOf: MIDIBytes.fixtures.appendingPathComponent("overlap.mid"))
        let inspection = MIDIInspection(midi)
        #expect(inspection.notes.count == midi.notes.count)
        #expect(inspection.tracks.count == midi.tracks.count)
        let summary = inspection.summary(fileName: "overlap.mid")
        #expect(summary.hasPrefix("overlap.mid: format 1, 2 tracks, 120 ticks per quarter note"))
        #expect(summary.contains("6/8 at tick 0") && summary.contains("A major"))
        let object = try #require(
            JSONSerialization.jsonObject(with: Data(try inspection.json().utf8)) as? [String: Any])
        #expect(
            Set(object.keys) == [
                "format", "division", "tracks", "tempos", "timeSignatures", "keySignatures", "notes",
                "durationSeconds", "warnings",
            ])
    }
}
