import Foundation

/// Why a run could not start or continue.
public enum RunError: Error, Equatable, CustomStringConvertible, LocalizedError {
    case alreadyExists(path: String)
    case invalidConfig(String)
    case unreadableConfig(path: String, reason: String)
    case incompatibleCheckpoint(path: String, reason: String)
    /// The run has done more units of a phase than its settings now ask for.
    case nothingLeft(path: String, phase: Phase, done: Int, asked: Int)

    public var description: String {
        switch self {
        case .alreadyExists(let path):
            "\(path) already holds a run; pass --resume to continue it, or choose another --out"
        case .invalidConfig(let reason): "invalid settings: \(reason)"
        case .unreadableConfig(let path, let reason): "\(path): cannot read run settings: \(reason)"
        case .incompatibleCheckpoint(let path, let reason): "\(path): \(reason)"
        case .nothingLeft(let path, let phase, let done, let asked):
            "\(path): nothing is left to do: \(done) \(phase.unitName(plural: done != 1)) of \(phase) are done, more than the \(asked) asked for; the run is unchanged (ask for \(done) or more to continue it)"
        }
    }

    public var errorDescription: String? { description }
}
