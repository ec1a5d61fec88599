import Foundation
import SeqGAN
import SyntheticGeneration
import TensorCore

/// One SeqGAN generator step and one adversarial round at the paper's sizes, side by side
/// with the PyTorch reference (`Benchmarks/peers/torch_seqgan.py g_step|round|d_epoch`).
///
///     seqgan-bench adversarial [--repeats 3] [--round-d-epochs 15] [--no-peer] [--g-step-only]
///                              [--no-round] [--score-rows N] [--load CORES]
///
/// `--g-step-only` times the generator step alone (ours and the peer's), for quick comparisons,
/// and the roll-out sampling on its own. `--score-rows` sets the scoring workspace's rows
/// (default: the training runs' `DiscriminatorScorer.defaultBatchSize`). `--no-round` times
/// the generator step and the discriminator epoch (`--repeats` each, median) and skips the
/// round. `--load CORES` runs a busy process pinned to each of the first CORES cores while
/// ours and the peer run, to show how each copes with a core taken by another process.
///
/// A round is 1 g-step + 5 x (10,000 fresh negatives + 3 discriminator epochs over 20,000
/// sequences); `--round-d-epochs` times fewer discriminator epochs and scales them up
/// (printed as such).
enum AdversarialBenchmark {
    static func run(arguments: [String]) throws {
        let repeats = BenchmarkSupport.positiveInteger("--repeats", in: arguments, default: 3)
        let roundEpochs = BenchmarkSupport.positiveInteger("--round-d-epochs", in: arguments, default: 15)
        let withPeer = !arguments.contains("--no-peer")
        let gStepOnly = arguments.contains("--g-step-only")
        let withRound = !arguments.contains("--no-round")
        let load = BenchmarkSupport.Load(arguments: arguments)
        defer { load.stop() }
        BLAS.threadCount = 1
        print("== adversarial (V 5000, T 20, batch 64, N 16; repeats \(repeats), median)")
        var random = SplitMix64(seed: 5)
        let oracle = Generator.randomOracle(seed: 1)
        let real = oracle.sample(count: 10_000, using: &random)
        let generator = Generator(config: GeneratorConfig())
        generator.initializeRandom(using: &random)
        let trainer = GeneratorTrainer(generator: generator, settings: OptimizerConfig())
        let discriminator = Discriminator(config: DiscriminatorConfig())
        discriminator.initializeRandom(using: &random)
        let scorer = DiscriminatorScorer(
            discriminator: discriminator,
            batchSize: BenchmarkSupport.positiveInteger("--score-rows", in: arguments, default: DiscriminatorScorer.defaultBatchSize))

        var rolloutSeconds = 0.0
        var gStepCPU: [Double] = []
        let gStep = BenchmarkSupport.medianSeconds(repeats: repeats) {
            let cpuStart = BenchmarkSupport.processorSeconds()
            let batch = generator.sample(count: 64, using: &random)
            let start = ContinuousClock.now
            let rewards = RolloutRewards.compute(
                for: TokenBatch(tokens: batch, length: 20), perPrefix: 16, rolloutPolicy: generator,
                scorer: scorer, seed: random.next())
            rolloutSeconds = BenchmarkSupport.seconds(ContinuousClock.now - start)
            trainer.policyGradientStep(sequences: batch, batchSize: 64, rewards: rewards)
            gStepCPU.append(BenchmarkSupport.processorSeconds() - cpuStart)
        }
        if gStepOnly {
            // The roll-out sampling alone, to split the step into sampling and scoring.
            let batch = generator.sample(count: 64, using: &random)
            let sampling = BenchmarkSupport.medianSeconds(repeats: repeats) {
                _ = batch.withUnsafeBufferPointer {
                    generator.rolloutCompletions(of: $0.baseAddress!, batch: 64, perPrefix: 16, seed: 9)
                }
            }
            let peer = withPeer ? GeneratorBenchmark.torchTimings(phases: ["g_step"], repeats: repeats) : [:]
            BenchmarkSupport.row("generator step with 16x19x64 roll-outs", ours: gStep, peer: peer["g_step"])
            print(String(format: "  of which roll-outs and their scoring: %.3f s (last run); CPU time per step (all threads, median): %.2f s", rolloutSeconds, BenchmarkSupport.median(Array(gStepCPU.dropFirst()))))
            print(String(format: "  roll-out sampling alone (median): %.3f s", sampling))
            print(String(format: "peak memory: %.1f MiB", BenchmarkSupport.peakMemoryMiB))
            return
        }
        // As in the peer, the negatives are drawn before the epoch's timer starts; the round
        // below times its draws, and the scaling adds `negatives` for the draws it skips.
        let fake = generator.sample(count: 10_000, using: &random)
        var dEpochCPU: [Double] = []
        let dEpoch = BenchmarkSupport.medianSeconds(repeats: withRound ? 1 : repeats) {
            let cpuStart = BenchmarkSupport.processorSeconds()
            discriminator.trainEpochs(real: real, fake: fake, epochs: 1, using: &random)
            dEpochCPU.append(BenchmarkSupport.processorSeconds() - cpuStart)
        }
        guard withRound else {
            let peer = withPeer ? GeneratorBenchmark.torchTimings(phases: ["g_step", "d_epoch"], repeats: repeats) : [:]
            BenchmarkSupport.row("generator step with 16x19x64 roll-outs", ours: gStep, peer: peer["g_step"])
            print(String(format: "  CPU time per step (all threads, median): %.2f s", BenchmarkSupport.median(Array(gStepCPU.dropFirst()))))
            BenchmarkSupport.row("discriminator epoch (10,000 real + 10,000 fake)", ours: dEpoch, peer: peer["d_epoch"])
            print(String(format: "  CPU time per epoch (all threads, median): %.2f s", BenchmarkSupport.median(Array(dEpochCPU.dropFirst()))))
            print(String(format: "peak memory: %.1f MiB", BenchmarkSupport.peakMemoryMiB))
            return
        }
        let negatives = BenchmarkSupport.medianSeconds(repeats: 1, warmUp: false) {
            _ = generator.sample(count: 10_000, using: &random)
        }
        // A round: one g-step, then 5 d-steps of fresh negatives and 3 epochs each.
        let measuredEpochs = min(roundEpochs, 15)
        let round = BenchmarkSupport.medianSeconds(repeats: 1, warmUp: false) {
            let batch = generator.sample(count: 64, using: &random)
            let rewards = RolloutRewards.compute(
                for: TokenBatch(tokens: batch, length: 20), perPrefix: 16, rolloutPolicy: generator,
                scorer: scorer, seed: random.next())
            trainer.policyGradientStep(sequences: batch, batchSize: 64, rewards: rewards)
            var done = 0
            while done < measuredEpochs {
                let fake = generator.sample(count: 10_000, using: &random)
                let epochs = min(3, measuredEpochs - done)
                discriminator.trainEpochs(real: real, fake: fake, epochs: epochs, using: &random)
                done += epochs
            }
        }
        // Scale the discriminator part up to 15 epochs and 5 negative draws if fewer ran.
        let missingEpochs = Double(15 - measuredEpochs)
        let missingDraws = Double(5 - (measuredEpochs + 2) / 3)
        let roundScaled = round + missingEpochs * dEpoch + missingDraws * negatives

        let peer = withPeer ? GeneratorBenchmark.torchTimings(phases: ["g_step", "d_epoch", "round"], repeats: 1) : [:]
        BenchmarkSupport.row("generator step with 16x19x64 roll-outs", ours: gStep, peer: peer["g_step"])
        print(String(format: "  of which roll-outs and their scoring: %.3f s", rolloutSeconds))
        BenchmarkSupport.row("discriminator epoch (10,000 real + 10,000 fake)", ours: dEpoch, peer: peer["d_epoch"])
        BenchmarkSupport.row(
            measuredEpochs < 15 ? "adversarial round (scaled from \(measuredEpochs) D epochs)" : "adversarial round",
            ours: roundScaled, peer: peer["round"])
        print(String(format: "peak memory: %.1f MiB", BenchmarkSupport.peakMemoryMiB))
    }
}
