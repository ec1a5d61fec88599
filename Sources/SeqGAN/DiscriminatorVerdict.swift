import Foundation
import TensorCore

/// What a run's trained discriminator makes of some token sequences: D(real) of each, as in
/// the rewards (dropout off), with the quantiles and share a reader looks at first.
///
/// Scoring the run's training sequences and real ones it has not seen shows whether the
/// discriminator learnt its training set by heart (near 1 for the first, near 0 for the second).
public struct DiscriminatorVerdict: Sendable {
    /// Where the sequences come from.
    public enum Source: Sendable {
        /// A file of token ids, one sequence per line (``TokenSequenceFile``).
        case file(URL)
        /// `count` fresh samples of the run's own generator, drawn with `seed`.
        case samples(count: Int, seed: UInt64)
    }

    /// D(real) of each sequence, in order.
    public let scores: [Double]
    /// Tokens per sequence (the run's `T`).
    public let sequenceLength: Int

    /// Loads the run's discriminator and scores the sequences of `source`.
    ///
    /// - Parameter conditioning: The readers the run's generator samples with (a task whose
    ///   tokens follow a grammar attaches them; see ``SequenceConditioning``).
    /// - Throws: ``RunError`` for a folder without a run, a run without a discriminator or one
    ///   whose discriminator is untrained, or samples asked of a generator that reads features
    ///   without its conditioning; ``TokenSequenceFileError`` naming the file and line of a bad
    ///   sequence; `SafeTensorsError` for a checkpoint that does not fit.
    public init(run directory: URL, source: Source, conditioning: SequenceConditioning? = nil) throws {
        let discriminator = try TrainingRun.trainedDiscriminator(in: directory)
        let t = discriminator.config.sequenceLength
        let tokens: [Int32]
        switch source {
        case .file(let url):
            tokens = try TokenSequenceFile.read(
                url, length: t, vocabularySize: discriminator.config.vocabularySize
            ).tokens
        case .samples(let count, let seed):
            let generator = try TrainingRun.trainedGenerator(in: directory)
            try TrainingRun.check(conditioning, for: try TrainingRun.savedConfig(in: directory))
            generator.conditioning = conditioning
            var random = SplitMix64(seed: seed)
            tokens = generator.sample(count: count, using: &random)
        }
        let count = tokens.count / t
        var scores = [Float](repeating: 0, count: count)
        let scorer = DiscriminatorScorer(discriminator: discriminator)
        tokens.withUnsafeBufferPointer { sequences in
            scores.withUnsafeMutableBufferPointer {
                scorer.score(sequences.baseAddress!, count: count, into: $0.baseAddress!)
            }
        }
        self.scores = scores.map(Double.init)
        sequenceLength = t
    }

    /// The mean D(real).
    public var mean: Double { scores.reduce(0, +) / Double(scores.count) }

    /// Sequences judged real (D(real) above 0.5).
    public var judgedReal: Int { scores.filter { $0 > 0.5 }.count }

    /// The `p` quantile of the scores (0...1), interpolated between the two nearest ranks.
    public func quantile(_ p: Double) -> Double {
        let sorted = scores.sorted()
        let position = p * Double(sorted.count - 1)
        let below = Int(position.rounded(.down))
        let above = min(below + 1, sorted.count - 1)
        return sorted[below] + (position - Double(below)) * (sorted[above] - sorted[below])
    }
}
