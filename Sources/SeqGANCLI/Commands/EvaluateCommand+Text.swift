import ArgumentParser
import Foundation

extension EvaluateCommand {
    /// Evaluates a text run.
    func runText(_ directory: URL) throws {
        throw ValidationError("\(directory.path): text evaluation is not implemented yet")
    }
}
