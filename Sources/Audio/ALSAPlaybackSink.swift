internal import CALSA

/// An `AudioSink` that plays through an ALSA PCM device (the only user of `CALSA`).
///
/// Any PCM name works: `default`, `hw:0,0`, `plughw:1`, `null`, or the file plugin
/// `file:'/tmp/out.wav',wav`, which records exactly what is played. Samples go to the device
/// as 16-bit signed integers (the format every device and plugin accepts; ALSA converts and
/// resamples where the hardware needs it), in blocking interleaved writes. An underrun (the
/// device ran dry) or a signal interrupting a write is recovered with `snd_pcm_recover` and
/// the write resumes. ALSA's own error printing is silenced, so failures surface only as
/// one-line `AudioDeviceError`s.
public final class ALSAPlaybackSink: AudioSink {
    /// The PCM name the sink was opened with.
    public let device: String
    public let sampleRate: Int
    public let channelCount: Int
    public let periodFrames: Int
    /// Frames the device buffers ahead of what is heard.
    public let bufferFrames: Int
    /// How many times a write had to recover from an underrun or interruption.
    public private(set) var recoveryCount = 0

    private var pcm: OpaquePointer?
    /// Conversion space for one period of 16-bit samples, allocated once.
    private var converted: [Int16]

    /// Opens `device` for playback of `channelCount`-channel audio at `sampleRate`.
    ///
    /// - Parameters:
    ///   - device: An ALSA PCM name.
    ///   - latency: The device buffer in microseconds; periods are a quarter of it.
    /// - Throws: `AudioDeviceError.cannotOpen` (`snd_pcm_open`) or `.cannotConfigure`
    ///   (`snd_pcm_set_params`).
    public init(
        device: String = "default", sampleRate: Int, channelCount: Int, latency: Int = 100_000
    ) throws {
        _ = seqgan_alsa_silence_library_errors()
        self.device = device
        self.sampleRate = sampleRate
        self.channelCount = channelCount
        var handle: OpaquePointer?
        let openStatus = snd_pcm_open(&handle, device, SND_PCM_STREAM_PLAYBACK, 0)
        guard openStatus >= 0, let handle else {
            throw AudioDeviceError.cannotOpen(device: device, reason: Self.describe(openStatus))
        }
        let configureStatus = snd_pcm_set_params(
            handle, SND_PCM_FORMAT_S16_LE, SND_PCM_ACCESS_RW_INTERLEAVED, UInt32(channelCount),
            UInt32(sampleRate), 1, UInt32(latency))
        guard configureStatus >= 0 else {
            snd_pcm_close(handle)
            throw AudioDeviceError.cannotConfigure(
                device: device, reason: Self.describe(configureStatus))
        }
        var buffer: snd_pcm_uframes_t = 0
        var period: snd_pcm_uframes_t = 0
        if snd_pcm_get_params(handle, &buffer, &period) < 0 || period == 0 {
            period = snd_pcm_uframes_t(max(64, sampleRate / 40))
            buffer = period * 4
        }
        self.pcm = handle
        self.periodFrames = Int(period)
        self.bufferFrames = Int(buffer)
        self.converted = [Int16](repeating: 0, count: Int(period) * channelCount)
    }

    deinit { close() }

    /// Converts the samples to 16-bit and writes them with `snd_pcm_writei`, a period at a
    /// time, blocking while the device is full.
    public func write(_ samples: UnsafeBufferPointer<Float>) throws {
        guard let pcm else { preconditionFailure("write to a closed ALSA sink") }
        precondition(samples.count % channelCount == 0, "write whole frames")
        var offset = 0
        try converted.withUnsafeMutableBufferPointer { converted in
            while offset < samples.count {
                let count = min(converted.count, samples.count - offset)
                for index in 0..<count {
                    let scaled = (samples[offset + index] * 32768).rounded()
                    converted[index] = Int16(min(max(scaled, -32768), 32767))
                }
                try writeFrames(pcm, converted.baseAddress!, frames: count / channelCount)
                offset += count
            }
        }
    }

    /// Writes all `frames`, recovering from underruns and interrupted writes.
    private func writeFrames(
        _ pcm: OpaquePointer, _ samples: UnsafePointer<Int16>, frames: Int
    ) throws {
        var done = 0
        while done < frames {
            let result = snd_pcm_writei(
                pcm, samples + done * channelCount, snd_pcm_uframes_t(frames - done))
            if result >= 0 {
                done += Int(result)
                continue
            }
            let recovered = snd_pcm_recover(pcm, Int32(result), 1)
            guard recovered >= 0 else {
                throw AudioDeviceError.writeFailed(device: device, reason: Self.describe(recovered))
            }
            recoveryCount += 1
        }
    }

    /// Blocks until the device has played everything (`snd_pcm_drain`).
    public func drain() throws {
        guard let pcm else { return }
        let status = snd_pcm_drain(pcm)
        guard status >= 0 else {
            throw AudioDeviceError.drainFailed(device: device, reason: Self.describe(status))
        }
    }

    /// Stops at once, discarding queued frames (`snd_pcm_drop`), and closes the device.
    public func close() {
        guard let pcm else { return }
        snd_pcm_drop(pcm)
        snd_pcm_close(pcm)
        self.pcm = nil
    }

    /// ALSA's text for a negative error code.
    private static func describe(_ status: Int32) -> String {
        String(cString: snd_strerror(status))
    }
}
