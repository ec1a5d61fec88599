import Foundation

/// Why a sound device could not be opened or stopped working. Each case names the device
/// and quotes ALSA's explanation (`snd_strerror`).
public enum AudioDeviceError: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// `snd_pcm_open` failed: no such PCM name, or (for `default`) no sound card.
    case cannotOpen(device: String, reason: String)
    /// The device refused the sample format, rate or channel count.
    case cannotConfigure(device: String, reason: String)
    /// Writing failed and `snd_pcm_recover` could not bring the device back.
    case writeFailed(device: String, reason: String)
    /// Waiting for the device to play out its buffer failed.
    case drainFailed(device: String, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let device, let reason):
            "cannot open audio device '\(device)': \(reason)"
        case .cannotConfigure(let device, let reason):
            "cannot configure audio device '\(device)': \(reason)"
        case .writeFailed(let device, let reason):
            "audio device '\(device)' failed while playing: \(reason)"
        case .drainFailed(let device, let reason):
            "audio device '\(device)' failed to finish playing: \(reason)"
        }
    }

    public var errorDescription: String? { description }
}
