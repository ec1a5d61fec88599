import Foundation

/// Failures that concern the command line rather than a library's files, one line each.
/// Everything else is the libraries' own typed errors, reported by ``SeqGANCommand/main()``.
enum CommandError: Error, CustomStringConvertible, LocalizedError {
    /// `seqgan train --task text` without a text file, and no run to resume.
    case noInput
    /// The command cannot go on (options that cannot go together, nothing to work on), said
    /// in one line, without the usage text that `ValidationError` adds.
    case refused(String)
    /// The sound device could not be opened, typically `default` on a machine with no sound
    /// card. `writeFile` is the command that writes the sound to a file instead.
    case deviceUnavailable(device: String, reason: String, writeFile: String)

    var description: String {
        switch self {
        case .noInput:
            "give the text file to train on, e.g. `seqgan train poems.txt --task text --tokens char`"
        case .refused(let message): message
        case .deviceUnavailable(let device, let reason, let writeFile):
            device == "default"
                ? "cannot open audio device 'default' (\(reason)): no sound card? Write a file "
                    + "with `\(writeFile)`, or pick a device with --device "
                    + "(null, or \"file:'/tmp/out.wav',wav\")"
                : "cannot open audio device '\(device)' (\(reason)): check the name "
                    + "(`aplay -L` lists them), or write a file with `\(writeFile)`"
        }
    }

    var errorDescription: String? { description }
}
