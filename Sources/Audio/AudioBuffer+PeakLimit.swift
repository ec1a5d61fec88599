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
}
