import Foundation
import NeuralNetwork
import TensorCore

/// The paper's synthetic experiment: an oracle LSTM generates the training set; a generator
/// is pre-trained on it by MLE and then trained further by the chosen mode (continued MLE,
/// scheduled sampling, PG-BLEU or SeqGAN); NLL-oracle (the oracle's per-token NLL of the
/// generator's samples) measures how close the generator came.
///
/// A run lives in a folder: `config.json`, `train.txt` (the oracle's samples),
/// `checkpoint.safetensors` (everything needed to continue, written atomically after every
/// epoch, D pre-training step and round), `log.csv` and `nll_oracle_per_sample.txt` (the
/// latest evaluation's per-sample values, for t-tests).
public final class SyntheticExperiment {
    /// The run's settings.
    public let config: SyntheticRunConfig
    /// The run folder.
    public let directory: URL
    /// The oracle the data comes from and samples are scored by.
    public let oracle: Generator

    /// Loads the oracle and checks the settings; creates nothing on disk yet.
    ///
    /// - Throws: ``SafeTensorsError`` for a bad oracle file, ``RunError`` for bad settings.
    public init(config: SyntheticRunConfig, directory: URL) throws {
        guard config.epochs >= 0, config.rounds >= 0, config.evaluateEvery > 0,
            config.trainingSequences > 0, config.evaluationSamples > 0,
            config.optimizer.batchSize > 0, config.rolloutsPerPrefix > 0,
            config.discriminatorEvaluationSamples > 0
        else {
            throw RunError.invalidConfig("epochs and rounds must not be negative; sizes and --eval-every must be positive")
        }
        guard config.trainingSequences >= config.optimizer.batchSize else {
            throw RunError.invalidConfig("the training set is smaller than one batch")
        }
        let oracle: Generator
        if let path = config.oraclePath {
            oracle = try Generator(
                oracleAt: URL(fileURLWithPath: path), sequenceLength: config.generator.sequenceLength)
        } else {
            oracle = Generator.randomOracle(
                seed: config.oracleSeed, sequenceLength: config.generator.sequenceLength,
                vocabularySize: config.generator.vocabularySize)
        }
        guard oracle.config.vocabularySize == config.generator.vocabularySize else {
            throw RunError.invalidConfig(
                "the oracle has \(oracle.config.vocabularySize) tokens, the generator \(config.generator.vocabularySize)")
        }
        self.config = config
        self.directory = directory
        self.oracle = oracle
    }

    var checkpointURL: URL { directory.appendingPathComponent("checkpoint.safetensors") }
    var configURL: URL { directory.appendingPathComponent("config.json") }
    var logURL: URL { directory.appendingPathComponent("log.csv") }
    var dataURL: URL { directory.appendingPathComponent("train.txt") }
    var perSampleURL: URL { directory.appendingPathComponent("nll_oracle_per_sample.txt") }

    /// Reads the settings a run folder was started with.
    public static func savedConfig(in directory: URL) throws -> SyntheticRunConfig {
        let url = directory.appendingPathComponent("config.json")
        do {
            return try JSONDecoder().decode(SyntheticRunConfig.self, from: Data(contentsOf: url))
        } catch {
            throw RunError.unreadableConfig(path: url.path, reason: "\(error)")
        }
    }

    /// Runs the whole schedule (continuing from the last checkpoint when `resume` is set).
    ///
    /// - Returns: The log.
    /// - Throws: ``RunError/alreadyExists(path:)`` when the folder holds a run and `resume`
    ///   is not set; I/O errors naming the file.
    @discardableResult
    public func run(resume: Bool, observer: TrainingObserver? = nil) throws -> [RunLogRow] {
        let session = try Session(experiment: self, resume: resume, observer: observer)
        try session.run()
        return session.rows
    }
}

/// Why a run could not start or continue.
public enum RunError: Error, Equatable, CustomStringConvertible, LocalizedError {
    case alreadyExists(path: String)
    case invalidConfig(String)
    case unreadableConfig(path: String, reason: String)
    case incompatibleCheckpoint(path: String, reason: String)

    public var description: String {
        switch self {
        case .alreadyExists(let path):
            "\(path) already holds a run; pass --resume to continue it, or choose another --out"
        case .invalidConfig(let reason): "invalid settings: \(reason)"
        case .unreadableConfig(let path, let reason): "\(path): cannot read run settings: \(reason)"
        case .incompatibleCheckpoint(let path, let reason): "\(path): \(reason)"
        }
    }

    public var errorDescription: String? { description }
}
