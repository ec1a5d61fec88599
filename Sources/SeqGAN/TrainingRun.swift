import Foundation
import NeuralNetwork
import RunFiles
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
/// Phases (``Phase``), in order: MLE pre-training epochs, D pre-training (`seqgan` mode
/// only), then `rounds` units of the mode's own phase. Every random stream is derived
/// from the seed and the unit's place in the schedule, so a resumed run continues exactly.
///
/// The run folder (``RunFolder``) holds `config.json`, `train.txt`, `checkpoint.safetensors`
/// (everything needed to continue, written atomically after every epoch, D pre-training step
/// and round) and `log.csv`; the run holds the folder's lock while it exists.
public final class TrainingRun {
    /// The run's settings.
    public let config: RunConfig
    /// The run folder.
    public let directory: URL
    /// The run folder's files.
    public let folder: RunFolder
    let lock: RunFolderLock
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
    var position = RunCheckpoint.Position(phase: .pretraining, done: 0)
    let clock = ContinuousClock()
    let started: ContinuousClock.Instant
    var elapsedBefore = 0.0

    /// Reads the settings a run folder was started with, checked by ``RunConfig/validate()``.
    ///
    /// - Throws: ``RunError/unreadableConfig(path:reason:)`` naming `config.json` and the
    ///   field at fault.
    public static func savedConfig(in directory: URL) throws -> RunConfig {
        let url = RunFolder(directory).url(of: .config)
        let config: RunConfig
        do {
            config = try JSONDecoder().decode(RunConfig.self, from: Data(contentsOf: url))
        } catch {
            throw RunError.unreadableConfig(path: url.path, reason: RunCheckpoint.reason(error))
        }
        do {
            try config.validate()
        } catch let RunError.invalidConfig(reason) {
            throw RunError.unreadableConfig(path: url.path, reason: reason)
        }
        return config
    }

    /// Prepares a run in `directory`, restoring its last checkpoint when `resume` is set.
    ///
    /// - Parameter conditioning: The readers of the generator's rows (and its roll-out
    ///   policy's), required when ``GeneratorConfig/featureCount`` is above 0 or roll-outs
    ///   start at ``RolloutPositions/boundaries``.
    /// - Throws: ``RunError/alreadyExists(path:)`` when the folder holds a run and `resume`
    ///   is not set; ``RunError/invalidConfig(_:)`` when the conditioning does not fit the
    ///   settings; I/O and checkpoint errors naming the file.
    public init(
        config: RunConfig, directory: URL, data: RunData, resume: Bool,
        observer: TrainingObserver? = nil, conditioning: SequenceConditioning? = nil
    ) throws {
        try config.validate()
        try TrainingRun.check(conditioning, for: config)
        guard data.trainingCount >= config.optimizer.batchSize else {
            throw RunError.invalidConfig("\(data.trainingCount) training sequences are fewer than one batch of \(config.optimizer.batchSize)")
        }
        self.config = config
        self.directory = directory
        self.observer = observer
        runData = data
        let folder = RunFolder(directory)
        self.folder = folder
        lock = try folder.lock()
        let checkpoint = folder.url(of: .checkpoint)
        let hasCheckpoint = folder.hasCheckpoint
        if hasCheckpoint && !resume { throw RunError.alreadyExists(path: directory.path) }
        if hasCheckpoint { try folder.removeTemporaryFiles() }
        let t = config.generator.sequenceLength

        let checkpointFile = hasCheckpoint ? try SafeTensors(contentsOf: checkpoint) : nil
        if let checkpointFile {
            try Generator.parameterLayout(for: config.generator).check(
                against: checkpointFile, prefix: "generator.", path: checkpoint.path)
        }
        generator = Generator(config: config.generator)
        generator.conditioning = conditioning
        var initRandom = SplitMix64(seed: config.seed, stream: .generatorInitialization)
        generator.initializeRandom(using: &initRandom)
        var dropoutRandom = SplitMix64(seed: config.seed, stream: .generatorDropout)
        trainer = GeneratorTrainer(
            generator: generator, settings: config.optimizer, dropoutSeed: dropoutRandom.next())

        let adversarial = config.schedule.rounds > 0 && (config.schedule.mode == .seqgan || config.schedule.mode == .pgbleu)
        if config.schedule.mode == .seqgan {
            let discriminatorConfig = try config.discriminatorForGenerator()
            if let checkpointFile, checkpointFile.tensors.keys.contains(where: { $0.hasPrefix("discriminator.") }) {
                try Discriminator.parameterLayout(for: discriminatorConfig).check(
                    against: checkpointFile, prefix: "discriminator.", path: checkpoint.path)
            }
            let discriminator = Discriminator(config: discriminatorConfig)
            var random = SplitMix64(seed: config.seed, stream: .discriminatorInitialization)
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
        rolloutCopy?.conditioning = conditioning
        started = clock.now
        if let checkpointFile {
            (position, rows) = try RunCheckpoint.load(
                from: checkpointFile, path: checkpoint.path, trainer: trainer, discriminator: discriminator,
                rolloutCopy: rolloutCopy)
            elapsedBefore = rows.last?.seconds ?? 0
            guard let phase = phases.first(where: { $0.phase == position.phase }) else {
                if config.schedule.rounds == 0 && position.phase != .pretraining && Phase.allCases.contains(position.phase) {
                    throw RunError.nothingLeft(path: directory.path, phase: position.phase, done: position.done, asked: 0)
                }
                throw RunError.incompatibleCheckpoint(
                    path: checkpoint.path,
                    reason: "position: phase \(position.phase) is not in this run's schedule (\(phases.map(\.phase.rawValue).joined(separator: ", ")))")
            }
            guard position.done <= phase.units else {
                throw RunError.nothingLeft(
                    path: directory.path, phase: position.phase, done: position.done, asked: phase.units)
            }
            observer?.report("resuming \(directory.path) in phase \(position.phase) after \(position.done)")
        } else if let base = config.initFrom {
            try startFromPretrained(URL(fileURLWithPath: base))
        }
        // Written once everything read checks out, so that a refused resume changes nothing.
        try folder.writeJSON(config, to: .config)
        if !folder.contains(.trainingData) {
            try folder.write(TokenSequenceFile.text(of: data.training, length: t), to: .trainingData)
        }
    }

    /// Checks that `conditioning` fits `config`: its feature count is the generator's, and
    /// there is one when the generator has features or roll-outs start at boundaries.
    ///
    /// - Throws: ``RunError/invalidConfig(_:)`` naming the setting.
    static func check(_ conditioning: SequenceConditioning?, for config: RunConfig) throws {
        let features = config.generator.featureCount
        if let conditioning {
            guard conditioning.featureCount == features else {
                throw RunError.invalidConfig(
                    "generator.featureCount is \(features), but the task's readers write \(conditioning.featureCount) features per step")
            }
        } else if features > 0 {
            throw RunError.invalidConfig(
                "generator.featureCount is \(features), but this task has no readers to write features")
        } else if config.rewards.rolloutPositions == .boundaries {
            throw RunError.invalidConfig(
                "rewards.rolloutPositions boundaries needs a task whose readers mark boundaries")
        }
    }

    /// Checks that `base` is a run folder that stopped right after `epochs` MLE epochs, so
    /// that a run can start from its pre-trained generator (``RunConfig/initFrom``).
    ///
    /// - Throws: ``RunError/incompatibleCheckpoint(path:reason:)`` naming the base checkpoint.
    public static func checkPretrained(_ base: URL, epochs: Int) throws {
        let url = RunFolder(base).url(of: .checkpoint)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw RunError.incompatibleCheckpoint(path: url.path, reason: "no checkpoint to start from")
        }
        let (position, _) = try RunCheckpoint.progress(in: SafeTensors(contentsOf: url), path: url.path)
        guard position == .init(phase: .pretraining, done: epochs) else {
            throw RunError.incompatibleCheckpoint(
                path: url.path,
                reason: "the run to start from must have stopped after \(epochs) pre-training epochs (trained with --rounds 0); it is at \(position.phase) \(position.done)")
        }
    }

    /// Takes the generator, its optimiser state and the pre-training log of `base` (see
    /// ``checkPretrained(_:epochs:)``); this run's wall time includes the base's pre-training.
    func startFromPretrained(_ base: URL) throws {
        try TrainingRun.checkPretrained(base, epochs: config.schedule.epochs)
        (position, rows) = try RunCheckpoint.load(
            from: RunFolder(base).url(of: .checkpoint), trainer: trainer, discriminator: nil, rolloutCopy: nil)
        elapsedBefore = rows.last?.seconds ?? 0
        observer?.report("starting from the pre-trained generator of \(base.path) (\(config.schedule.epochs) epochs)")
    }

    var elapsed: Double {
        elapsedBefore + (clock.now - started).seconds
    }

    /// The phases of this run with their lengths, in order.
    var phases: [(phase: Phase, units: Int)] {
        var list: [(phase: Phase, units: Int)] = [(.pretraining, config.schedule.epochs)]
        if config.schedule.mode == .seqgan && config.schedule.rounds > 0 {
            list.append((.discriminatorPretraining, config.schedule.discriminatorPretrainSteps))
        }
        if config.schedule.rounds > 0 { list.append((.training(config.schedule.mode), config.schedule.rounds)) }
        return list
    }

    /// Runs the rest of the schedule.
    ///
    /// - Returns: The whole log.
    @discardableResult
    public func run() throws -> [RunLogRow] {
        if rows.isEmpty {
            var row = RunLogRow(phase: .pretraining, epoch: 0)
            try evaluate(into: &row, index: 0)
            observer?.report(summary(of: row) + " (untrained generator)")
            try record(row, position: position)
            try stopIfRequested()
        }
        let order = phases.map(\.phase)
        let current = order.firstIndex(of: position.phase) ?? order.count
        if !rows.isEmpty, current == order.count - 1, position.done == phases[current].units {
            observer?.report("nothing is left to do: \(directory.path) has finished its schedule (\(position.phase) \(position.done)); give more --epochs or --rounds to continue it")
        }
        for (index, phase) in phases.enumerated() where index >= current {
            let first = index == current ? position.done + 1 : 1
            guard first <= phase.units else { continue }
            for unit in first...phase.units {
                var row = RunLogRow(phase: phase.phase, epoch: unit)
                let evaluateNow = unit % config.evaluation.every == 0 || unit == phase.units
                switch phase.phase {
                case .pretraining: try mleEpoch(unit, stream: .pretrainingOrder, total: phase.units, into: &row)
                case .discriminatorPretraining: try discriminatorPretrainStep(unit, total: phase.units, into: &row)
                case .training(.mle): try mleEpoch(unit, stream: .mleModeOrder, total: phase.units, into: &row)
                case .training(.ss): try scheduledSamplingEpoch(unit, total: phase.units, into: &row)
                case .training(.pgbleu), .training(.seqgan): try adversarialRound(unit, total: phase.units, into: &row)
                }
                if phase.phase == .discriminatorPretraining {
                    observer?.report(summary(of: row))
                } else if evaluateNow {
                    try evaluate(into: &row, index: evaluationIndex(phase: index, unit: unit))
                    observer?.report(summary(of: row))
                }
                try record(row, position: .init(phase: phase.phase, done: unit))
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
            to: folder.url(of: .checkpoint), config: config, position: position, rows: rows,
            trainer: trainer, discriminator: discriminator, rolloutCopy: rolloutCopy)
        try folder.write(([RunLogRow.csvHeader] + rows.map(\.csvLine)).joined(separator: "\n") + "\n", to: .log)
    }

    /// The generator's metrics, and the discriminator on held-out real and fake data.
    func evaluate(into row: inout RunLogRow, index: UInt64) throws {
        observer?.phaseStarted("evaluating", total: 1)
        try runData.evaluate(generator, index, &row)
        // The discriminator is only worth judging once it has been trained.
        if row.phase != .pretraining { evaluateDiscriminator(into: &row, index: index) }
        observer?.progressed(done: 1, total: 1, loss: nil)
    }

    func evaluateDiscriminator(into row: inout RunLogRow, index: UInt64) {
        guard let discriminator else { return }
        var random = SplitMix64(seed: config.seed, stream: .discriminatorEvaluation, index)
        let fake = generator.sample(
            count: config.evaluation.discriminatorSamples, temperature: config.rewards.temperature, using: &random)
        let result = discriminator.evaluate(real: heldOutReal, fake: fake)
        row.discriminatorLoss = result.loss
        row.discriminatorAccuracy = result.accuracy
    }

    func mleEpoch(_ epoch: Int, stream: RandomStream, total: Int, into row: inout RunLogRow) throws {
        var random = SplitMix64(seed: config.seed, stream: stream, UInt64(epoch))
        observer?.phaseStarted("\(row.phase) epoch \(epoch)/\(total)", total: trainingCount / config.optimizer.batchSize)
        row.trainNLL = trainer.trainEpoch(data: data, count: trainingCount, using: &random) {
            index, count, loss in observer?.progressed(done: index + 1, total: count, loss: loss)
        }
    }

    func scheduledSamplingEpoch(_ epoch: Int, total: Int, into row: inout RunLogRow) throws {
        let omega = max(0, 1 - config.schedule.scheduledSamplingDecay * Double(epoch))
        var order = SplitMix64(seed: config.seed, stream: .scheduledSamplingOrder, UInt64(epoch))
        var draws = SplitMix64(seed: config.seed, stream: .scheduledSamplingDraws, UInt64(epoch))
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
            discriminator, negatives: SplitMix64(seed: config.seed, stream: .discriminatorPretrainingNegatives, UInt64(step)),
            order: SplitMix64(seed: config.seed, stream: .discriminatorPretrainingOrder, UInt64(step)),
            label: "D pre-training \(step)/\(total)")
        evaluateDiscriminator(into: &row, index: UInt64(step) | 1 << 40)
    }

    /// Fresh negatives from the generator (``RunConfig/Schedule/discriminatorNegatives``, by
    /// default as many as there are training sequences), then `discriminatorEpochs` epochs
    /// over real + fake.
    func trainDiscriminator(
        _ discriminator: Discriminator, negatives sampleRandom: SplitMix64, order trainRandom: SplitMix64,
        label: String
    ) throws {
        var sampleRandom = sampleRandom
        var trainRandom = trainRandom
        let negatives = generator.sample(
            count: config.schedule.discriminatorNegatives ?? trainingCount, temperature: config.rewards.temperature,
            using: &sampleRandom)
        observer?.phaseStarted(label, total: config.schedule.discriminatorEpochs)
        discriminator.trainEpochs(real: data, fake: negatives, epochs: config.schedule.discriminatorEpochs, using: &trainRandom) {
            epoch, index, count, loss, _ in
            observer?.progressed(done: epoch * count + index + 1, total: config.schedule.discriminatorEpochs * count, loss: loss)
        }
    }

    func adversarialRound(_ round: Int, total: Int, into row: inout RunLogRow) throws {
        guard let scorer, let rolloutCopy else { return }
        let t = config.generator.sequenceLength
        let b = config.optimizer.batchSize
        if config.rewards.rollout == .same || (round == 1 && position.phase != .training(config.schedule.mode)) {
            rolloutCopy.arena.copyValues(from: generator.arena)
        }
        observer?.phaseStarted("\(config.schedule.mode.rawValue) round \(round)/\(total)", total: config.schedule.generatorSteps + config.schedule.discriminatorSteps)
        var allRewards: [Float] = []
        var loss = 0.0
        for step in 0..<config.schedule.generatorSteps {
            var random = SplitMix64(seed: config.seed, stream: .policyGradientBatch, UInt64(round), UInt64(step))
            let batch = generator.sample(count: b, temperature: config.rewards.temperature, using: &random)
            let rewards = RolloutRewards.compute(
                for: TokenBatch(tokens: batch, length: t), perPrefix: config.rewards.rolloutsPerPrefix,
                rolloutPolicy: rolloutCopy, scorer: scorer, seed: random.next(),
                positions: config.rewards.rolloutPositions, temperature: config.rewards.temperature)
            loss += batch.withUnsafeBufferPointer {
                trainer.policyGradientStep(
                    sequences: $0.baseAddress!, batchSize: b, rewards: rewards,
                    reduction: config.rewards.pgLoss, baseline: config.rewards.baseline,
                    temperature: config.rewards.temperature)
            }
            allRewards += rewards
            observer?.progressed(done: step + 1, total: config.schedule.generatorSteps + config.schedule.discriminatorSteps, loss: loss)
        }
        for step in 0..<config.schedule.mleSteps {
            var random = SplitMix64(seed: config.seed, stream: .roundMLEBatch, UInt64(round), UInt64(step))
            trainer.randomBatchStep(data: data, count: trainingCount, using: &random)
        }
        if config.rewards.rollout == .ema {
            let rate = config.rewards.rolloutRate
            let beta = rolloutCopy.arena.values.base
            let theta = generator.arena.values.base
            for i in 0..<rolloutCopy.arena.values.count { beta[i] = rate * beta[i] + (1 - rate) * theta[i] }
        }
        if let discriminator {
            for step in 0..<config.schedule.discriminatorSteps {
                try trainDiscriminator(
                    discriminator, negatives: SplitMix64(seed: config.seed, stream: .roundDiscriminatorNegatives, UInt64(round), UInt64(step)),
                    order: SplitMix64(seed: config.seed, stream: .roundDiscriminatorOrder, UInt64(round), UInt64(step)),
                    label: "d-step \(step + 1)/\(config.schedule.discriminatorSteps) of round \(round)")
            }
        }
        row.generatorLoss = loss / Double(config.schedule.generatorSteps)
        let mean = allRewards.reduce(0.0) { $0 + Double($1) } / Double(allRewards.count)
        row.rewardMean = mean
        row.rewardStd = (allRewards.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(allRewards.count)).squareRoot()
    }
}
