import Audio
import Foundation
import MIDI
import Testing

@Suite("Timing through the tempo map")
struct TempoChangeTimingTests {
    /// A format-0 Standard MIDI File, 480 ticks per quarter note, written byte by byte:
    /// 120 bpm (500,000 us per quarter), C4 from tick 0 to 240, a tempo change at tick 480 to
    /// 300,000 us per quarter (200 bpm), E4 from tick 1000 to 1240.
    ///
    /// Seconds by hand: C4 starts at 0 and ends at 240 / 480 * 0.5 = 0.25; the change falls
    /// at 0.5 s; E4 starts at 0.5 + 520 / 480 * 0.3 = 0.825 s (1.0417 s if the change were
    /// ignored) and ends 240 / 480 * 0.3 = 0.15 s later, at 0.975 s.
    static let twoNotesWithTempoChange: [UInt8] = {
        let track: [UInt8] = [
            0x00, 0xFF, 0x51, 0x03, 0x07, 0xA1, 0x20,  // tempo 500,000
            0x00, 0x90, 60, 100,  // C4 on
            0x81, 0x70, 0x80, 60, 64,  // +240: C4 off
            0x81, 0x70, 0xFF, 0x51, 0x03, 0x04, 0x93, 0xE0,  // +240 (tick 480): tempo 300,000
            0x84, 0x08, 0x90, 64, 100,  // +520 (tick 1000): E4 on
            0x81, 0x70, 0x80, 64, 64,  // +240: E4 off
            0x00, 0xFF, 0x2F, 0x00,  // end of track
        ]
        let header: [UInt8] = [0x4D, 0x54, 0x68, 0x64, 0, 0, 0, 6, 0, 0, 0, 1, 0x01, 0xE0]
        let length = UInt32(track.count)
        return header + [0x4D, 0x54, 0x72, 0x6B]
            + [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: length >> $0) } + track
    }()

    @Test(
        "both notes of a two-note file with a tempo change sound within 1 ms of their times",
        arguments: Instrument.allCases)
    func onsetsFollowTheTempoMap(instrument: Instrument) throws {
        let file = try MIDIFile(bytes: Self.twoNotesWithTempoChange, name: "two-notes.mid")
        #expect(file.notes.count == 2)
        let settings = RenderSettings(channelCount: 1, instrument: instrument)
        let audio = try Synthesizer(settings: settings).render(file.notes)
        let rate = Double(settings.sampleRate)
        func onset(after seconds: Double) -> Double? {
            let from = Int(seconds * rate)
            return (from..<audio.samples.count).first { abs(audio.samples[$0]) > 1e-4 }
                .map { Double($0) / rate }
        }
        let first = try #require(onset(after: 0))
        let second = try #require(onset(after: 0.4))
        #expect(abs(first - 0) < 0.001, "first onset at \(first) s")
        #expect(abs(second - 0.825) < 0.001, "second onset at \(second) s, expected 0.825 s")
        // Silence between the first note's release and the second note.
        let gap = audio.samples[Int(0.4 * rate)..<Int(0.82 * rate)]
        #expect(gap.allSatisfy { $0 == 0 })
        // The second note ends on time too: sounding just before 0.975 s, silent once its
        // release is over.
        let ending = audio.samples[Int(0.970 * rate)..<Int(0.975 * rate)]
        #expect(ending.contains { $0 != 0 })
        #expect(
            audio.samples[Int((0.975 + instrument.releaseSeconds + 0.001) * rate)...]
                .allSatisfy { $0 == 0 })
    }
}
