import Foundation

/// The sound device could not be opened, typically `default` on a machine with no sound card;
/// says which command writes the sound to a file instead.
public struct PlaybackDeviceError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// The ALSA PCM name.
    public var device: String
    /// Why ALSA refused it.
    public var reason: String
    /// The `seqgan` command that writes the sound to a file.
    public var writeFile: String

    public var description: String {
        device == "default"
            ? "cannot open audio device 'default' (\(reason)): no sound card? Write a file "
                + "with `\(writeFile)`, or pick a device with --device "
                + "(null, or \"file:'/tmp/out.wav',wav\")"
            : "cannot open audio device '\(device)' (\(reason)): check the name "
                + "(`aplay -L` lists them), or write a file with `\(writeFile)`"
    }

    public var errorDescription: String? { description }
}
