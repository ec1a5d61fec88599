import Foundation

/// Why an audio file could not be read or written. Every case names the file; libsndfile's
/// own explanation (`sf_strerror`) is quoted where it gave one.
public enum AudioFileError: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// The extension names no format this program writes.
    case unknownExtension(path: String)
    /// The format cannot store samples in that encoding (for example FLAC as floats).
    case unsupportedEncoding(path: String, format: AudioFileFormat, encoding: AudioSampleEncoding)
    /// libsndfile could not open the file for reading.
    case cannotOpen(path: String, reason: String)
    /// libsndfile could not create the file.
    case cannotCreate(path: String, reason: String)
    /// Reading stopped with an error after `frame` frames.
    case readFailed(path: String, frame: Int, reason: String)
    /// Writing stopped with an error after `frame` frames.
    case writeFailed(path: String, frame: Int, reason: String)
    /// The finished file could not be moved into place.
    case cannotReplace(path: String, reason: String)
    /// The file is longer than this program reads into memory.
    case tooLong(path: String, frames: Int)

    public var description: String {
        switch self {
        case .unknownExtension(let path):
            "\(path): unknown audio file extension (use .wav, .flac or .ogg)"
        case .unsupportedEncoding(let path, let format, let encoding):
            "\(path): \(format.rawValue.uppercased()) files cannot hold "
                + "\(encoding.rawValue) samples"
        case .cannotOpen(let path, let reason):
            "cannot open audio file \(path): \(reason)"
        case .cannotCreate(let path, let reason):
            "cannot create audio file \(path): \(reason)"
        case .readFailed(let path, let frame, let reason):
            "\(path): read error at frame \(frame): \(reason)"
        case .writeFailed(let path, let frame, let reason):
            "\(path): write error at frame \(frame): \(reason)"
        case .cannotReplace(let path, let reason):
            "cannot move the finished audio file into place at \(path): \(reason)"
        case .tooLong(let path, let frames):
            "\(path): \(frames) frames is more audio than this program reads into memory"
        }
    }

    public var errorDescription: String? { description }
}
