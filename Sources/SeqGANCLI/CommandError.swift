import Foundation
import SeqGAN

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
    /// A file-system operation failed outside the libraries' typed errors.
    case fileSystem(path: String?, reason: String)

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
        case .fileSystem(let path, let reason): path.map { "\($0): \(reason)" } ?? reason
        }
    }

    var errorDescription: String? { description }

    /// A Foundation file error (`CocoaError`, `POSIXError`) in the tool's words: the file and
    /// what went wrong, without the error's domain, code and dictionary; `nil` for other errors.
    init?(foundation error: Error) {
        let nsError = error as NSError
        guard error is CocoaError || error is POSIXError || type(of: error) is NSError.Type,
            [NSCocoaErrorDomain, NSPOSIXErrorDomain].contains(nsError.domain)
        else { return nil }
        let path =
            (nsError.userInfo[NSFilePathErrorKey] as? String)
            ?? (nsError.userInfo[NSURLErrorKey] as? URL)?.path
        let posix = (nsError.userInfo[NSUnderlyingErrorKey] as? NSError).flatMap {
            $0.domain == NSPOSIXErrorDomain ? Int32($0.code) : nil
        } ?? (nsError.domain == NSPOSIXErrorDomain ? Int32(nsError.code) : nil)
        let reason: String
        switch CocoaError.Code(rawValue: nsError.code) {
        case _ where posix != nil: reason = String(cString: strerror(posix!))
        case .fileWriteFileExists: reason = "a file or folder of that name is already there"
        case .fileWriteNoPermission, .fileReadNoPermission: reason = "permission denied"
        case .fileNoSuchFile, .fileReadNoSuchFile: reason = "no such file or folder"
        case .fileWriteOutOfSpace: reason = "no space left on the device"
        case .fileWriteVolumeReadOnly: reason = "read-only file system"
        default:
            reason = path.flatMap { FileManager.default.fileOnTheWay(to: URL(fileURLWithPath: $0)) }
                .map { "\($0.path) is a file, not a folder" } ?? nsError.localizedDescription
        }
        self = .fileSystem(path: path, reason: reason)
    }
}

/// The name `seqgan train` knows this type by.
typealias TextCommandError = CommandError
