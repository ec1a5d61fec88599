import Foundation

/// A run stopped at a safe point because its observer asked it to (Ctrl-C): everything up to
/// `phase` unit `done` is in the run folder's checkpoint, and `--resume` continues from there
/// with the same results as a run that was never stopped.
public struct TrainingInterrupted: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// The run folder.
    public var directory: String
    /// The phase of the last finished unit.
    public var phase: Phase
    /// Units of that phase finished.
    public var done: Int

    public var description: String {
        "stopped: \(directory) is saved after \(phase) \(done); continue with --resume"
    }

    public var errorDescription: String? { description }

    /// What `seqgan train` prints when stopped: where the run is saved, and the command that
    /// continues it.
    public var resumeLines: [String] {
        ["interrupted: \(directory) is saved after \(phase) \(done); continue with:", "  seqgan train --resume --out \(directory)"]
    }
}
