extension AudioBuffer {
    /// Scales every sample down so that the peak is at most `limit`; leaves a quieter
    /// buffer unchanged.
    ///
    /// - Parameter limit: The largest absolute sample value allowed, in 0...1.
    public mutating func limitPeak(to limit: Float) {
        let current = peak
        guard current > limit, current > 0 else { return }
        let scale = limit / current
        samples.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices {
                buffer[index] = min(max(buffer[index] * scale, -limit), limit)
            }
        }
    }

    /// Scales every sample (up or down) so that the peak is exactly `target`; leaves a
    /// silent buffer unchanged.
    ///
    /// - Parameter target: The peak wanted, as an absolute sample value in 0...1
    ///   (-1 dBFS is about 0.891).
    public mutating func normalizePeak(to target: Float) {
        let current = peak
        guard current > 0 else { return }
        let scale = target / current
        samples.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices {
                buffer[index] = min(max(buffer[index] * scale, -target), target)
            }
        }
    }
}
