import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An exclusive lock on a run folder, held by one process for as long as it trains in it
/// (`flock(2)` on the folder's `.lock` file, which also records the holder's process id).
/// The kernel releases it when the process ends, however it ends.
///
/// The lock excludes other processes. Within one process it is shared: taking it again while
/// it is held (a task run that holds it and starts the training run inside) returns another
/// handle on the same lock, and the lock is released when the last handle goes.
public final class RunFolderLock: @unchecked Sendable {
    /// The lock file.
    public let url: URL
    let held: Held

    /// One `flock` held by this process, shared by its handles.
    final class Held {
        let path: String
        let descriptor: Int32
        var handles = 0

        init(path: String, descriptor: Int32) {
            self.path = path
            self.descriptor = descriptor
        }
    }

    /// The locks this process holds, by lock-file path.
    nonisolated(unsafe) static var heldLocks: [String: Held] = [:]
    static let registry = NSLock()

    /// Takes the lock of `folder` (creating the folder if needed) without waiting.
    ///
    /// - Throws: ``RunFolderError/locked(path:holder:)`` naming the process that holds it;
    ///   ``RunFolderError/cannotLock(path:reason:)`` when the lock file cannot be opened.
    public init(folder: RunFolder) throws {
        url = folder.url(of: .lock)
        let path = url.standardizedFileURL.path
        RunFolderLock.registry.lock()
        defer { RunFolderLock.registry.unlock() }
        if let held = RunFolderLock.heldLocks[path] {
            held.handles += 1
            self.held = held
            return
        }
        do {
            try FileManager.default.createDirectory(at: folder.url, withIntermediateDirectories: true)
        } catch {
            throw RunFolderError.cannotLock(path: folder.url.path, reason: error.localizedDescription)
        }
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw RunFolderError.cannotLock(path: path, reason: String(cString: strerror(errno)))
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let error = errno
            close(fd)
            guard error == EWOULDBLOCK else {
                throw RunFolderError.cannotLock(path: path, reason: String(cString: strerror(error)))
            }
            let pid = (try? String(contentsOfFile: path, encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            throw RunFolderError.locked(path: folder.url.path, holder: pid.isEmpty ? "another process" : "process \(pid)")
        }
        _ = ftruncate(fd, 0)
        let pid = "\(getpid())\n"
        _ = pid.withCString { systemWrite(fd, $0, strlen($0)) }
        let held = Held(path: path, descriptor: fd)
        held.handles = 1
        RunFolderLock.heldLocks[path] = held
        self.held = held
    }

    /// Releases this handle, and the lock with the last one.
    deinit {
        RunFolderLock.registry.lock()
        defer { RunFolderLock.registry.unlock() }
        held.handles -= 1
        guard held.handles == 0 else { return }
        RunFolderLock.heldLocks[held.path] = nil
        flock(held.descriptor, LOCK_UN)
        close(held.descriptor)
    }
}

extension RunFolder {
    /// Takes the folder's exclusive lock; hold the returned value for as long as the run
    /// writes to the folder.
    ///
    /// - Throws: ``RunFolderError/locked(path:holder:)`` when another process holds it.
    public func lock() throws -> RunFolderLock { try RunFolderLock(folder: self) }
}

/// `write(2)`, named apart from the methods called `write`.
private func systemWrite(_ fd: Int32, _ bytes: UnsafePointer<CChar>, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.write(fd, bytes, count)
    #else
        Darwin.write(fd, bytes, count)
    #endif
}
