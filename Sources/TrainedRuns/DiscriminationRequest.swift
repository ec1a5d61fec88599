import Foundation
import MusicGeneration
import SeqGAN

/// What `seqgan discriminate` asks of a run: D(real), as in the rewards, of the sequences in a
/// file or of fresh samples of the run's own generator.
public struct DiscriminationRequest: Sendable {
    /// A file of token sequences to score, one per line; `nil` to score ``samples`` instead.
    public var data: String?
    /// How many fresh samples of the run's generator to score instead of ``data``.
    public var samples: Int?
    /// Seed of the samples; `nil` for 1.
    public var seed: UInt64?
    /// A file that receives each sequence's D(real), one per line; `nil` for none.
    public var output: String?

    /// A request with the values given (exactly one of `data` and `samples`).
    public init(data: String? = nil, samples: Int? = nil, seed: UInt64? = nil, output: String? = nil) {
        (self.data, self.samples, self.seed, self.output) = (data, samples, seed, output)
    }

    /// Checks the request before any run is read.
    ///
    /// - Throws: ``TrainedRunError/sequenceSource``, ``TrainedRunError/noSamples`` or
    ///   ``TrainedRunError/seedOfData``.
    public func validate() throws(TrainedRunError) {
        guard (data == nil) != (samples == nil) else { throw .sequenceSource }
        guard (samples ?? 1) > 0 else { throw .noSamples }
        guard data == nil || seed == nil else { throw .seedOfData }
    }

    /// Scores the sequences with the discriminator of the run in `path` (a whole-tune run
    /// samples through the tune grammar its generator was trained with) and writes the scores
    /// to ``output`` when given.
    ///
    /// - Returns: The lines to print, the mean alone on the last one
    ///   (``DiscriminatorVerdict/reportLines(from:run:)``).
    /// - Throws: The errors of ``validate()``; ``RunKindError`` when `path` holds no run; the
    ///   errors of ``DiscriminatorVerdict/init(run:source:conditioning:)`` and of writing.
    public func discriminate(run path: String) throws -> [String] {
        try validate()
        let source = data.map { DiscriminatorVerdict.Source.file(URL(fileURLWithPath: $0)) }
            ?? .samples(count: samples ?? 0, seed: seed ?? 1)
        let run = URL(fileURLWithPath: path)
        let conditioning = try RunKind(of: run) == .music ? MusicModel(runDirectory: run).generator.conditioning : nil
        let verdict = try DiscriminatorVerdict(run: run, source: source, conditioning: conditioning)
        if let output { try EvaluationFolder.writeValues(verdict.scores, to: URL(fileURLWithPath: output), format: "%.6g") }
        return verdict.reportLines(from: "\(source)", run: path)
    }
}
