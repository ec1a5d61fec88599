import Foundation

/// Estimates the fundamental frequency of a signal from its spectrum, independently of the
/// renderer: a Hann window, a radix-2 FFT, the strongest peak below 4 kHz, a step down to a
/// sub-harmonic when one is nearly as strong (so that a loud 2nd harmonic is not taken for
/// the fundamental), and a parabolic fit through the log magnitudes around the peak.
enum PitchEstimator {
    /// The fundamental of `samples[start ..< start + 2^k]` (the largest power of two that fits
    /// in `length`), in hertz.
    static func fundamental(of samples: [Float], sampleRate: Int, start: Int, length: Int)
        -> Double
    {
        let magnitudes = spectrum(of: samples, start: start, length: length)
        let size = magnitudes.count * 2
        let binWidth = Double(sampleRate) / Double(size)
        let highest = min(size / 2 - 2, Int(4000 / binWidth))
        var peak = 2
        for bin in 2...highest where magnitudes[bin] > magnitudes[peak] { peak = bin }
        for divisor in [4, 3, 2] {
            let candidate = Int((Double(peak) / Double(divisor)).rounded())
            guard candidate >= 2 else { continue }
            let local = (candidate - 2...candidate + 2).max { magnitudes[$0] < magnitudes[$1] }!
            if magnitudes[local] > 0.3 * magnitudes[peak] {
                peak = local
                break
            }
        }
        let left = log(magnitudes[peak - 1])
        let middle = log(magnitudes[peak])
        let right = log(magnitudes[peak + 1])
        let shift = 0.5 * (left - right) / (left - 2 * middle + right)
        return (Double(peak) + shift) * binWidth
    }

    /// Magnitudes of the Hann-windowed spectrum of `samples[start ..< start + 2^k]` (the
    /// largest power of two that fits in `length`), bins 0 ..< 2^(k-1); bin `b` is at
    /// `b * sampleRate / 2^k` Hz.
    static func spectrum(of samples: [Float], start: Int, length: Int) -> [Double] {
        var size = 1
        while size * 2 <= length { size *= 2 }
        var real = [Double](repeating: 0, count: size)
        var imaginary = [Double](repeating: 0, count: size)
        for index in 0..<size {
            let window = 0.5 - 0.5 * cos(2 * Double.pi * Double(index) / Double(size))
            real[index] = Double(samples[start + index]) * window
        }
        fft(&real, &imaginary)
        return (0..<size / 2).map { hypot(real[$0], imaginary[$0]) }
    }

    /// In-place iterative radix-2 Cooley-Tukey FFT; the count must be a power of two.
    private static func fft(_ real: inout [Double], _ imaginary: inout [Double]) {
        let count = real.count
        var j = 0
        for i in 1..<count {
            var bit = count >> 1
            while j & bit != 0 {
                j ^= bit
                bit >>= 1
            }
            j |= bit
            if i < j {
                real.swapAt(i, j)
                imaginary.swapAt(i, j)
            }
        }
        var length = 2
        while length <= count {
            let angle = -2 * Double.pi / Double(length)
            for blockStart in stride(from: 0, to: count, by: length) {
                for k in 0..<length / 2 {
                    let wr = cos(angle * Double(k))
                    let wi = sin(angle * Double(k))
                    let a = blockStart + k
                    let b = a + length / 2
                    let tr = real[b] * wr - imaginary[b] * wi
                    let ti = real[b] * wi + imaginary[b] * wr
                    real[b] = real[a] - tr
                    imaginary[b] = imaginary[a] - ti
                    real[a] += tr
                    imaginary[a] += ti
                }
            }
            length *= 2
        }
    }
}
