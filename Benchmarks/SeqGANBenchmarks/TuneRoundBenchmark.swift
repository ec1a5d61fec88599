import Foundation
import MusicGeneration
import SeqGAN
import TensorCore

/// The cost of one adversarial round of a trained whole-tune run, part by part, at the run's
/// own sizes and settings: what `seqgan train` spends on each of its rounds.
///
///     seqgan-bench tune-round RUN [--repeats 3] [--no-every-token]
///
/// RUN is a whole-tune run trained with `--mode seqgan` (for example
/// `seqgan train nottingham/melody --out runs/tunes`): its generator, tune grammar,
/// discriminator and `train.txt` are read, and nothing is written. The parts, each the median
/// of `--repeats` runs after a warm-up: sampling the batch, the roll-outs from its bar lines
/// scored by the discriminator, the policy-gradient update, the teacher-forced step, and the
/// discriminator step (fresh negatives and its epochs). For comparison, one run of the same
/// batch's roll-outs from every token (the paper's positions), which is what bar lines save.
/// There is no peer: no other implementation trains this model.
enum TuneRoundBenchmark {
    static func run(arguments: [String]) throws {
        guard let path = arguments.first, !path.hasPrefix("--") else {
            FileHandle.standardError.write(Data("seqgan-bench tune-round: give a whole-tune run folder trained with --mode seqgan, e.g. runs/tunes\n".utf8))
            exit(2)
        }
        let repeats = BenchmarkSupport.positiveInteger("--repeats", in: arguments, default: 3)
        let directory = URL(fileURLWithPath: path)
        let model = try MusicModel(runDirectory: directory)
        let config = model.config
        guard let end = config.generator.sequenceEnd, config.rewards.rolloutPositions == .boundaries else {
            FileHandle.standardError.write(Data("seqgan-bench tune-round: \(path) is not a whole-tune run (--scheme tune)\n".utf8))
            exit(2)
        }
        let discriminator = try TrainingRun.trainedDiscriminator(in: directory)
        let t = config.generator.sequenceLength
        let (real, count) = try TokenSequenceFile.read(
            directory.appendingPathComponent("train.txt"), length: t, vocabularySize: config.generator.vocabularySize)
        BLAS.threadCount = 1
        let generator = model.generator
        let rolloutPolicy = Generator(config: config.generator)
        rolloutPolicy.conditioning = generator.conditioning
        rolloutPolicy.arena.copyValues(from: generator.arena)
        let trainer = GeneratorTrainer(generator: generator, settings: config.optimizer)
        let scorer = DiscriminatorScorer(discriminator: discriminator)
        let b = config.optimizer.batchSize
        let temperature = config.rewards.temperature
        let perPrefix = config.rewards.rolloutsPerPrefix
        print("== tune round: \(path) (batch \(b), rows of \(t), \(perPrefix) roll-outs a prefix, policy at \(temperature), \(count) training tunes; repeats \(repeats), median)")

        var random = SplitMix64(seed: 7)
        var batch: [Int32] = []
        let sampling = BenchmarkSupport.medianSeconds(repeats: repeats) {
            batch = generator.sample(count: b, temperature: temperature, using: &random)
        }
        let tokens = batch.withUnsafeBufferPointer { rows in
            (0..<b).map { end.countedLength(of: rows.baseAddress! + $0 * t, length: t) }.reduce(0, +)
        }
        func rollouts(_ positions: RolloutPositions, repeats: Int, warmUp: Bool = true) -> (seconds: Double, rewards: [Float]) {
            var rewards: [Float] = []
            let seconds = BenchmarkSupport.medianSeconds(repeats: repeats, warmUp: warmUp) {
                rewards = RolloutRewards.compute(
                    for: TokenBatch(tokens: batch, length: t), perPrefix: perPrefix, rolloutPolicy: rolloutPolicy,
                    scorer: scorer, seed: random.next(), positions: positions, temperature: temperature)
            }
            return (seconds, rewards)
        }
        let bars = rollouts(.boundaries, repeats: repeats)
        let update = BenchmarkSupport.medianSeconds(repeats: repeats) {
            trainer.policyGradientStep(
                sequences: batch, batchSize: b, rewards: bars.rewards, reduction: config.rewards.pgLoss,
                baseline: config.rewards.baseline, temperature: temperature)
        }
        let mleStep = BenchmarkSupport.medianSeconds(repeats: repeats) {
            trainer.randomBatchStep(data: real, count: count, using: &random)
        }
        let negatives = config.schedule.discriminatorNegatives ?? count
        let discriminatorStep = BenchmarkSupport.medianSeconds(repeats: repeats) {
            let fake = generator.sample(count: negatives, temperature: temperature, using: &random)
            _ = discriminator.trainEpochs(real: real, fake: fake, epochs: config.schedule.discriminatorEpochs, using: &random)
        }
        let round = Double(config.schedule.generatorSteps) * (sampling + bars.seconds + update)
            + Double(config.schedule.mleSteps) * mleStep + Double(config.schedule.discriminatorSteps) * discriminatorStep
        func line(_ label: String, _ seconds: Double) {
            print("  " + label.padding(toLength: 58, withPad: " ", startingAt: 0) + String(format: "%8.3f s", seconds))
        }
        line("sampling \(b) tunes (\(tokens) tokens)", sampling)
        line("roll-outs from bar lines, scored by D", bars.seconds)
        line("policy-gradient update", update)
        line("teacher-forced step (x \(config.schedule.mleSteps) a round)", mleStep)
        line("D step: \(negatives) negatives, \(config.schedule.discriminatorEpochs) epochs (x \(config.schedule.discriminatorSteps) a round)", discriminatorStep)
        line("one round (\(config.schedule.generatorSteps) generator step(s))", round)
        if !arguments.contains("--no-every-token") {
            // Once, without a warm-up: it takes many times longer.
            let everyToken = rollouts(.everyToken, repeats: 1, warmUp: false)
            line("roll-outs from every token instead (the paper's; one run)", everyToken.seconds)
            print(String(format: "  bar lines save %.1fx on the roll-outs", everyToken.seconds / bars.seconds))
        }
        print(String(format: "  peak memory %.0f MiB", BenchmarkSupport.peakMemoryMiB))
    }
}
