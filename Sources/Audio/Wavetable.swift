import Foundation

/// One timbre as band-limited single-cycle waveforms, one table per octave of MIDI pitch.
///
/// The table for pitches `12b ..< 12b + 12` keeps only the harmonics that stay below 45 % of
/// the sample rate for the highest pitch of that octave, so that no note aliases.
struct Wavetable: Sendable {
    /// Samples per cycle.
    static let cycleLength = 2048
    /// Low bits of a 32-bit phase below the table index (32 - log2(cycleLength)).
    static let fractionBits: UInt32 = 21
    /// The mask of those bits.
    static let fractionMask: UInt32 = (1 << 21) - 1
    /// Scales the masked bits to a fraction in 0..<1.
    static let fractionScale: Float = 1 / Float(1 << 21)
    /// Octave bands, covering MIDI pitches 0...131.
    static let bandCount = 11
    /// Stored samples per band: one cycle plus a copy of the first sample, so that linear
    /// interpolation never wraps.
    static let bandStride = cycleLength + 1

    /// `bandCount` bands of `bandStride` samples, each band normalised to a peak of 1.
    let samples: [Float]

    /// Builds the tables of a timbre.
    ///
    /// - Parameters:
    ///   - harmonicAmplitudes: Amplitude of harmonic 1 (the fundamental), 2, 3, ... in
    ///     order; all harmonics start in sine phase.
    ///   - sampleRate: The rate the tables will be played at.
    init(harmonicAmplitudes: [Double], sampleRate: Int) {
        let length = Self.cycleLength
        var samples = [Float](repeating: 0, count: Self.bandCount * Self.bandStride)
        var cycle = [Double](repeating: 0, count: length)
        for band in 0..<Self.bandCount {
            let highestFrequency = Synthesizer.frequency(ofPitch: 12 * band + 11)
            let allowed = max(1, Int(0.45 * Double(sampleRate) / highestFrequency))
            for index in cycle.indices { cycle[index] = 0 }
            for (offset, amplitude) in harmonicAmplitudes.prefix(allowed).enumerated()
            where amplitude != 0 {
                let step = 2 * Double.pi * Double(offset + 1) / Double(length)
                for index in 0..<length { cycle[index] += amplitude * sin(step * Double(index)) }
            }
            let peak = cycle.map(abs).max() ?? 0
            let scale = peak > 0 ? 1 / peak : 0
            let base = band * Self.bandStride
            for index in 0..<length { samples[base + index] = Float(cycle[index] * scale) }
            samples[base + length] = samples[base]
        }
        self.samples = samples
    }

    /// Index of the first sample of the band that plays `pitch`.
    static func bandOffset(forPitch pitch: Int) -> Int {
        min(max(pitch / 12, 0), bandCount - 1) * bandStride
    }
}
