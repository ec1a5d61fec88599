import Foundation

/// What a run folder holds, told by its files: `tokenizer.json` (music), `text.json` (text),
/// or only a checkpoint (synthetic).
public enum RunKind: Sendable, Equatable {
    /// Tunes, with the tokenizer that decodes them.
    case music
    /// Lines of text, with their vocabulary.
    case text
    /// Token ids drawn from an oracle.
    case synthetic

    /// The kind of the run in `directory`.
    ///
    /// - Throws: ``RunKindError`` when `directory` does not exist or holds no run.
    public init(of directory: URL) throws(RunKindError) {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { throw .noSuchFolder(path: directory.relativePath) }
        if files.fileExists(atPath: Self.marker(of: .music, in: directory).path) {
            self = .music
        } else if files.fileExists(atPath: Self.marker(of: .text, in: directory).path) {
            self = .text
        } else if files.fileExists(atPath: TrainingRun.checkpointURL(in: directory).path) {
            self = .synthetic
        } else {
            throw .noCheckpoint(path: directory.relativePath)
        }
    }

    /// The file only a run of `kind` holds.
    private static func marker(of kind: RunKind, in directory: URL) -> URL {
        directory.appendingPathComponent(kind == .music ? "tokenizer.json" : "text.json")
    }
}

/// Why a path is not a run folder.
public enum RunKindError: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// Nothing is there, or it is a file.
    case noSuchFolder(path: String)
    /// A folder without the files of a run.
    case noCheckpoint(path: String)

    public var description: String {
        switch self {
        case .noSuchFolder(let path):
            "\(path): no such run folder (`seqgan train` makes one: on a folder of MIDI or ABC tunes, "
                + "a text file with --task text, or the oracle with --task synthetic)"
        case .noCheckpoint(let path):
            "\(path): no checkpoint: is this a run folder of `seqgan train`?"
        }
    }

    public var errorDescription: String? { description }
}
