import Foundation

/// The command cannot go on (options that cannot go together, nothing to work on), said in one
/// line, without the usage text that `ValidationError` adds. Everything else is the libraries'
/// own typed errors, reported by ``SeqGANCommand/main()``.
struct CommandError: Error, CustomStringConvertible, LocalizedError {
    /// The line.
    var description: String

    init(_ description: String) { self.description = description }

    var errorDescription: String? { description }
}
