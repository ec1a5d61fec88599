import Randomness
import Foundation

/// The three instruments' raw sound, before the note envelope: each fills a mono voice buffer
/// whose frame 0 is the note's start.
extension Synthesizer {
    /// Harmonic amplitudes of the organ: drawbar-like 8', 4', 2 2/3', 2', 1 1/3', 1', soft.
    static let organHarmonics: [Double] = [1, 0.5, 0.28, 0.18, 0, 0.1, 0, 0.06]
    /// The piano's mellow timbre, which its sound settles into.
    static let pianoMellowHarmonics: [Double] = [1, 0.22, 0.06]
    /// The piano's bright attack: harmonics falling as 1/n, with those that have a node at
    /// the hammer's strike point (1/7 of the string) suppressed.
    static let pianoBrightHarmonics: [Double] = (1...16).map { harmonic in
        abs(sin(Double.pi * Double(harmonic) / 7)) / pow(Double(harmonic), 1.1) / sin(Double.pi / 7)
    }

    /// The tables an instrument needs: piano [mellow, bright], organ [tone], pluck none.
    static func tables(for instrument: Instrument, sampleRate: Int) -> [Wavetable] {
        switch instrument {
        case .piano:
            [
                Wavetable(harmonicAmplitudes: pianoMellowHarmonics, sampleRate: sampleRate),
                Wavetable(harmonicAmplitudes: pianoBrightHarmonics, sampleRate: sampleRate),
            ]
        case .organ:
            [Wavetable(harmonicAmplitudes: organHarmonics, sampleRate: sampleRate)]
        case .pluck:
            []
        }
    }

    /// The phase step per frame for `pitch`, as a 32-bit fixed-point fraction of a cycle
    /// (wrapping is free, and the frequency is exact to 1e-5 Hz).
    private func phaseIncrement(pitch: Int) -> UInt32 {
        let cycles = Self.frequency(ofPitch: pitch) / Double(settings.sampleRate)
        return UInt32(truncatingIfNeeded: UInt64((cycles * 4_294_967_296).rounded()))
    }

    /// The table value at a fixed-point phase, interpolated linearly between samples.
    @inline(__always)
    private static func lookUp(_ band: UnsafePointer<Float>, _ phase: UInt32) -> Float {
        let index = Int(phase >> Wavetable.fractionBits)
        let fraction = Float(phase & Wavetable.fractionMask) * Wavetable.fractionScale
        let a = band[index]
        return a + fraction * (band[index + 1] - a)
    }

    /// A steady additive organ tone.
    func renderOrgan(into voice: UnsafeMutableBufferPointer<Float>, pitch: Int) {
        let increment = phaseIncrement(pitch: pitch)
        tables[0].samples.withUnsafeBufferPointer { table in
            let band = table.baseAddress! + Wavetable.bandOffset(forPitch: pitch)
            var phase: UInt32 = 0
            for index in 0..<voice.count {
                voice[index] = Self.lookUp(band, phase)
                phase &+= increment
            }
        }
    }

    /// A struck-string tone: starts bright (more so at high velocity), mellows within a
    /// quarter of a second and decays, lower keys ringing longer.
    func renderPiano(into voice: UnsafeMutableBufferPointer<Float>, pitch: Int, velocity: Float) {
        let increment = phaseIncrement(pitch: pitch)
        let sampleRate = Double(settings.sampleRate)
        let decaySeconds = min(4, max(0.4, 1.6 * pow(2, -Double(pitch - 60) / 24)))
        let decay = Float(exp(-1 / (decaySeconds * sampleRate)))
        let mellowing = Float(exp(-1 / (0.25 * sampleRate)))
        let offset = Wavetable.bandOffset(forPitch: pitch)
        tables[0].samples.withUnsafeBufferPointer { mellowTable in
            tables[1].samples.withUnsafeBufferPointer { brightTable in
                let mellow = mellowTable.baseAddress! + offset
                let bright = brightTable.baseAddress! + offset
                var phase: UInt32 = 0
                var level: Float = 1
                var brightness: Float = 0.35 + 0.65 * velocity
                for index in 0..<voice.count {
                    let m = Self.lookUp(mellow, phase)
                    let b = Self.lookUp(bright, phase)
                    voice[index] = level * (m + brightness * (b - m))
                    level *= decay
                    brightness *= mellowing
                    phase &+= increment
                }
            }
        }
    }

    /// A plucked string by the Karplus-Strong algorithm, tuned exactly: the loop delay is
    /// `whole` samples of delay line, half a sample for the two-point average and a
    /// fractional delay from a first-order all-pass filter (Jaffe and Smith, 1983).
    ///
    /// - Parameters:
    ///   - delayLine: Scratch space, at least one period of the lowest key long.
    ///   - noise: The generator of the excitation's noise; harder plucks (higher velocity)
    ///     keep more of its high frequencies.
    func renderPluck(
        into voice: UnsafeMutableBufferPointer<Float>, pitch: Int, velocity: Float,
        delayLine: UnsafeMutableBufferPointer<Float>, noise: inout SplitMix64
    ) {
        let period = Double(settings.sampleRate) / Self.frequency(ofPitch: pitch)
        let whole = max(2, Int((period - 0.5 - 0.1).rounded(.down)))
        let fractional = period - 0.5 - Double(whole)
        let allPass = Float((1 - fractional) / (1 + fractional))
        precondition(whole <= delayLine.count, "delay line too short for pitch \(pitch)")

        // Excitation: the string's initial shape, a triangle peaking a fifth of the way
        // along (which gives a strong fundamental), plus low-passed noise for the "pluck";
        // then the DC is removed and the peak scaled to 1.
        let smoothing = 0.25 + 0.7 * velocity
        let apex = max(1, whole / 5)
        var smoothed: Float = 0
        var sum: Float = 0
        for index in 0..<whole {
            smoothed += smoothing * (noise.nextSignedUnit() - smoothed)
            let shape =
                index < apex
                ? Float(index) / Float(apex)
                : Float(whole - index) / Float(whole - apex)
            delayLine[index] = 0.7 * shape + 0.3 * smoothed
            sum += delayLine[index]
        }
        let mean = sum / Float(whole)
        var peak: Float = 0
        for index in 0..<whole {
            delayLine[index] -= mean
            peak = max(peak, abs(delayLine[index]))
        }
        let scale: Float = peak > 0 ? 1 / peak : 0
        for index in 0..<whole { delayLine[index] *= scale }

        // Energy kept per pass of the loop: longer strings lose less per pass.
        let damping = Float(0.996)
        var position = 0
        var previous: Float = 0
        var allPassInput: Float = 0
        var allPassOutput: Float = 0
        for index in 0..<voice.count {
            let out = delayLine[position]
            let averaged = 0.5 * (out + previous) * damping
            previous = out
            let tuned = allPass * averaged + allPassInput - allPass * allPassOutput
            allPassInput = averaged
            allPassOutput = tuned
            delayLine[position] = tuned
            position += 1
            if position == whole { position = 0 }
            voice[index] = out
        }
    }
}
