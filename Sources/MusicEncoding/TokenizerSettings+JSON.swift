import Foundation

extension TokenizerSettings {
    /// Writes the settings as pretty-printed JSON with sorted keys (to keep beside a model).
    ///
    /// - Throws: The file system's error when `url` cannot be written.
    public func writeJSON(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(self).write(to: url)
    }
}
