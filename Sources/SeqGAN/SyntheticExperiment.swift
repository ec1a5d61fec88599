import Foundation
import NeuralNetwork
import TensorCore

/// The paper's synthetic experiment: an oracle LSTM generates the training set; a generator
/// is trained on it; NLL-oracle (the oracle's per-token NLL of the generator's samples)
/// measures how close the generator came.
///
/// A run lives in a folder:
/// `config.json`, `train.txt` (the oracle's samples), `checkpoint.safetensors` (generator,
/// optimiser moments, epoch, log; written atomically after every epoch), `log.csv` and
/// `nll_oracle_per_sample.txt` (the latest evaluation, for t-tests).
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
        guard config.epochs >= 0, config.evaluateEvery > 0, config.trainingSequences > 0,
            config.evaluationSamples > 0, config.optimizer.batchSize > 0
        else {
            throw RunError.invalidConfig("epochs, sizes and --eval-every must be positive")
        }
        guard config.trainingSequences >= config.optimizer.batchSize else {
            throw RunError.invalidConfig("the training set is smaller than one batch")
        }
        let oracle: Generator
        if let path = config.oraclePath {
            oracle = try Generator(
                oracleAt: URL(fileURLWithPath: path),
                sequenceLength: config.generator.sequenceLength)
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

    /// Trains for `config.epochs` epochs (continuing from the last checkpoint when `resume`
    /// is set), evaluating NLL-oracle at epoch 0, every `evaluateEvery` epochs and at the end.
    ///
    /// - Returns: The log, one row per epoch.
    /// - Throws: ``RunError/alreadyExists(path:)`` when the folder holds a run and `resume`
    ///   is not set; I/O errors naming the file.
    @discardableResult
    public func run(resume: Bool, observer: TrainingObserver? = nil) throws -> [MLELogRow] {
        let fileManager = FileManager.default
        let hasCheckpoint = fileManager.fileExists(atPath: checkpointURL.path)
        if hasCheckpoint && !resume { throw RunError.alreadyExists(path: directory.path) }
        try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(encoder.encode(config), to: configURL)

        let t = config.generator.sequenceLength
        var dataRandom = SplitMix64(seed: config.seed, stream: 0xDA7A)
        let data = oracle.sample(count: config.trainingSequences, using: &dataRandom)
        if !fileManager.fileExists(atPath: dataURL.path) {
            try AtomicFile.write(TokenSequenceFile.text(of: data, length: t), to: dataURL)
        }

        let generator = Generator(config: config.generator)
        var initRandom = SplitMix64(seed: config.seed, stream: 0x6E4)
        generator.initializeRandom(using: &initRandom)
        let trainer = GeneratorTrainer(generator: generator, settings: config.optimizer)
        let evaluator = Generator.Workspace(batchSize: 64, generator: oracle)

        var rows: [MLELogRow] = []
        var elapsedBefore = 0.0
        if hasCheckpoint {
            let state = try MLECheckpoint.load(from: checkpointURL, into: trainer)
            rows = state.rows
            elapsedBefore = rows.last?.seconds ?? 0
            observer?.report("resuming \(directory.path) after epoch \(state.epoch)")
        }
        let clock = ContinuousClock()
        let started = clock.now
        func elapsed() -> Double {
            let d = clock.now - started
            return elapsedBefore + Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        }
        func evaluate(epoch: Int) throws -> Double {
            observer?.phaseStarted("NLL-oracle", total: 1)
            var random = SplitMix64(seed: config.seed, stream: 0xE7A1, UInt64(epoch))
            let samples = generator.sample(count: config.evaluationSamples, using: &random)
            let values = samples.withUnsafeBufferPointer {
                oracle.negativeLogLikelihoods(
                    of: $0.baseAddress!, count: config.evaluationSamples, workspace: evaluator)
            }
            try AtomicFile.write(
                values.map { String(format: "%.6f", $0) }.joined(separator: "\n") + "\n",
                to: perSampleURL)
            observer?.progressed(done: 1, total: 1, loss: nil)
            return values.reduce(0.0) { $0 + Double($1) } / Double(values.count)
        }
        func save(epoch: Int) throws {
            try MLECheckpoint.save(trainer: trainer, config: config, epoch: epoch, rows: rows, to: checkpointURL)
            try AtomicFile.write(
                ([MLELogRow.csvHeader] + rows.map(\.csvLine)).joined(separator: "\n") + "\n",
                to: logURL)
        }

        if rows.isEmpty {
            let nll = try evaluate(epoch: 0)
            rows.append(MLELogRow(epoch: 0, trainNLL: nil, nllOracle: nll, seconds: elapsed()))
            observer?.report(String(format: "epoch 0: NLL-oracle %.4f (untrained generator)", nll))
            try save(epoch: 0)
        }
        let firstEpoch = rows.last!.epoch + 1
        if firstEpoch <= config.epochs {
            for epoch in firstEpoch...config.epochs {
                var random = SplitMix64(seed: config.seed, stream: 0x5BF1, UInt64(epoch))
                observer?.phaseStarted("epoch \(epoch)/\(config.epochs)", total: config.trainingSequences / config.optimizer.batchSize)
                let loss = trainer.trainEpoch(data: data, count: config.trainingSequences, using: &random) {
                    index, total, loss in observer?.progressed(done: index + 1, total: total, loss: loss)
                }
                var row = MLELogRow(epoch: epoch, trainNLL: loss, nllOracle: nil, seconds: 0)
                if epoch % config.evaluateEvery == 0 || epoch == config.epochs {
                    row.nllOracle = try evaluate(epoch: epoch)
                    observer?.report(String(format: "epoch %d: train NLL %.4f, NLL-oracle %.4f", epoch, loss, row.nllOracle!))
                }
                row.seconds = elapsed()
                rows.append(row)
                try save(epoch: epoch)
            }
        }
        return rows
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
