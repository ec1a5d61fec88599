import Foundation
import NeuralNetwork
import TensorCore

extension SyntheticExperiment {
    /// One execution of a run: the models, the data and the place in the schedule.
    ///
    /// Phases, in order: `pretrain` (MLE epochs), `discriminator` (D pre-training, `seqgan`
    /// mode only), then `rounds` units of the mode's own phase. Every random stream is derived
    /// from the seed and the unit's place in the schedule, so a resumed run continues exactly.
    final class Session {
        let experiment: SyntheticExperiment
        let config: SyntheticRunConfig
        let observer: TrainingObserver?
        let data: [Int32]
        let generator: Generator
        let trainer: GeneratorTrainer
        let discriminator: Discriminator?
        let rolloutCopy: Generator?
        let scorer: SequenceScorer?
        let heldOutReal: [Int32]
        let evaluator: Generator.Workspace
        var rows: [RunLogRow] = []
        var position = RunCheckpoint.Position(phase: "pretrain", done: 0)
        let clock = ContinuousClock()
        let started: ContinuousClock.Instant
        var elapsedBefore = 0.0

        init(experiment: SyntheticExperiment, resume: Bool, observer: TrainingObserver?) throws {
            self.experiment = experiment
            config = experiment.config
            self.observer = observer
            let fileManager = FileManager.default
            let hasCheckpoint = fileManager.fileExists(atPath: experiment.checkpointURL.path)
            if hasCheckpoint && !resume { throw RunError.alreadyExists(path: experiment.directory.path) }
            try fileManager.createDirectory(at: experiment.directory, withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try AtomicFile.write(encoder.encode(config), to: experiment.configURL)

            let t = config.generator.sequenceLength
            var dataRandom = SplitMix64(seed: config.seed, stream: 0xDA7A)
            data = experiment.oracle.sample(count: config.trainingSequences, using: &dataRandom)
            if !fileManager.fileExists(atPath: experiment.dataURL.path) {
                try AtomicFile.write(TokenSequenceFile.text(of: data, length: t), to: experiment.dataURL)
            }
            generator = Generator(config: config.generator)
            var initRandom = SplitMix64(seed: config.seed, stream: 0x6E4)
            generator.initializeRandom(using: &initRandom)
            trainer = GeneratorTrainer(generator: generator, settings: config.optimizer)
            evaluator = Generator.Workspace(batchSize: 64, generator: experiment.oracle)

            let adversarial = config.rounds > 0 && (config.mode == .seqgan || config.mode == .pgbleu)
            if config.mode == .seqgan {
                var discriminatorConfig = config.discriminator
                discriminatorConfig.vocabularySize = config.generator.vocabularySize
                discriminatorConfig.sequenceLength = t
                let discriminator = Discriminator(config: discriminatorConfig)
                var random = SplitMix64(seed: config.seed, stream: 0xD15C)
                discriminator.initializeRandom(using: &random)
                self.discriminator = discriminator
                scorer = DiscriminatorScorer(discriminator: discriminator)
            } else if adversarial {
                discriminator = nil
                scorer = try BLEURewardScorer(references: data, sequenceLength: t, order: 3)
            } else {
                discriminator = nil
                scorer = nil
            }
            rolloutCopy = adversarial ? Generator(config: config.generator) : nil
            var heldOutRandom = SplitMix64(seed: config.seed, stream: 0x4E1D)
            heldOutReal = discriminator == nil ? [] : experiment.oracle.sample(
                count: config.discriminatorEvaluationSamples, using: &heldOutRandom)
            if hasCheckpoint {
                (position, rows) = try RunCheckpoint.load(
                    from: experiment.checkpointURL, trainer: trainer, discriminator: discriminator,
                    rolloutCopy: rolloutCopy)
                elapsedBefore = rows.last?.seconds ?? 0
                observer?.report("resuming \(experiment.directory.path) in phase \(position.phase) after \(position.done)")
            }
            started = clock.now
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

        func run() throws {
            if rows.isEmpty {
                var row = RunLogRow(phase: "pretrain", epoch: 0)
                try evaluate(into: &row, index: 0)
                observer?.report(String(format: "epoch 0: NLL-oracle %.4f (untrained generator)", row.nllOracle!))
                try record(row, position: position)
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
                    case SyntheticRunConfig.Mode.mle.rawValue: try mleEpoch(unit, stream: 0x5BF2, total: phase.units, into: &row)
                    case SyntheticRunConfig.Mode.ss.rawValue: try scheduledSamplingEpoch(unit, total: phase.units, into: &row)
                    default: try adversarialRound(unit, total: phase.units, into: &row)
                    }
                    if evaluateNow && phase.name != "discriminator" {
                        try evaluate(into: &row, index: evaluationIndex(phase: index, unit: unit))
                        observer?.report(summary(of: row))
                    }
                    try record(row, position: .init(phase: phase.name, done: unit))
                }
            }
        }

        /// A distinct index for every evaluation point (seeds its samples).
        func evaluationIndex(phase: Int, unit: Int) -> UInt64 { UInt64(phase) << 32 | UInt64(unit) }

        func summary(of row: RunLogRow) -> String {
            var text = "\(row.phase) \(row.epoch):"
            if let v = row.trainNLL { text += String(format: " train NLL %.4f,", v) }
            if let v = row.generatorLoss { text += String(format: " g-loss %.2f, reward %.3f±%.3f,", v, row.rewardMean ?? 0, row.rewardStd ?? 0) }
            if let v = row.discriminatorAccuracy { text += String(format: " D accuracy %.3f,", v) }
            if let v = row.nllOracle { text += String(format: " NLL-oracle %.4f", v) }
            return text
        }

        func record(_ row: RunLogRow, position: RunCheckpoint.Position) throws {
            var row = row
            row.seconds = elapsed
            rows.append(row)
            self.position = position
            try RunCheckpoint.save(
                to: experiment.checkpointURL, config: config, position: position, rows: rows,
                trainer: trainer, discriminator: discriminator, rolloutCopy: rolloutCopy)
            try AtomicFile.write(
                ([RunLogRow.csvHeader] + rows.map(\.csvLine)).joined(separator: "\n") + "\n",
                to: experiment.logURL)
        }

        /// NLL-oracle of fresh samples, and the discriminator on held-out real and fake data.
        func evaluate(into row: inout RunLogRow, index: UInt64) throws {
            observer?.phaseStarted("evaluating", total: 1)
            var random = SplitMix64(seed: config.seed, stream: 0xE7A1, index)
            let samples = generator.sample(count: config.evaluationSamples, using: &random)
            let values = samples.withUnsafeBufferPointer {
                experiment.oracle.negativeLogLikelihoods(
                    of: $0.baseAddress!, count: config.evaluationSamples, workspace: evaluator)
            }
            try AtomicFile.write(
                values.map { String(format: "%.6f", $0) }.joined(separator: "\n") + "\n",
                to: experiment.perSampleURL)
            row.nllOracle = values.reduce(0.0) { $0 + Double($1) } / Double(values.count)
            evaluateDiscriminator(into: &row, index: index)
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
            observer?.phaseStarted("\(row.phase) epoch \(epoch)/\(total)", total: config.trainingSequences / config.optimizer.batchSize)
            row.trainNLL = trainer.trainEpoch(data: data, count: config.trainingSequences, using: &random) {
                index, count, loss in observer?.progressed(done: index + 1, total: count, loss: loss)
            }
        }

        func scheduledSamplingEpoch(_ epoch: Int, total: Int, into row: inout RunLogRow) throws {
            let omega = max(0, 1 - config.scheduledSamplingDecay * Double(epoch))
            var order = SplitMix64(seed: config.seed, stream: 0x55A1, UInt64(epoch))
            var draws = SplitMix64(seed: config.seed, stream: 0x55A2, UInt64(epoch))
            observer?.phaseStarted(String(format: "ss epoch %d/%d (ω %.3f)", epoch, total, omega), total: config.trainingSequences / config.optimizer.batchSize)
            row.trainNLL = trainer.trainEpoch(
                data: data, count: config.trainingSequences, using: &order,
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
            let negatives = generator.sample(count: config.trainingSequences, using: &sampleRandom)
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
}
