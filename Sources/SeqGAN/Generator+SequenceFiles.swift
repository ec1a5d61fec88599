import Foundation
import NeuralNetwork
import TensorCore

extension Generator {
    /// Samples `count` sequences (with `seed`) and writes them to `url`, one sequence of
    /// space-separated token ids per line (``TokenSequenceFile``), atomically.
    ///
    /// - Throws: `AtomicFileError` naming `url` when it cannot be written.
    public func writeSamples(count: Int, seed: UInt64, to url: URL) throws {
        var random = SplitMix64(seed: seed)
        try AtomicFile.write(
            TokenSequenceFile.text(of: sample(count: count, using: &random), length: config.sequenceLength), to: url)
    }

    /// The mean per-token NLL (nats) under this generator of the sequences in `url`, one per
    /// line, `T` token ids each: how an oracle scores samples.
    ///
    /// - Returns: The number of sequences and their mean NLL.
    /// - Throws: ``TokenSequenceFileError`` naming the file and line of a bad sequence.
    public func meanNegativeLogLikelihood(ofFile url: URL) throws -> (count: Int, mean: Double) {
        let (tokens, count) = try TokenSequenceFile.read(
            url, length: config.sequenceLength, vocabularySize: config.vocabularySize)
        let workspace = Workspace(batchSize: 64, generator: self)
        let values = tokens.withUnsafeBufferPointer {
            negativeLogLikelihoods(of: $0.baseAddress!, count: count, workspace: workspace)
        }
        return (count, values.reduce(0.0) { $0 + Double($1) } / Double(count))
    }
}
