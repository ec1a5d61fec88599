import Audio
import Foundation
import MIDI
import Testing

/// What a listener notices first: how loud a render is, when the sound starts, and whether
/// the two channels say anything different.
@Suite("Rendered level, start and stereo field")
struct RenderLevelTests {
    /// -1 dBFS as a sample value.
    static let target = Float(pow(10, -1.0 / 20))

    /// A one-voice tune like a generated one: a bar of rest, then a phrase over two octaves.
    static let tune: [Note] = [55, 62, 67, 71, 74, 79, 83, 86].enumerated().map { index, pitch in
        Note(pitch: pitch, velocity: 70, start: 2.2 + 0.25 * Double(index), end: 2.2 + 0.25 * Double(index + 1))
    }

    @Test("a render peaks at -1 dBFS, however few and soft its notes", arguments: Instrument.allCases)
    func peakIsNormalised(instrument: Instrument) throws {
        for notes in [Self.tune, [Note(pitch: 60, velocity: 30, start: 0, end: 0.5)]] {
            let audio = try Synthesizer(settings: RenderSettings(instrument: instrument)).render(notes)
            #expect(abs(audio.peak - Self.target) < 1e-4, "\(instrument): peak \(audio.peak)")
        }
    }

    @Test("the first sound comes within 5 ms of the start, not after the tune's leading rest")
    func leadingSilenceIsTrimmed() throws {
        let audio = try Synthesizer(settings: RenderSettings(channelCount: 1)).render(Self.tune)
        let first = try #require(audio.samples.firstIndex { abs($0) > 1e-3 })
        #expect(Double(first) / 44_100 < 0.005, "first sound at \(Double(first) / 44_100) s")
        // The length follows: 2 s of notes, the piano's release and the 0.5 s tail.
        #expect(abs(audio.duration - (2 + 0.08 + 0.5)) < 0.001, "\(audio.duration) s")
    }

    @Test("the leading rest is kept when trimming is turned off")
    func trimmingCanBeTurnedOff() throws {
        let settings = RenderSettings(channelCount: 1, trimsLeadingSilence: false)
        let audio = try Synthesizer(settings: settings).render(Self.tune)
        let first = try #require(audio.samples.firstIndex { abs($0) > 1e-3 })
        #expect(abs(Double(first) / 44_100 - 2.2) < 0.005)
    }

    @Test("a single melody in stereo has two different channels: low notes left, high notes right")
    func singleMelodyFillsTheField() throws {
        let audio = try Synthesizer(settings: RenderSettings(channelCount: 2)).render(Self.tune)
        let left = audio.channel(0)
        let right = audio.channel(1)
        let difference = zip(left, right).map { abs($0 - $1) }.max() ?? 0
        #expect(difference > 0.05, "largest channel difference \(difference)")
        func energy(_ samples: [Float], note: Int) -> Float {
            let from = Int(0.25 * Double(note) * 44_100)
            return samples[from..<from + 8_000].reduce(0) { $0 + $1 * $1 }
        }
        #expect(energy(left, note: 0) > 1.2 * energy(right, note: 0), "the lowest note leans left")
        #expect(energy(right, note: 7) > 1.2 * energy(left, note: 7), "the highest note leans right")
    }

    @Test("percussion is counted apart: a drums-only list has no pitched notes")
    func pitchedNoteCount() {
        let drums = [Note(channel: 9, pitch: 38, start: 0, end: 0.1), Note(channel: 9, pitch: 42, start: 0.1, end: 0.2)]
        #expect(Synthesizer.pitchedNoteCount(in: drums) == 0)
        #expect(Synthesizer.pitchedNoteCount(in: drums + Self.tune) == Self.tune.count)
    }
}
