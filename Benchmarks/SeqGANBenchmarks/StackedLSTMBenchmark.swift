import Foundation
import SeqGAN
import TensorCore

/// The stacked-LSTM generator: tokens per second of MLE training (truncated BPTT: forward,
/// backward, clipping, Adam per chunk) and of sampling, side by side with the same model and
/// the same algorithm in PyTorch (`Benchmarks/peers/torch_stacked_lstm.py`), with peak memory.
///
/// By default the default music model (``Shape``'s `tunes` preset): 2 x 128 units with dropout
/// 0.3 between them (read from the default model's settings), an input of E 64 + F 24, V 81,
/// batch 32, rows of T 512 positions each holding one tune (median 189
/// tokens) then an end token and padding, trained in chunks of 128 positions; the chunks after
/// every row of the batch has ended are skipped, on both sides. Training counts the tune
/// tokens (end tokens included, padding not); sampling draws all `T` tokens of every row.
/// `--shape fixed` is the earlier 2 x 256 shape on full rows of T 256. Tokens per CPU second
/// (process CPU time, all threads) are printed too: on a machine shared with other work they
/// compare the two more fairly than wall time does.
///
///     seqgan-bench stacked-lstm [--shape tunes|fixed] [--layers 2] [--hidden 128] [--embedding 64]
///         [--features 24] [--vocabulary 81] [--batch 32] [--length 512] [--chunk 128]
///         [--dropout 0.3] [--train-steps 4] [--repeats 3] [--no-peer]
enum StackedLSTMBenchmark {
    static func run(arguments: [String]) throws {
        let shape = Shape(arguments: arguments)
        let withPeer = !arguments.contains("--no-peer")
        BLAS.threadCount = 1

        print("== stacked LSTM (\(shape.description))")
        let generator = Generator(config: shape.generatorConfig)
        var random = SplitMix64(seed: 1)
        generator.initializeRandom(using: &random)
        var settings = OptimizerConfig()
        settings.batchSize = shape.batch
        let trainer = GeneratorTrainer(generator: generator, settings: settings, dropoutSeed: 2)
        let lengths = shape.tuneLengths(using: &random)
        let data = shape.rows(lengths: lengths, using: &random)
        // The tune tokens of a batch, end tokens included: the chunks run cover all of them.
        let counted = lengths.reduce(0, +)
        var trainCPU: [Double] = []
        let train = BenchmarkSupport.medianSeconds(repeats: shape.repeats) {
            let cpuStart = BenchmarkSupport.processorSeconds()
            for _ in 0..<shape.trainSteps {
                trainer.truncatedStep(
                    sequences: data, length: shape.length, batchSize: shape.batch, chunkLength: shape.chunk)
            }
            trainCPU.append(BenchmarkSupport.processorSeconds() - cpuStart)
        }
        // Sampling runs every row for all T steps (no end token), as the peer does.
        var samplingConfig = shape.generatorConfig
        samplingConfig.sequenceEnd = nil
        let sampler = Generator(config: samplingConfig)
        sampler.arena.values.copy(from: generator.arena.values.base)
        var sampleCPU: [Double] = []
        let sampling = BenchmarkSupport.medianSeconds(repeats: shape.repeats) {
            let cpuStart = BenchmarkSupport.processorSeconds()
            _ = sampler.sample(count: shape.batch, length: shape.length, using: &random)
            sampleCPU.append(BenchmarkSupport.processorSeconds() - cpuStart)
        }
        let trainTokens = Double(shape.trainSteps * counted)
        let sampleTokens = Double(shape.batch * shape.length)
        let ours = (train: trainTokens / train, sample: sampleTokens / sampling)
        let oursCPU = (
            train: trainTokens / BenchmarkSupport.median(trainCPU),
            sample: sampleTokens / BenchmarkSupport.median(sampleCPU))
        let memory = BenchmarkSupport.peakMemoryMiB

        let peer = withPeer ? torchRecords(arguments: shape.peerArguments(lengths: lengths)) : [:]
        if withPeer && peer.isEmpty {
            print("(PyTorch reference unavailable: pip install torch, see Benchmarks/peers/README.md)")
        }
        if shape.tunes {
            let sorted = lengths.sorted()
            print("tunes of \(sorted[0])-\(sorted[sorted.count - 1]) tokens (median \(sorted[sorted.count / 2])); \(counted) counted a batch")
        }
        row("training tokens per second", ours: ours.train, peer: peer["train"]?.tokensPerSecond)
        row("sampling tokens per second", ours: ours.sample, peer: peer["sample"]?.tokensPerSecond)
        row("training tokens per CPU second", ours: oursCPU.train, peer: peer["train"]?.tokensPerCPUSecond)
        row("sampling tokens per CPU second", ours: oursCPU.sample, peer: peer["sample"]?.tokensPerCPUSecond)
        var memoryLine = String(format: "peak memory: ours %.1f MiB", memory)
        if let peerMemory = peer.values.map(\.peakMemoryMiB).max() {
            memoryLine += String(format: "   peer %.1f MiB", peerMemory)
        }
        print(memoryLine)
    }

    /// One line: our tokens per second, the peer's and how many times faster ours is.
    static func row(_ label: String, ours: Double, peer: Double?) {
        var line = String(format: "%-30@ ours %9.0f", label as NSString, ours)
        if let peer { line += String(format: "   peer %9.0f   ours/peer %5.2fx", peer, ours / peer) }
        print(line)
    }

    /// A phase of the PyTorch peer: tokens per second and the process's peak memory.
    struct PeerRecord {
        var tokensPerSecond: Double
        var tokensPerCPUSecond: Double
        var peakMemoryMiB: Double
    }

    /// The peer's records keyed by phase (`train`, `sample`); empty without torch.
    static func torchRecords(arguments: [String]) -> [String: PeerRecord] {
        let script = BenchmarkSupport.repositoryRoot
            .appendingPathComponent("Benchmarks/peers/torch_stacked_lstm.py").path
        guard let output = BenchmarkSupport.runPeer("python3", [script, "all"] + arguments) else { return [:] }
        var result: [String: PeerRecord] = [:]
        for line in output.split(separator: "\n") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let phase = object["phase"] as? String,
                let rate = object["tokens_per_second"] as? Double,
                let cpuRate = object["tokens_per_cpu_second"] as? Double,
                let memory = object["peak_memory_mib"] as? Double
            else { continue }
            result[phase] = PeerRecord(tokensPerSecond: rate, tokensPerCPUSecond: cpuRate, peakMemoryMiB: memory)
        }
        return result
    }
}
