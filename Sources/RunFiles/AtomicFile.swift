import Foundation

/// Writes files so that a reader never sees a partial one: the bytes go to a temporary
/// file in the same folder, which is then renamed over the destination.
public enum AtomicFile {
    /// Writes `data` to `url` atomically, creating its folder if needed.
    ///
    /// - Throws: ``AtomicFileError`` naming the file when it cannot be written.
    public static func write(_ data: Data, to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appendingPathComponent(
            ".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try data.write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw AtomicFileError.cannotWrite(path: url.path, reason: error.localizedDescription)
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw AtomicFileError.cannotWrite(path: url.path, reason: reason)
        }
    }

    /// Whether `name` is that of a temporary file of an atomic write (`.NAME.tmp-...`).
    public static func isTemporaryName(_ name: String) -> Bool {
        name.hasPrefix(".") && name.contains(".tmp-")
    }

    /// Writes `text` as UTF-8 to `url` atomically.
    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }
}

/// A file that could not be written.
public enum AtomicFileError: Error, CustomStringConvertible, LocalizedError {
    /// Writing or renaming failed.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason): "\(path): cannot write: \(reason)"
        }
    }

    public var errorDescription: String? { description }
}
