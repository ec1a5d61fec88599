import Foundation

/// Why a run folder cannot be used.
public enum RunFolderError: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// A file the run needs is missing (`kind`: the run's kind, when known).
    case missingFile(path: String, kind: RunFolder.Kind?)
    /// A file cannot be read or decoded.
    case unreadableFile(path: String, reason: String)
    /// The folder holds no run.
    case notARun(path: String)
    /// The folder already holds a run, and it was not asked to continue it.
    case alreadyHoldsRun(path: String)
    /// The folder records a run of another kind than the one asked for.
    case wrongKind(path: String, recorded: RunFolder.Kind, expected: RunFolder.Kind)
    /// The settings given to continue a run differ from those it was started with.
    case changedSettings(path: String, differences: [String])
    /// Another process is training in the folder.
    case locked(path: String, holder: String)
    /// The folder's lock cannot be taken.
    case cannotLock(path: String, reason: String)

    public var description: String {
        switch self {
        case .missingFile(let path, let kind):
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            if let kind {
                return "\(path): missing; \(folder) holds a \(kind.rawValue) run, which needs this file (nothing was changed)"
            }
            return "\(path): missing"
        case .unreadableFile(let path, let reason): return "\(path): cannot read: \(reason)"
        case .notARun(let path):
            return "\(path): not a run folder (no run.json, config.json or checkpoint.safetensors written by `seqgan train`)"
        case .alreadyHoldsRun(let path):
            return "\(path) already holds a run; pass --resume to continue it, or choose another --out"
        case .wrongKind(let path, let recorded, let expected):
            return "\(path) holds a \(recorded.rawValue) run (see its run.json), not a \(expected.rawValue) run; nothing was changed"
        case .changedSettings(let path, let differences):
            let what = differences.isEmpty ? "" : " (\(differences.joined(separator: ", ")))"
            return "\(path): the settings differ from those the run was started with\(what); a run continues only with the settings it was trained on: start a new run with another --out (nothing was changed)"
        case .locked(let path, let holder):
            return "\(path) is in use: \(holder) is training in it; wait for it to finish or choose another --out"
        case .cannotLock(let path, let reason): return "\(path): cannot lock the run folder: \(reason)"
        }
    }

    public var errorDescription: String? { description }
}
