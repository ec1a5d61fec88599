import Foundation
import RunFiles

/// What a run folder holds: the kind recorded in its `run.json`, or for folders written before
/// the record, the kind its files tell (``RunFolder/kind``).
public typealias RunKind = RunFolder.Kind

extension RunFolder.Kind {
    /// The kind of the run in `directory`.
    ///
    /// - Throws: ``RunKindError`` when `directory` does not exist or holds no run.
    public init(of directory: URL) throws(RunKindError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue
        else { throw .noSuchFolder(path: directory.relativePath) }
        guard let kind = RunFolder(directory).kind else { throw .noCheckpoint(path: directory.relativePath) }
        self = kind
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
