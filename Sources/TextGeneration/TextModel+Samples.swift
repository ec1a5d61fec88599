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

    /// What `seqgan generate` prints after ``writeSamples(count:temperature:seed:to:)`` wrote
    /// `lines` to `url`: the first five, then where they went and how they were drawn.
    public static func samplesReport(_ lines: [String], url: URL, temperature: Float, seed: UInt64) -> [String] {
        let plural = lines.count == 1 ? "" : "s"
        return Array(lines.prefix(5)) + (lines.count > 5 ? ["..."] : [])
            + ["\(url.path): \(lines.count) sequence\(plural) (temperature \(temperature), seed \(seed))"]
    }
}
