import Foundation
import NeuralNetwork
import SeqGAN
import TensorCore

/// `seqgan-bench discriminator [--epochs N] [--count N] [--score-count N] [--workspace ROWS]
/// [--seed S] [--peer-threads N] [--no-peer] [--load CORES]`:
/// times the discriminator at the paper's sizes (V 5000, T 20, 1,720 feature maps): training
/// epochs over 10,000 real + 10,000 generated sequences (batch 64, dropout on), and scoring
/// one generator step's roll-outs (19 x 16 x 64 = 19,456 sequences, dropout off).
///
/// The data are uniform random tokens; the work does not depend on them. BLAS runs
/// single-threaded inside each chunk of work the discriminator's threads take. `--load CORES`
/// runs a busy process pinned to each of the first CORES cores meanwhile.
///
/// Unless `--no-peer` is given, the same work is then run by the PyTorch peer
/// `Benchmarks/peers/discriminator_torch.py` and the ratios (peer time / our time) are printed.
enum DiscriminatorBenchmark {
    /// Per-phase times of the peers in ../shared/docs/performance.md (same machine, 2 threads).
    static let peerEpochSeconds = [("TensorFlow (released code)", 210.0), ("PyTorch port", 28.0)]

    static func run(arguments: [String]) throws {
        var epochs = 1
        var scoreCount = 19 * 16 * 64
        var workspaceRows = 512
        var seed: UInt64 = 1
        var count = 10_000
        var peerThreads = 2
        var runPeer = true
        var index = 0
        while index < arguments.count {
            let value = index + 1 < arguments.count ? arguments[index + 1] : ""
            switch arguments[index] {
            case "--epochs": epochs = Int(value) ?? epochs
            case "--score-count": scoreCount = Int(value) ?? scoreCount
            case "--workspace": workspaceRows = Int(value) ?? workspaceRows
            case "--seed": seed = UInt64(value) ?? seed
            case "--count": count = Int(value) ?? count
            case "--peer-threads": peerThreads = Int(value) ?? peerThreads
            case "--load": break
            case "--no-peer":
                runPeer = false
                index -= 1
            default: break
            }
            index += 2
        }
        let load = BenchmarkSupport.Load(arguments: arguments)
        defer { load.stop() }
        BLAS.threadCount = 1
        let config = DiscriminatorConfig()
        let t = config.sequenceLength
        let discriminator = Discriminator(config: config)
        var random = SplitMix64(seed: seed)
        discriminator.initializeRandom(using: &random)
        func randomTokens(_ sequences: Int) -> [Int32] {
            (0..<(sequences * t)).map { _ in Int32(random.next() % UInt64(config.vocabularySize)) }
        }
        let real = randomTokens(count)
        let fake = randomTokens(count)
        print(
            "discriminator: V \(config.vocabularySize), T \(t), E \(config.embeddingSize), \(config.featureCount) maps, \(discriminator.arena.values.count) parameters, batch \(config.batchSize)"
        )

        var epochTimes: [Double] = []
        for epoch in 0..<epochs {
            let start = ContinuousClock.now
            let cpuStart = BenchmarkSupport.processorSeconds()
            let result = discriminator.trainEpochs(
                real: real, fake: fake, epochs: 1, using: &random)
            let seconds = BenchmarkSupport.seconds(ContinuousClock.now - start)
            let cpu = BenchmarkSupport.processorSeconds() - cpuStart
            epochTimes.append(seconds)
            print(
                String(
                    format:
                        "  epoch %d (%d sequences): %.2f s wall, %.2f s CPU, %.0f sequences/s, loss %.4f, accuracy %.3f",
                    epoch + 1, 2 * count, seconds, cpu, Double(2 * count) / seconds, result[0].loss,
                    result[0].accuracy))
        }
        let epochMedian = BenchmarkSupport.median(epochTimes)
        let fullEpoch = epochMedian * 20_000 / Double(2 * count)
        for (peer, seconds) in peerEpochSeconds {
            print(
                String(
                    format:
                        "  20,000-sequence epoch %.2f s; %@ took %.0f s (documented, unloaded): ratio %.2f",
                    fullEpoch, peer, seconds, seconds / fullEpoch))
        }

        let sequences = randomTokens(scoreCount)
        let workspace = Discriminator.Workspace(
            batchSize: workspaceRows, discriminator: discriminator)
        var probabilities = [Float](repeating: 0, count: scoreCount)
        // The first call after training rebuilds the projection tables; time that alone.
        let tableStart = ContinuousClock.now
        discriminator.probabilityReal(
            of: sequences, count: 1, into: &probabilities, workspace: workspace)
        print(
            String(
                format: "  projection tables rebuilt after training: %.2f s",
                BenchmarkSupport.seconds(ContinuousClock.now - tableStart)))
        var scoreTimes: [Double] = []
        var scoreCPU: [Double] = []
        for _ in 0..<3 {
            let start = ContinuousClock.now
            let cpuStart = BenchmarkSupport.processorSeconds()
            sequences.withUnsafeBufferPointer { tokens in
                probabilities.withUnsafeMutableBufferPointer {
                    discriminator.probabilityReal(
                        of: tokens.baseAddress!, count: scoreCount, into: $0.baseAddress!,
                        workspace: workspace)
                }
            }
            scoreTimes.append(BenchmarkSupport.seconds(ContinuousClock.now - start))
            scoreCPU.append(BenchmarkSupport.processorSeconds() - cpuStart)
        }
        let scoreMedian = BenchmarkSupport.median(scoreTimes)
        print(
            String(
                format:
                    "  scoring %d sequences (dropout off, workspace %d rows): %.2f s wall (%.2f s CPU), median of 3, %.0f sequences/s",
                scoreCount, workspaceRows, scoreMedian, BenchmarkSupport.median(scoreCPU),
                Double(scoreCount) / scoreMedian))
        print("  peak memory: \(Int(BenchmarkSupport.peakMemoryMiB)) MiB")

        guard runPeer else { return }
        let peer = try runTorchPeer(count: count, scoreCount: scoreCount, threads: peerThreads)
        guard let peerEpoch = peer["epoch_seconds"], let peerScore = peer["score_seconds"] else {
            print("  PyTorch peer unavailable")
            return
        }
        print(
            String(
                format:
                    "  PyTorch peer (%d threads, same run): epoch %.2f s (ratio %.2f), scoring %.2f s (ratio %.2f)",
                peerThreads, peerEpoch, peerEpoch / epochMedian, peerScore,
                peerScore / scoreMedian))
    }

    /// Runs `Benchmarks/peers/discriminator_torch.py` and returns its `name seconds` lines.
    static func runTorchPeer(count: Int, scoreCount: Int, threads: Int) throws -> [String: Double] {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("peers/discriminator_torch.py")
        let output = BenchmarkSupport.runPeer("python3", [
            script.path, "--count", String(count), "--score-count", String(scoreCount),
            "--threads", String(threads),
        ]) ?? ""
        var result: [String: Double] = [:]
        for line in output.split(separator: "\n") {
            let fields = line.split(separator: " ")
            if fields.count == 2, let seconds = Double(fields[1]) { result[String(fields[0])] = seconds }
        }
        return result
    }

}
