import Foundation

extension MIDIFile {
    /// Reads the file at `path`, naming it in errors as the user typed it (relative paths
    /// stay relative).
    ///
    /// - Throws: ``MIDIReadError`` with ``MIDIReadError/file`` set to `path`.
    public static func read(_ path: String, options: MIDIReadOptions = MIDIReadOptions()) throws(MIDIReadError) -> MIDIFile {
        do {
            return try MIDIFile.read(contentsOf: URL(fileURLWithPath: path), options: options)
        } catch {
            var error = error
            error.file = path
            throw error
        }
    }
}
