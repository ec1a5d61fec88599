/// How far playback has got.
public struct PlaybackProgress: Sendable, Equatable {
    /// Seconds of audio handed to the sink so far.
    public var elapsed: Double
    /// Seconds of audio in all.
    public var total: Double
}

/// How playback ended.
public enum PlaybackOutcome: Sendable, Equatable {
    /// Everything was played and the sink drained.
    case finished
    /// `shouldStop` turned true; the sink was closed without draining.
    case interrupted
}

/// Streams an audio buffer to a sink in period-sized writes.
///
/// The whole buffer is ready before playback starts, so the device is always fed ahead of
/// what it plays. Between periods the player asks `shouldStop` (for instance a Ctrl-C flag,
/// see `InterruptSignal`); when it says yes, the sink is closed at once rather than drained,
/// so playback stops within about one device buffer (0.1 s with `ALSAPlaybackSink`'s
/// default latency).
public struct AudioPlayer {
    /// Where the audio goes.
    public let sink: any AudioSink

    /// A player writing to `sink`.
    public init(sink: any AudioSink) { self.sink = sink }

    /// Plays `buffer` to the end (then drains and closes the sink) or until `shouldStop`.
    ///
    /// - Parameters:
    ///   - buffer: The audio; its rate and channel count must match the sink's.
    ///   - shouldStop: Asked before every period; `true` stops playback.
    ///   - progress: Called after every period with the position reached.
    /// - Returns: Whether playback finished or was interrupted.
    /// - Throws: The sink's error; the sink is closed first.
    public func play(
        _ buffer: AudioBuffer, shouldStop: () -> Bool = { false },
        progress: (PlaybackProgress) -> Void = { _ in }
    ) throws -> PlaybackOutcome {
        precondition(
            buffer.sampleRate == sink.sampleRate && buffer.channelCount == sink.channelCount,
            "buffer (\(buffer.sampleRate) Hz, \(buffer.channelCount) ch) does not match the sink "
                + "(\(sink.sampleRate) Hz, \(sink.channelCount) ch)")
        defer { sink.close() }
        let channelCount = buffer.channelCount
        let periodSamples = max(1, sink.periodFrames) * channelCount
        let total = buffer.duration
        let rate = Double(buffer.sampleRate)
        return try buffer.samples.withUnsafeBufferPointer { samples in
            var offset = 0
            while offset < samples.count {
                if shouldStop() { return .interrupted }
                let end = min(offset + periodSamples, samples.count)
                try sink.write(UnsafeBufferPointer(rebasing: samples[offset..<end]))
                offset = end
                progress(
                    PlaybackProgress(elapsed: Double(offset / channelCount) / rate, total: total))
            }
            if shouldStop() { return .interrupted }
            try sink.drain()
            return .finished
        }
    }
}
