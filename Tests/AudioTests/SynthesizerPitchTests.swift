import Audio
import Foundation
import MIDI
import Testing

@Suite("Synthesizer pitch")
struct SynthesizerPitchTests {
    static let cases: [(Instrument, Int)] = Instrument.allCases.flatMap { instrument in
        [45, 60, 69, 81, 96].map { (instrument, $0) }
    }

    @Test("a rendered note sounds at its equal-tempered frequency within 0.5 %", arguments: cases)
    func noteFrequency(instrument: Instrument, pitch: Int) throws {
        let settings = RenderSettings(sampleRate: 44_100, channelCount: 1, instrument: instrument)
        let audio = try Synthesizer(settings: settings).render(
            [Note(pitch: pitch, velocity: 100, start: 0, end: 1.2)])
        // 440 Hz * 2^((p - 69) / 12), computed here rather than by the code under test.
        let expected = 440 * pow(2, Double(pitch - 69) / 12)
        let measured = PitchEstimator.fundamental(
            of: audio.samples, sampleRate: 44_100, start: 2_205, length: 32_768)
        #expect(
            abs(measured - expected) / expected < 0.005,
            "\(instrument) pitch \(pitch): measured \(measured) Hz, expected \(expected) Hz")
    }

    @Test("A4 at 22,050 Hz is still 440 Hz (tables and strings follow the sample rate)")
    func a4AtAnotherRate() throws {
        for instrument in Instrument.allCases {
            let settings = RenderSettings(
                sampleRate: 22_050, channelCount: 1, instrument: instrument)
            let audio = try Synthesizer(settings: settings).render(
                [Note(pitch: 69, start: 0, end: 1)])
            let measured = PitchEstimator.fundamental(
                of: audio.samples, sampleRate: 22_050, start: 1_000, length: 16_384)
            #expect(abs(measured - 440) / 440 < 0.005, "\(instrument): \(measured) Hz")
        }
    }

    @Test("a chord sounds every one of its notes", arguments: Instrument.allCases)
    func chord(instrument: Instrument) throws {
        let pitches = [60, 64, 67]  // C4 E4 G4: 261.6, 329.6, 392.0 Hz
        let settings = RenderSettings(sampleRate: 44_100, channelCount: 1, instrument: instrument)
        let audio = try Synthesizer(settings: settings).render(
            pitches.map { Note(pitch: $0, velocity: 100, start: 0, end: 1) })
        let magnitudes = PitchEstimator.spectrum(of: audio.samples, start: 1_000, length: 32_768)
        let binWidth = 44_100.0 / 32_768
        let median = magnitudes[100..<1_000].sorted()[450]
        for pitch in pitches {
            let frequency = 440 * pow(2, Double(pitch - 69) / 12)
            let bin = Int((frequency / binWidth).rounded())
            let local = magnitudes[bin - 1...bin + 1].max()!
            #expect(local > 100 * median, "\(instrument): no peak at \(frequency) Hz")
        }
        // Between the notes (D4, 293.7 Hz, is not in the chord) there is no such peak.
        let between = Int((293.66 / binWidth).rounded())
        #expect(
            magnitudes[between - 1...between + 1].max()! < 0.1
                * magnitudes[Int((261.63 / binWidth).rounded())])
    }
}
