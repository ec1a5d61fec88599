import Foundation
import Metrics
import NeuralNetwork
import RunFiles
import TensorCore

/// Training on a corpus of real sequences (music windows, text lines): the generator learns
/// the training split; each evaluation reports its per-token NLL on the test split
/// (NLL-test) and the mean BLEU of its samples against the whole test split, whose
/// per-sample values go to `bleu_per_sample.txt` (for t-tests). The validation split is the
/// discriminator's held-out real data. With a ``SequenceEnd`` (text), BLEU compares the
/// tokens before each end token, and NLL-test averages over the counted tokens of the split.
public final class CorpusExperiment {
    /// The run's settings (`generator.sequenceLength` and `vocabularySize` must fit the data).
    public let config: RunConfig
    /// The run folder.
    public let directory: URL
    /// `[n, T]` sequences of each split.
    public let train: [Int32], validation: [Int32], test: [Int32]
    /// The readers of the generator's rows, or `nil`.
    public let conditioning: SequenceConditioning?

    /// Checks the splits against the settings.
    ///
    /// - Throws: ``RunError/invalidConfig(_:)`` for a setting out of range (see
    ///   ``RunConfig/validate()``), a sequence of the wrong length or with a token outside the
    ///   vocabulary, or an empty test split.
    /// - Parameter conditioning: The readers of the generator's rows, for a task whose tokens
    ///   follow a grammar (see ``TrainingRun/init(config:directory:data:resume:observer:conditioning:)``).
    public init(
        config: RunConfig, directory: URL, train: [[Int]], validation: [[Int]], test: [[Int]],
        conditioning: SequenceConditioning? = nil
    ) throws {
        try config.validate()
        let t = config.generator.sequenceLength
        let v = config.generator.vocabularySize
        func flatten(_ split: [[Int]], _ name: String) throws -> [Int32] {
            for (index, sequence) in split.enumerated() {
                guard sequence.count == t else {
                    throw RunError.invalidConfig("\(name) sequence \(index + 1) has \(sequence.count) tokens, expected \(t)")
                }
                guard sequence.allSatisfy({ $0 >= 0 && $0 < v }) else {
                    throw RunError.invalidConfig("\(name) sequence \(index + 1) has a token outside 0..<\(v)")
                }
            }
            return split.flatMap { $0.map(Int32.init) }
        }
        self.train = try flatten(train, "training")
        self.validation = try flatten(validation, "validation")
        self.test = try flatten(test, "test")
        guard !test.isEmpty else { throw RunError.invalidConfig("the test split is empty") }
        self.config = config
        self.directory = directory
        self.conditioning = conditioning
    }

    /// Runs the whole schedule (continuing from the last checkpoint when `resume` is set).
    ///
    /// - Returns: The log.
    @discardableResult
    public func run(resume: Bool, observer: TrainingObserver? = nil) throws -> [RunLogRow] {
        let config = self.config
        let t = config.generator.sequenceLength
        let test = self.test
        let testCount = test.count / t
        let end = config.generator.sequenceEnd
        let references = stride(from: 0, to: test.count, by: t).map {
            CorpusExperiment.tokens(of: test[$0..<($0 + t)].map(Int.init), end: end)
        }
        let bleu = try BLEUScorer(references: references, order: config.evaluation.bleuOrder)
        let perSampleURL = RunFolder(directory).url(of: .bleuPerSample)
        let data = RunData(training: train, trainingCount: train.count / t, heldOutReal: validation.isEmpty ? test : validation) {
            generator, index, row in
            row.nllTest = generator.negativeLogLikelihood(of: test, count: testCount).mean
            var random = SplitMix64(seed: config.seed, stream: .corpusEvaluation, index)
            let samples = generator.sample(count: config.evaluation.samples, using: &random)
            let hypotheses = stride(from: 0, to: samples.count, by: t).map {
                CorpusExperiment.tokens(of: samples[$0..<($0 + t)].map(Int.init), end: end)
            }
            let scores = try bleu.scores(hypotheses)
            try AtomicFile.write(scores.map { String(format: "%.6f", $0) }.joined(separator: "\n") + "\n", to: perSampleURL)
            row.bleu = scores.reduce(0, +) / Double(max(1, scores.count))
        }
        return try TrainingRun(
            config: config, directory: directory, data: data, resume: resume, observer: observer,
            conditioning: conditioning
        ).run()
    }

    /// The tokens of a row that BLEU compares: all of them, or with a ``SequenceEnd`` those
    /// before the end token (neither the end token nor the padding).
    static func tokens(of row: [Int], end: SequenceEnd?) -> [Int] {
        guard let end, let stop = row.firstIndex(of: end.endToken) else { return row }
        return Array(row[..<stop])
    }
}
