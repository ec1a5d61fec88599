import Foundation
import NeuralNetwork
import SeqGAN
import TensorCore

extension SyntheticExperiment {
    /// Samples `count` sequences from the generator of the run in `directory` and writes them
    /// to `url`, one sequence of space-separated token ids per line (the format of
    /// `seqgan oracle sample`, which `seqgan oracle nll` scores).
    ///
    /// - Returns: The sequence length `T`.
    /// - Throws: ``RunError`` for a folder without a run; `AtomicFileError` naming `url` when
    ///   it cannot be written.
    @discardableResult
    public static func writeSamples(
        of directory: URL, count: Int, temperature: Float, seed: UInt64, to url: URL
    ) throws -> Int {
        let generator = try TrainingRun.trainedGenerator(in: directory)
        var random = SplitMix64(seed: seed)
        let tokens = generator.sample(count: count, temperature: temperature, using: &random)
        let length = generator.config.sequenceLength
        try AtomicFile.write(TokenSequenceFile.text(of: tokens, length: length), to: url)
        return length
    }
}
