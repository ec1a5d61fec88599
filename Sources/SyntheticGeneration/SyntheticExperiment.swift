import Foundation
import NeuralNetwork
import RunFiles
import SeqGAN
import TensorCore

/// The paper's synthetic experiment: an oracle LSTM generates the training set; a generator
/// is pre-trained on it by MLE and then trained further by the chosen mode (continued MLE,
/// scheduled sampling, PG-BLEU or SeqGAN); NLL-oracle (the oracle's per-token NLL of the
/// generator's samples) measures how close the generator came.
///
/// The run folder is a ``TrainingRun``'s, plus `nll_oracle_per_sample.txt`.
public final class SyntheticExperiment {
    /// The run's settings.
    public let config: RunConfig
    /// The run folder.
    public let directory: URL
    /// The oracle the data comes from and samples are scored by.
    public let oracle: Generator

    /// Loads the oracle and checks the settings; creates nothing on disk yet.
    ///
    /// - Throws: ``SafeTensorsError`` for a bad oracle file, ``RunError`` for bad settings.
    public init(config: RunConfig, directory: URL) throws {
        try config.validate()
        guard config.oracle.trainingSequences >= config.optimizer.batchSize else {
            throw RunError.invalidConfig("the training set is smaller than one batch")
        }
        let oracle = try Generator.oracle(
            file: config.oracle.path.map { URL(fileURLWithPath: $0) }, seed: config.oracle.seed,
            sequenceLength: config.generator.sequenceLength, vocabularySize: config.generator.vocabularySize)
        guard oracle.config.vocabularySize == config.generator.vocabularySize else {
            throw RunError.invalidConfig(
                "the oracle has \(oracle.config.vocabularySize) tokens, the generator \(config.generator.vocabularySize)")
        }
        self.config = config
        self.directory = directory
        self.oracle = oracle
    }

    /// Runs the whole schedule (continuing from the last checkpoint when `resume` is set):
    /// the training set is `trainingSequences` oracle samples; each evaluation scores
    /// `evaluationSamples` generator samples under the oracle and writes their per-sample
    /// values to `nll_oracle_per_sample.txt` (for t-tests).
    ///
    /// - Returns: The log.
    /// - Throws: ``RunError/alreadyExists(path:)`` when the folder holds a run and `resume`
    ///   is not set; ``RunFolderError`` when another process trains in the folder or its files
    ///   are not a synthetic run's; I/O errors naming the file.
    @discardableResult
    public func run(resume: Bool, observer: TrainingObserver? = nil) throws -> [RunLogRow] {
        let folder = RunFolder(directory)
        let lock = try folder.lockForTraining(.synthetic, resume: resume)
        defer { withExtendedLifetime(lock) {} }
        var dataRandom = SplitMix64(seed: config.seed, stream: .oracleTrainingData)
        let training = oracle.sample(count: config.oracle.trainingSequences, using: &dataRandom)
        var heldOutRandom = SplitMix64(seed: config.seed, stream: .oracleHeldOut)
        let heldOut = config.schedule.mode == .seqgan
            ? oracle.sample(count: config.evaluation.discriminatorSamples, using: &heldOutRandom) : []
        let oracle = self.oracle
        let config = self.config
        let perSampleURL = folder.url(of: .nllOraclePerSample)
        let workspace = Generator.Workspace(batchSize: 64, generator: oracle)
        let data = RunData(training: training, trainingCount: config.oracle.trainingSequences, heldOutReal: heldOut) {
            generator, index, row in
            var random = SplitMix64(seed: config.seed, stream: .oracleEvaluation, index)
            let samples = generator.sample(count: config.evaluation.samples, using: &random)
            let values = samples.withUnsafeBufferPointer {
                oracle.negativeLogLikelihoods(of: $0.baseAddress!, count: config.evaluation.samples, workspace: workspace)
            }
            try AtomicFile.write(values.map { String(format: "%.6f", $0) }.joined(separator: "\n") + "\n", to: perSampleURL)
            row.nllOracle = values.reduce(0.0) { $0 + Double($1) } / Double(values.count)
        }
        return try TrainingRun(config: config, directory: directory, data: data, resume: resume, observer: observer).run()
    }
}
