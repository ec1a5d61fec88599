import Foundation

/// A run folder: the files of one training run, their names, how they are read and written
/// (atomically), and what kind of run the folder holds.
///
/// The kind is recorded in `run.json` when the folder is created (``create(kind:)``), before
/// any other file, so a folder whose first files were cut short still says what it is.
/// Folders written before the record existed are recognised once, here, by the files they
/// hold (``probedKind``).
public struct RunFolder: Sendable, Equatable, CustomStringConvertible {
    /// The folder.
    public let url: URL

    /// The folder at `url` (which need not exist yet).
    public init(_ url: URL) { self.url = url }

    /// The folder at `path`.
    public init(path: String) { self.init(URL(fileURLWithPath: path)) }

    public var description: String { url.path }

    /// Where `file` lives in this folder.
    public func url(of file: RunFile) -> URL { url.appendingPathComponent(file.rawValue) }

    /// Whether `file` exists in this folder.
    public func contains(_ file: RunFile) -> Bool {
        FileManager.default.fileExists(atPath: url(of: file).path)
    }

    /// Whether the folder holds a run that has written its first checkpoint.
    public var hasCheckpoint: Bool { contains(.checkpoint) }

    /// The bytes of `file`.
    ///
    /// - Throws: ``RunFolderError/missingFile(path:kind:)`` when it does not exist,
    ///   ``RunFolderError/unreadableFile(path:reason:)`` when it cannot be read.
    public func read(_ file: RunFile) throws -> Data {
        let fileURL = url(of: file)
        guard FileManager.default.fileExists(atPath: fileURL.path) else {
            throw RunFolderError.missingFile(path: fileURL.path, kind: recordedKind)
        }
        do {
            return try Data(contentsOf: fileURL)
        } catch {
            throw RunFolderError.unreadableFile(path: fileURL.path, reason: error.localizedDescription)
        }
    }

    /// The JSON value in `file`.
    ///
    /// - Throws: ``RunFolderError`` naming the file when it is missing, unreadable or not a
    ///   valid value of `type`.
    public func decode<T: Decodable>(_ type: T.Type, from file: RunFile) throws -> T {
        let data = try read(file)
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch {
            throw RunFolderError.unreadableFile(path: url(of: file).path, reason: "\(error)")
        }
    }

    /// Writes `data` to `file` atomically (creating the folder if needed).
    ///
    /// - Throws: ``AtomicFileError`` naming the file.
    public func write(_ data: Data, to file: RunFile) throws {
        try AtomicFile.write(data, to: url(of: file))
    }

    /// Writes `text` as UTF-8 to `file` atomically.
    public func write(_ text: String, to file: RunFile) throws {
        try AtomicFile.write(text, to: url(of: file))
    }

    /// Writes `value` as pretty-printed JSON with sorted keys to `file` atomically.
    public func writeJSON<T: Encodable>(_ value: T, to file: RunFile, escapingSlashes: Bool = true) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = escapingSlashes ? [.prettyPrinted, .sortedKeys] : [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try write(encoder.encode(value), to: file)
    }
}
