/// Audio samples in memory: interleaved 32-bit float frames at a fixed sample rate.
///
/// Sample `c` of frame `f` is `samples[f * channelCount + c]`; full scale is -1...1.
public struct AudioBuffer: Sendable, Equatable {
    /// The interleaved samples, `frameCount * channelCount` of them.
    public var samples: [Float]
    /// Samples per frame: 1 (mono) or 2 (stereo, left first); files may hold more.
    public let channelCount: Int
    /// Frames per second.
    public let sampleRate: Int

    /// Wraps interleaved samples.
    ///
    /// - Precondition: `channelCount >= 1`, `sampleRate >= 1`, and the sample count is a
    ///   whole number of frames.
    public init(samples: [Float], channelCount: Int, sampleRate: Int) {
        precondition(channelCount >= 1, "an audio buffer needs at least one channel")
        precondition(sampleRate >= 1, "an audio buffer needs a positive sample rate")
        precondition(
            samples.count % channelCount == 0,
            "\(samples.count) samples are not a whole number of \(channelCount)-channel frames")
        self.samples = samples
        self.channelCount = channelCount
        self.sampleRate = sampleRate
    }

    /// A buffer of `frameCount` silent frames.
    public init(silentFrames frameCount: Int, channelCount: Int, sampleRate: Int) {
        self.init(
            samples: [Float](repeating: 0, count: frameCount * channelCount),
            channelCount: channelCount, sampleRate: sampleRate)
    }

    /// The number of frames.
    public var frameCount: Int { samples.count / channelCount }

    /// The length in seconds.
    public var duration: Double { Double(frameCount) / Double(sampleRate) }

    /// The largest absolute sample value (0 for an empty buffer).
    public var peak: Float {
        samples.withUnsafeBufferPointer { buffer in
            var largest: Float = 0
            for sample in buffer { largest = max(largest, abs(sample)) }
            return largest
        }
    }

    /// The samples of one channel, de-interleaved.
    public func channel(_ index: Int) -> [Float] {
        precondition(0 <= index && index < channelCount, "channel \(index) out of range")
        return stride(from: index, to: samples.count, by: channelCount).map { samples[$0] }
    }
}
