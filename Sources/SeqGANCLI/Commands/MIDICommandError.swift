import Foundation

/// A data error in a `seqgan midi` command (bad input file contents), printed as one line.
struct MIDICommandError: Error, CustomStringConvertible, LocalizedError {
    /// What is wrong, naming the file and line.
    var message: String

    init(_ message: String) { self.message = message }

    var description: String { message }
    var errorDescription: String? { message }
}
