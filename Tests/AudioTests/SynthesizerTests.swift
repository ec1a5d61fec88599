import Audio
import Foundation
import MIDI
import Testing

@Suite("Synthesizer")
struct SynthesizerTests {
    /// The first frame at or after `from` whose absolute value exceeds `threshold`.
    static func onset(_ samples: [Float], from: Int = 0, threshold: Float = 1e-4) -> Int? {
        (from..<samples.count).first { abs(samples[$0]) > threshold }
    }

    @Test(
        "notes start within 1 ms of their times, counted from the first note (leading silence is cut)",
        arguments: Instrument.allCases)
    func noteStartTimes(instrument: Instrument) throws {
        let starts = [0.25, 0.7513, 1.33337]
        let notes = starts.map { Note(pitch: 64, velocity: 100, start: $0, end: $0 + 0.2) }
        let settings = RenderSettings(channelCount: 1, instrument: instrument)
        let audio = try Synthesizer(settings: settings).render(notes)
        var searchFrom = 0
        for start in starts.map({ $0 - starts[0] }) {
            let frame = try #require(Self.onset(audio.samples, from: searchFrom))
            let seconds = Double(frame) / 44_100
            #expect(
                abs(seconds - start) < 0.001,
                "\(instrument): onset at \(seconds), expected \(start)")
            // Skip past this note and its release before looking for the next onset.
            searchFrom = Int((start + 0.2 + 0.15) * 44_100)
            #expect(audio.samples[searchFrom - 100..<searchFrom].allSatisfy { $0 == 0 })
        }
    }

    @Test("a loud dense chord stays at or below -1 dBFS", arguments: Instrument.allCases)
    func peakLimit(instrument: Instrument) throws {
        let notes = (0..<24).map { Note(pitch: 40 + 2 * $0, velocity: 127, start: 0, end: 1) }
        let audio = try Synthesizer(settings: RenderSettings(instrument: instrument)).render(notes)
        let limit = Float(pow(10, -1.0 / 20))
        #expect(audio.peak <= limit)
        #expect(audio.peak > 0.5 * limit, "the limiter scales down, it does not silence")
    }

    @Test("velocity sets a note's loudness relative to the other notes of the tune")
    func velocitySetsLoudness() throws {
        let audio = try Synthesizer(settings: RenderSettings(channelCount: 1)).render([
            Note(pitch: 60, velocity: 40, start: 0, end: 0.5),
            Note(pitch: 60, velocity: 120, start: 1, end: 1.5),
        ])
        func rms(from: Double, to: Double) -> Double {
            let frames = audio.samples[Int(from * 44_100)..<Int(to * 44_100)]
            return sqrt(frames.reduce(0) { $0 + Double($1 * $1) } / Double(frames.count))
        }
        let soft = rms(from: 0, to: 0.6)
        let loud = rms(from: 1, to: 1.6)
        #expect(loud > 4 * soft, "loud \(loud), soft \(soft)")
    }

    @Test("without normalisation quiet music is not amplified")
    func quietMusicWithoutNormalisation() throws {
        let settings = RenderSettings(normalizes: false)
        let audio = try Synthesizer(settings: settings).render([
            Note(pitch: 60, velocity: 40, start: 0, end: 0.5)
        ])
        #expect(audio.peak > 0 && audio.peak < 0.1, "peak \(audio.peak)")
    }

    @Test("the audio lasts past the last note by its release and the tail")
    func releaseTail() throws {
        let settings = RenderSettings(instrument: .organ, tailSeconds: 0.5)
        let audio = try Synthesizer(settings: settings).render(
            [Note(pitch: 60, start: 0, end: 1), Note(pitch: 67, start: 0.5, end: 2)])
        #expect(abs(audio.duration - (2 + 0.1 + 0.5)) < 0.001)
        // Still sounding just after the note's end (the release), silent after the release.
        let left = audio.channel(0)
        #expect(left[Int(2.03 * 44_100)] != 0 || left[Int(2.03 * 44_100) + 1] != 0)
        #expect(left[Int(2.11 * 44_100)...].allSatisfy { $0 == 0 })
    }

    @Test("notes fade in and out without clicks", arguments: Instrument.allCases)
    func noClicks(instrument: Instrument) throws {
        let settings = RenderSettings(channelCount: 1, instrument: instrument)
        let audio = try Synthesizer(settings: settings).render(
            [Note(pitch: 72, velocity: 127, start: 0.1, end: 0.4)])
        // The leading 0.1 s of silence is cut: the note starts the audio.
        let start = 0
        let end = Int(0.3 * 44_100)
        // The first sample is (nearly) silent, and the last sample of the release too.
        #expect(abs(audio.samples[start]) < 1e-3)
        let releaseEnd = end + Int(instrument.releaseSeconds * 44_100)
        #expect(abs(audio.samples[releaseEnd - 1]) < 2e-3)
        #expect(audio.samples[releaseEnd...].allSatisfy { $0 == 0 })
    }

    @Test("stereo places two tracks apart; mono sums to one channel")
    func stereoAndMono() throws {
        let notes = [
            Note(track: 1, pitch: 72, start: 0, end: 0.5),
            Note(track: 2, pitch: 48, start: 0, end: 0.5),
        ]
        let stereo = try Synthesizer(settings: RenderSettings(channelCount: 2)).render(notes)
        #expect(stereo.channelCount == 2)
        #expect(stereo.channel(0) != stereo.channel(1))
        let mono = try Synthesizer(settings: RenderSettings(channelCount: 1)).render(notes)
        #expect(mono.channelCount == 1)
        #expect(mono.frameCount == stereo.frameCount)
    }

    @Test("rendering is deterministic, and the seed changes the plucked strings only")
    func determinism() throws {
        let notes = [Note(pitch: 60, start: 0, end: 0.3), Note(pitch: 64, start: 0.1, end: 0.4)]
        let pluck = Synthesizer(settings: RenderSettings(instrument: .pluck, seed: 7))
        #expect(try pluck.render(notes) == pluck.render(notes))
        let otherSeed = Synthesizer(settings: RenderSettings(instrument: .pluck, seed: 8))
        #expect(try pluck.render(notes) != otherSeed.render(notes))
        let organ7 = Synthesizer(settings: RenderSettings(instrument: .organ, seed: 7))
        let organ8 = Synthesizer(settings: RenderSettings(instrument: .organ, seed: 8))
        #expect(try organ7.render(notes) == organ8.render(notes))
    }

    @Test("percussion (channel 10) is skipped; no notes give no audio")
    func percussionAndEmpty() throws {
        let drums = try Synthesizer().render([Note(channel: 9, pitch: 38, start: 0, end: 0.5)])
        #expect(drums.frameCount > 0)
        #expect(drums.peak == 0)
        #expect(try Synthesizer().render([]).frameCount == 0)
    }

    @Test("impossible notes are rejected with their index")
    func invalidNotes() throws {
        let good = Note(pitch: 60, start: 0, end: 1)
        #expect(throws: RenderError.invalidPitch(noteIndex: 1, pitch: 128)) {
            try Synthesizer().render([good, Note(pitch: 128, start: 0, end: 1)])
        }
        #expect(throws: RenderError.invalidNoteTime(noteIndex: 0, start: 2, end: 1)) {
            try Synthesizer().render([Note(pitch: 60, start: 2, end: 1)])
        }
        #expect(throws: RenderError.self) {
            try Synthesizer().render([Note(pitch: 60, start: .nan, end: 1)])
        }
        #expect(throws: RenderError.self) {
            try Synthesizer().render([Note(pitch: 60, start: 0, end: 1e7)])
        }
    }

    @Test("settings decode with defaults for missing keys")
    func settingsDecoding() throws {
        let decoded = try JSONDecoder().decode(
            RenderSettings.self, from: Data(#"{"instrument":"organ","sampleRate":48000}"#.utf8))
        #expect(decoded == RenderSettings(sampleRate: 48_000, instrument: .organ))
        let roundTrip = try JSONDecoder().decode(
            RenderSettings.self, from: JSONEncoder().encode(decoded))
        #expect(roundTrip == decoded)
    }
}
