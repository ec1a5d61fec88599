import Foundation
import NeuralNetwork
import TensorCore

/// What a run trains on and how its generator is judged.
public struct RunData {
    /// `[count, T]` real training sequences.
    public var training: [Int32]
    /// Number of training sequences.
    public var trainingCount: Int
    /// `[n, T]` real sequences kept out of training, for evaluating the discriminator.
    public var heldOutReal: [Int32]
    /// Fills a log row's generator metrics (NLL-oracle, or NLL-test and BLEU); the index is
    /// distinct for every evaluation point and seeds its sampling.
    public var evaluate: (Generator, UInt64, inout RunLogRow) throws -> Void

    /// Creates the data of a run.
    public init(
        training: [Int32], trainingCount: Int, heldOutReal: [Int32],
        evaluate: @escaping (Generator, UInt64, inout RunLogRow) throws -> Void
    ) {
        self.training = training
        self.trainingCount = trainingCount
        self.heldOutReal = heldOutReal
        self.evaluate = evaluate
    }
}

/// One execution of a training run: the models, the data and the place in the schedule.
///
/// Phases, in order: `pretrain` (MLE epochs), `discriminator` (D pre-training, `seqgan`
/// mode only), then `rounds` units of the mode's own phase. Every random stream is derived
/// from the seed and the unit's place in the schedule, so a resumed run continues exactly.
///
/// The run folder holds `config.json`, `train.txt`, `checkpoint.safetensors` (everything
/// needed to continue, written atomically after every epoch, D pre-training step and round)
/// and `log.csv`.
public final class TrainingRun {
    /// The run's settings.
    public let config: RunConfig
    /// The run folder.
    public let directory: URL
    let observer: TrainingObserver?
    let runData: RunData
    var data: [Int32] { runData.training }
    var heldOutReal: [Int32] { runData.heldOutReal }
    var trainingCount: Int { runData.trainingCount }
    /// The generator being trained.
    public let generator: Generator
    let trainer: GeneratorTrainer
    /// The discriminator (`seqgan` mode).
    public let discriminator: Discriminator?
    let rolloutCopy: Generator?
    let scorer: SequenceScorer?
    /// The log so far.
    public private(set) var rows: [RunLogRow] = []
    var position = RunCheckpoint.Position(phase: "pretrain", done: 0)
    let clock = ContinuousClock()
    let started: ContinuousClock.Instant
    var elapsedBefore = 0.0

    /// The checkpoint file of a run folder.
    public static func checkpointURL(in directory: URL) -> URL {
        directory.appendingPathComponent("checkpoint.safetensors")
    }

    /// Reads the settings a run folder was started with.
    public static func savedConfig(in directory: URL) throws -> RunConfig {
        let url = directory.appendingPathComponent("config.json")
        do {
            return try JSONDecoder().decode(RunConfig.self, from: Data(contentsOf: url))
        } catch {
            throw RunError.unreadableConfig(path: url.path, reason: "\(error)")
        }
    }

    /// Prepares a run in `directory`, restoring its last checkpoint when `resume` is set.
    ///
    /// - Throws: ``RunError/alreadyExists(path:)`` when the folder holds a run and `resume`
    ///   is not set; I/O and checkpoint errors naming the file.
    public init(
        config: RunConfig, directory: URL, data: RunData, resume: Bool,
        observer: TrainingObserver? = nil
    ) throws {
        guard data.trainingCount >= config.optimizer.batchSize else {
            throw RunError.invalidConfig("\(data.trainingCount) training sequences are fewer than one batch of \(config.optimizer.batchSize)")
        }
        self.config = config
        self.directory = directory
        self.observer = observer
        runData = data
        let fileManager = FileManager.default
        let checkpoint = TrainingRun.checkpointURL(in: directory)
        let hasCheckpoint = fileManager.fileExists(atPath: checkpoint.path)
        if hasCheckpoint && !resume { throw RunError.alreadyExists(path: directory.path) }
        try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(encoder.encode(config), to: directory.appendingPathComponent("config.json"))
        let t = config.generator.sequenceLength
        let dataURL = directory.appendingPathComponent("train.txt")
        if !fileManager.fileExists(atPath: dataURL.path) {
            try AtomicFile.write(TokenSequenceFile.text(of: data.training, length: t), to: dataURL)
        }

        generator = Generator(config: config.generator)
        var initRandom = SplitMix64(seed: config.seed, stream: 0x6E4)
        generator.initializeRandom(using: &initRandom)
        var dropoutRandom = SplitMix64(seed: config.seed, stream: 0xD209)
        trainer = GeneratorTrainer(
            generator: generator, settings: config.optimizer, dropoutSeed: dropoutRandom.next())

        let adversarial = config.rounds > 0 && (config.mode == .seqgan || config.mode == .pgbleu)
        if config.mode == .seqgan {
            let discriminator = Discriminator(config: try config.discriminatorForGenerator())
            var random = SplitMix64(seed: config.seed, stream: 0xD15C)
            discriminator.initializeRandom(using: &random)
            self.discriminator = discriminator
            scorer = DiscriminatorScorer(discriminator: discriminator)
        } else if adversarial {
            discriminator = nil
            scorer = try BLEURewardScorer(references: data.training, sequenceLength: t, order: 3)
        } else {
            discriminator = nil
            scorer = nil
        }
        rolloutCopy = adversarial ? Generator(config: config.generator) : nil
        started = clock.now
        if hasCheckpoint {
            (position, rows) = try RunCheckpoint.load(
                from: checkpoint, trainer: trainer, discriminator: discriminator,
                rolloutCopy: rolloutCopy)
            elapsedBefore = rows.last?.seconds ?? 0
            observer?.report("resuming \(directory.path) in phase \(position.phase) after \(position.done)")
        } else if let base = config.initFrom {
            try startFromPretrained(URL(fileURLWithPath: base))
        }
    }

    /// Checks that `base` is a run folder that stopped right after `epochs` MLE epochs, so
    /// that a run can start from its pre-trained generator (``RunConfig/initFrom``).
    ///
    /// - Throws: ``RunError/incompatibleCheckpoint(path:reason:)`` naming the base checkpoint.
    public static func checkPretrained(_ base: URL, epochs: Int) throws {
        let url = checkpointURL(in: base)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw RunError.incompatibleCheckpoint(path: url.path, reason: "no checkpoint to start from")
        }
        let (position, _) = try RunCheckpoint.progress(in: SafeTensors(contentsOf: url), path: url.path)
        guard position == .init(phase: "pretrain", done: epochs) else {
            throw RunError.incompatibleCheckpoint(
                path: url.path,
                reason: "the run to start from must have stopped after \(epochs) pre-training epochs (trained with --rounds 0); it is at \(position.phase) \(position.done)")
        }
    }

    /// Takes the generator, its optimiser state and the pre-training log of `base` (see
    /// ``checkPretrained(_:epochs:)``); this run's wall time includes the base's pre-training.
    func startFromPretrained(_ base: URL) throws {
        try TrainingRun.checkPretrained(base, epochs: config.epochs)
        (position, rows) = try RunCheckpoint.load(
            from: TrainingRun.checkpointURL(in: base), trainer: trainer, discriminator: nil, rolloutCopy: nil)
        elapsedBefore = rows.last?.seconds ?? 0
        observer?.report("starting from the pre-trained generator of \(base.path) (\(config.epochs) epochs)")
    }

    var elapsed: Double {
        let d = clock.now - started
        return elapsedBefore + Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    /// The phases of this run with their lengths, in order.
    var phases: [(name: String, units: Int)] {
        var list = [("pretrain", config.epochs)]
        if config.mode == .seqgan && config.rounds > 0 {
            list.append(("discriminator", config.discriminatorPretrainSteps))
        }
        if config.rounds > 0 { list.append((config.mode.rawValue, config.rounds)) }
        return list
    }

    /// Runs the rest of the schedule.
    ///
    /// - Returns: The whole log.
    @discardableResult
    public func run() throws -> [RunLogRow] {
        if rows.isEmpty {
            var row = RunLogRow(phase: "pretrain", epoch: 0)
            try evaluate(into: &row, index: 0)
            observer?.report(summary(of: row) + " (untrained generator)")
            try record(row, position: position)
            try stopIfRequested()
        }
        let order = phases.map(\.name)
        let current = order.firstIndex(of: position.phase) ?? order.count
        for (index, phase) in phases.enumerated() where index >= current {
            let first = index == current ? position.done + 1 : 1
            guard first <= phase.units else { continue }
            for unit in first...phase.units {
                var row = RunLogRow(phase: phase.name, epoch: unit)
                let evaluateNow = unit % config.evaluateEvery == 0 || unit == phase.units
                switch phase.name {
                case "pretrain": try mleEpoch(unit, stream: 0x5BF1, total: phase.units, into: &row)
                case "discriminator": try discriminatorPretrainStep(unit, total: phase.units, into: &row)
                case RunConfig.Mode.mle.rawValue: try mleEpoch(unit, stream: 0x5BF2, total: phase.units, into: &row)
                case RunConfig.Mode.ss.rawValue: try scheduledSamplingEpoch(unit, total: phase.units, into: &row)
                default: try adversarialRound(unit, total: phase.units, into: &row)
                }
                if phase.name == "discriminator" {
                    observer?.report(summary(of: row))
                } else if evaluateNow {
                    try evaluate(into: &row, index: evaluationIndex(phase: index, unit: unit))
                    observer?.report(summary(of: row))
                }
                try record(row, position: .init(phase: phase.name, done: unit))
                try stopIfRequested()
            }
        }
        return rows
    }

    /// Throws ``TrainingInterrupted`` when the observer asks to stop (called right after a
    /// checkpoint is written, so nothing is lost).
    func stopIfRequested() throws {
        guard observer?.isStopRequested == true else { return }
        throw TrainingInterrupted(directory: directory.path, phase: position.phase, done: position.done)
    }

    /// A distinct index for every evaluation point (seeds its samples).
    func evaluationIndex(phase: Int, unit: Int) -> UInt64 { UInt64(phase) << 32 | UInt64(unit) }

    func summary(of row: RunLogRow) -> String {
        var text = "\(row.phase) \(row.epoch):"
        if let v = row.trainNLL { text += String(format: " train NLL %.4f,", v) }
        if let v = row.generatorLoss { text += String(format: " g-loss %.2f, reward %.3f±%.3f,", v, row.rewardMean ?? 0, row.rewardStd ?? 0) }
        if let v = row.discriminatorAccuracy { text += String(format: " D accuracy %.3f,", v) }
        if let v = row.nllTest { text += String(format: " NLL-test %.4f,", v) }
        if let v = row.bleu { text += String(format: " BLEU %.4f,", v) }
        if let v = row.nllOracle { text += String(format: " NLL-oracle %.4f", v) }
        if text.hasSuffix(",") { text.removeLast() }
        return text
    }

    func record(_ row: RunLogRow, position: RunCheckpoint.Position) throws {
        var row = row
        row.seconds = elapsed
        rows.append(row)
        self.position = position
        try RunCheckpoint.save(
            to: TrainingRun.checkpointURL(in: directory), config: config, position: position, rows: rows,
            trainer: trainer, discriminator: discriminator, rolloutCopy: rolloutCopy)
        try AtomicFile.write(
            ([RunLogRow.csvHeader] + rows.map(\.csvLine)).joined(separator: "\n") + "\n",
            to: directory.appendingPathComponent("log.csv"))
    }

    /// The generator's metrics, and the discriminator on held-out real and fake data.
    func evaluate(into row: inout RunLogRow, index: UInt64) throws {
        observer?.phaseStarted("evaluating", total: 1)
        try runData.evaluate(generator, index, &row)
        // The discriminator is only worth judging once it has been trained.
        if row.phase != "pretrain" { evaluateDiscriminator(into: &row, index: index) }
        observer?.progressed(done: 1, total: 1, loss: nil)
    }

    func evaluateDiscriminator(into row: inout RunLogRow, index: UInt64) {
        guard let discriminator else { return }
        var random = SplitMix64(seed: config.seed, stream: 0xD0E2, index)
        let fake = generator.sample(count: config.discriminatorEvaluationSamples, using: &random)
        let result = discriminator.evaluate(real: heldOutReal, fake: fake)
        row.discriminatorLoss = result.loss
        row.discriminatorAccuracy = result.accuracy
    }

    func mleEpoch(_ epoch: Int, stream: UInt64, total: Int, into row: inout RunLogRow) throws {
        var random = SplitMix64(seed: config.seed, stream: stream, UInt64(epoch))
        observer?.phaseStarted("\(row.phase) epoch \(epoch)/\(total)", total: trainingCount / config.optimizer.batchSize)
        row.trainNLL = trainer.trainEpoch(data: data, count: trainingCount, using: &random) {
            index, count, loss in observer?.progressed(done: index + 1, total: count, loss: loss)
        }
    }

    func scheduledSamplingEpoch(_ epoch: Int, total: Int, into row: inout RunLogRow) throws {
        let omega = max(0, 1 - config.scheduledSamplingDecay * Double(epoch))
        var order = SplitMix64(seed: config.seed, stream: 0x55A1, UInt64(epoch))
        var draws = SplitMix64(seed: config.seed, stream: 0x55A2, UInt64(epoch))
        observer?.phaseStarted(String(format: "ss epoch %d/%d (ω %.3f)", epoch, total, omega), total: trainingCount / config.optimizer.batchSize)
        row.trainNLL = trainer.trainEpoch(
            data: data, count: trainingCount, using: &order,
            onBatch: { index, count, loss in observer?.progressed(done: index + 1, total: count, loss: loss) }
        ) { batch, size in
            trainer.scheduledSamplingStep(sequences: batch, batchSize: size, omega: omega, using: &draws)
        }
    }

    func discriminatorPretrainStep(_ step: Int, total: Int, into row: inout RunLogRow) throws {
        guard let discriminator else { return }
        try trainDiscriminator(
            discriminator, negatives: SplitMix64(seed: config.seed, stream: 0xD1, UInt64(step)),
            order: SplitMix64(seed: config.seed, stream: 0xD2, UInt64(step)),
            label: "D pre-training \(step)/\(total)")
        evaluateDiscriminator(into: &row, index: UInt64(step) | 1 << 40)
    }

    /// Fresh negatives from the generator, then `discriminatorEpochs` epochs over
    /// real + fake.
    func trainDiscriminator(
        _ discriminator: Discriminator, negatives sampleRandom: SplitMix64, order trainRandom: SplitMix64,
        label: String
    ) throws {
        var sampleRandom = sampleRandom
        var trainRandom = trainRandom
        let negatives = generator.sample(count: trainingCount, using: &sampleRandom)
        observer?.phaseStarted(label, total: config.discriminatorEpochs)
        discriminator.trainEpochs(real: data, fake: negatives, epochs: config.discriminatorEpochs, using: &trainRandom) {
            epoch, index, count, loss, _ in
            observer?.progressed(done: epoch * count + index + 1, total: config.discriminatorEpochs * count, loss: loss)
        }
    }

    func adversarialRound(_ round: Int, total: Int, into row: inout RunLogRow) throws {
        guard let scorer, let rolloutCopy else { return }
        let t = config.generator.sequenceLength
        let b = config.optimizer.batchSize
        if config.rollout == .same || (round == 1 && position.phase != config.mode.rawValue) {
            rolloutCopy.arena.copyValues(from: generator.arena)
        }
        observer?.phaseStarted("\(config.mode.rawValue) round \(round)/\(total)", total: config.generatorSteps + config.discriminatorSteps)
        var allRewards: [Float] = []
        var loss = 0.0
        for step in 0..<config.generatorSteps {
            var random = SplitMix64(seed: config.seed, stream: 0x6A, UInt64(round), UInt64(step))
            let batch = generator.sample(count: b, using: &random)
            let rewards = batch.withUnsafeBufferPointer {
                RolloutRewards.compute(
                    for: $0.baseAddress!, batch: b, sequenceLength: t, perPrefix: config.rolloutsPerPrefix,
                    rolloutPolicy: rolloutCopy, scorer: scorer, seed: random.next())
            }
            loss += batch.withUnsafeBufferPointer {
                trainer.policyGradientStep(
                    sequences: $0.baseAddress!, batchSize: b, rewards: rewards,
                    reduction: config.pgLoss, baseline: config.baseline)
            }
            allRewards += rewards
            observer?.progressed(done: step + 1, total: config.generatorSteps + config.discriminatorSteps, loss: loss)
        }
        if config.rollout == .ema {
            let rate = config.rolloutRate
            let beta = rolloutCopy.arena.values.base
            let theta = generator.arena.values.base
            for i in 0..<rolloutCopy.arena.values.count { beta[i] = rate * beta[i] + (1 - rate) * theta[i] }
        }
        if let discriminator {
            for step in 0..<config.discriminatorSteps {
                try trainDiscriminator(
                    discriminator, negatives: SplitMix64(seed: config.seed, stream: 0xD3, UInt64(round), UInt64(step)),
                    order: SplitMix64(seed: config.seed, stream: 0xD4, UInt64(round), UInt64(step)),
                    label: "d-step \(step + 1)/\(config.discriminatorSteps) of round \(round)")
            }
        }
        row.generatorLoss = loss / Double(config.generatorSteps)
        let mean = allRewards.reduce(0.0) { $0 + Double($1) } / Double(allRewards.count)
        row.rewardMean = mean
        row.rewardStd = (allRewards.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(allRewards.count)).squareRoot()
    }
}
