import Audio
import Foundation

extension PlayableInput {
    /// What `seqgan play` says of `path` before playing it: the generated tune's summary (for
    /// standard output), or the MIDI file's repairs and silence (warnings for standard error).
    ///
    /// - Parameter seed: The seed the tune was generated with.
    public func announcement(path: String, seed: UInt64) -> (lines: [String], warnings: [String]) {
        switch origin {
        case .generatedTune(let tune): (["tune from \(path) (seed \(seed)): \(TuneSummary(tune))"], [])
        case .midiFile(let repairs, let notes, let pitched):
            ([], [RenderWarning.repairs(repairs, in: path), RenderWarning.silence(notes: notes, pitchedNotes: pitched, in: path)].compactMap { $0 })
        case .audioFile: ([], [])
        }
    }

    /// Opens the ALSA PCM `device` at this audio's rate and channel count.
    ///
    /// - Parameters:
    ///   - path: The input as typed, for the command that writes a file instead.
    ///   - seed: The seed of a generated tune, likewise.
    /// - Throws: ``PlaybackDeviceError`` when the device cannot be opened;
    ///   `AudioDeviceError.cannotConfigure` when it refuses the format.
    public func openSink(device: String, path: String, seed: UInt64) throws -> ALSAPlaybackSink {
        do {
            return try ALSAPlaybackSink(device: device, sampleRate: audio.sampleRate, channelCount: audio.channelCount)
        } catch AudioDeviceError.cannotOpen(let device, let reason) {
            throw PlaybackDeviceError(device: device, reason: reason, writeFile: fileCommand(path: path, seed: seed))
        }
    }

    /// Plays the audio through the ALSA PCM `device` (``openSink(device:path:seed:)``) until it
    /// ends or Ctrl-C, which stops it at once (``InterruptSignal``, installed here); `second` is
    /// told each new whole second played.
    ///
    /// - Returns: Whether playback finished or was interrupted.
    /// - Throws: The errors of opening the device and of writing to it.
    public func play(
        device: String, path: String, seed: UInt64, second: (PlaybackProgress) -> Void
    ) throws -> PlaybackOutcome {
        let sink = try openSink(device: device, path: path, seed: seed)
        InterruptSignal.install()
        return try AudioPlayer(sink: sink).play(audio, everySecond: second)
    }
}
