/// Somewhere to stream audio to: a sound device, a file, or memory in tests.
///
/// A sink has a fixed sample rate and channel count, and prefers to be written a period of
/// frames at a time. `write` may block until the sink has room (a sound device plays in
/// real time). Stop either gracefully (`drain()`, then `close()`), or at once (`close()`
/// alone, which discards whatever is still queued).
public protocol AudioSink: AnyObject {
    /// Frames per second the sink plays.
    var sampleRate: Int { get }
    /// Samples per frame.
    var channelCount: Int { get }
    /// The number of frames the sink would like per `write`.
    var periodFrames: Int { get }

    /// Queues interleaved frames (`channelCount` samples per frame, -1...1).
    /// - Throws: `AudioDeviceError` when the sink fails.
    func write(_ samples: UnsafeBufferPointer<Float>) throws
    /// Waits until everything queued has been played.
    /// - Throws: `AudioDeviceError` when the sink fails.
    func drain() throws
    /// Releases the sink, discarding anything not yet played. Safe to call more than once.
    func close()
}
