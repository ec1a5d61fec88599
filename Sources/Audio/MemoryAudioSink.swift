/// An `AudioSink` that keeps everything written to it, for tests and for code that wants the
/// player's output without a sound device.
public final class MemoryAudioSink: AudioSink {
    public let sampleRate: Int
    public let channelCount: Int
    public let periodFrames: Int
    /// Every sample written, interleaved, in order.
    public private(set) var samples: [Float] = []
    /// The frame count of each `write`, in order.
    public private(set) var writeSizes: [Int] = []
    /// Whether `drain()` was called.
    public private(set) var isDrained = false
    /// Whether `close()` was called.
    public private(set) var isClosed = false

    /// A sink that accepts `channelCount`-channel frames at `sampleRate`, asking for
    /// `periodFrames` per write.
    public init(sampleRate: Int, channelCount: Int, periodFrames: Int = 1024) {
        precondition(sampleRate > 0 && channelCount > 0 && periodFrames > 0)
        self.sampleRate = sampleRate
        self.channelCount = channelCount
        self.periodFrames = periodFrames
    }

    public func write(_ samples: UnsafeBufferPointer<Float>) throws {
        precondition(!isClosed, "write to a closed sink")
        precondition(samples.count % channelCount == 0, "write whole frames")
        self.samples.append(contentsOf: samples)
        writeSizes.append(samples.count / channelCount)
    }

    public func drain() throws { isDrained = true }

    public func close() { isClosed = true }
}
