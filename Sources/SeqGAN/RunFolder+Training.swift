import Foundation
import RunFiles

extension RunFolder {
    /// Takes the folder's exclusive lock for a training run of `kind` and makes the folder
    /// ready for it (``RunFolder/prepare(for:resume:settings:)``).
    ///
    /// - Returns: The lock; the folder stays locked until it is released, so keep it for the
    ///   whole run.
    /// - Throws: ``RunError/alreadyExists(path:)`` when the folder holds a run and `resume` is
    ///   not set (nothing is overwritten); ``RunFolderError`` when another process trains in
    ///   the folder, its files are not a run of `kind`, or `settings` differ from those the run
    ///   was started with.
    public func lockForTraining(
        _ kind: Kind, resume: Bool, settings: TaskSettings? = nil
    ) throws -> RunFolderLock {
        let lock = try lock()
        do {
            try prepare(for: kind, resume: resume, settings: settings)
        } catch RunFolderError.alreadyHoldsRun {
            throw RunError.alreadyExists(path: url.path)
        }
        return lock
    }
}
