import ArgumentParser
import Foundation

extension EvaluateCommand {
    /// Evaluates a music run (a folder with `tokenizer.json`).
    func runMusic(_ directory: URL) throws {
        throw ValidationError("\(directory.path): music evaluation is not implemented yet")
    }
}
