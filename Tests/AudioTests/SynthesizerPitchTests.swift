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
}
