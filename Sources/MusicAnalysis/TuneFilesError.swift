import Foundation

/// Why a set of tunes could not be read.
public enum TuneFilesError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// The file or folder does not exist.
    case missing(path: String)
    /// A line of a split list names a file found neither beside the list nor one folder up.
    case listEntryMissing(list: String, line: Int, entry: String)
    /// No readable tune was found.
    case noTunes(path: String, skipped: Int)

    public var description: String {
        switch self {
        case .missing(let path): "\(path): no such file or folder"
        case .listEntryMissing(let list, let line, let entry):
            "\(list):\(line): '\(entry)' is neither beside the list nor in the folder above it"
        case .noTunes(let path, let skipped):
            "\(path): no readable MIDI tune (\(skipped) files skipped)"
        }
    }

    public var errorDescription: String? { description }
}
