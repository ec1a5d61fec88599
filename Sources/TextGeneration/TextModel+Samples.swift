import Foundation
import NeuralNetwork

extension TextModel {
    /// Samples `count` sequences and writes them to `url`, one per line, tokens separated by
    /// spaces (the format of the training files and of `seqgan bleu`).
    ///
    /// - Returns: The lines written.
    /// - Throws: `AtomicFileError` naming `url` when it cannot be written.
    public func writeSamples(count: Int, temperature: Float, seed: UInt64, to url: URL) throws -> [String] {
        let lines = sample(count: count, temperature: temperature, seed: seed).map { settings.tokens.line($0) }
        try AtomicFile.write(lines.joined(separator: "\n") + "\n", to: url)
        return lines
    }
}
