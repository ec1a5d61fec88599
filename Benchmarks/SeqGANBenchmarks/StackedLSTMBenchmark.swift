import Foundation
import SeqGAN
import TensorCore

/// The stacked-LSTM generator at the music size (2 layers x 256 units, E 64, V 100,
/// batch 32, sequences of 256 tokens, dropout 0.2 between layers): tokens per second of MLE
/// training (forward, backward, clipping, Adam) and of sampling, side by side with the same
/// model in PyTorch (`Benchmarks/peers/torch_stacked_lstm.py`), with peak memory. Tokens
/// per CPU second (process CPU time, all threads) are printed too: on a machine shared with
/// other work they compare the two more fairly than wall time does.
///
///     seqgan-bench stacked-lstm [--layers 2] [--hidden 256] [--embedding 64] [--vocabulary 100]
///         [--batch 32] [--length 256] [--dropout 0.2] [--train-steps 4] [--repeats 3] [--no-peer]
enum StackedLSTMBenchmark {
    static func run(arguments: [String]) throws {
        let layers = BenchmarkSupport.positiveInteger("--layers", in: arguments, default: 2)
        let hidden = BenchmarkSupport.positiveInteger("--hidden", in: arguments, default: 256)
        let embedding = BenchmarkSupport.positiveInteger("--embedding", in: arguments, default: 64)
        let vocabulary = BenchmarkSupport.positiveInteger("--vocabulary", in: arguments, default: 100)
        let batch = BenchmarkSupport.positiveInteger("--batch", in: arguments, default: 32)
        let length = BenchmarkSupport.positiveInteger("--length", in: arguments, default: 256)
        let trainSteps = BenchmarkSupport.positiveInteger("--train-steps", in: arguments, default: 4)
        let repeats = BenchmarkSupport.positiveInteger("--repeats", in: arguments, default: 3)
        let dropoutText = BenchmarkSupport.option("--dropout", in: arguments) ?? "0.2"
        guard let dropout = Float(dropoutText), dropout >= 0, dropout < 1 else {
            FileHandle.standardError.write(Data("seqgan-bench: --dropout needs a number in [0, 1), got '\(dropoutText)'\n".utf8))
            exit(2)
        }
        let withPeer = !arguments.contains("--no-peer")
        BLAS.threadCount = 1

        print("== stacked LSTM (layers \(layers), H \(hidden), E \(embedding), V \(vocabulary), batch \(batch), T \(length), dropout \(dropout); \(trainSteps) updates a run, repeats \(repeats), median)")
        let config = GeneratorConfig(
            vocabularySize: vocabulary, embeddingSize: embedding, hiddenSize: hidden,
            sequenceLength: length, layers: layers, dropout: dropout)
        let generator = Generator(config: config)
        var random = SplitMix64(seed: 1)
        generator.initializeRandom(using: &random)
        var settings = OptimizerConfig()
        settings.batchSize = batch
        let trainer = GeneratorTrainer(generator: generator, settings: settings, dropoutSeed: 2)
        let data = (0..<(batch * length)).map { _ in Int32(1 + random.next() % UInt64(vocabulary - 1)) }
        var trainCPU: [Double] = []
        let train = BenchmarkSupport.medianSeconds(repeats: repeats) {
            let cpuStart = BenchmarkSupport.processorSeconds()
            for _ in 0..<trainSteps { trainer.step(sequences: data, batchSize: batch) }
            trainCPU.append(BenchmarkSupport.processorSeconds() - cpuStart)
        }
        var sampleCPU: [Double] = []
        let sampling = BenchmarkSupport.medianSeconds(repeats: repeats) {
            let cpuStart = BenchmarkSupport.processorSeconds()
            _ = generator.sample(count: batch, length: length, using: &random)
            sampleCPU.append(BenchmarkSupport.processorSeconds() - cpuStart)
        }
        let trainTokens = Double(trainSteps * batch * length)
        let sampleTokens = Double(batch * length)
        let ours = (train: trainTokens / train, sample: sampleTokens / sampling)
        let oursCPU = (
            train: trainTokens / BenchmarkSupport.median(trainCPU),
            sample: sampleTokens / BenchmarkSupport.median(sampleCPU))
        let memory = BenchmarkSupport.peakMemoryMiB

        let peer = withPeer
            ? torchRecords(arguments: [
                "--layers", String(layers), "--hidden", String(hidden), "--embedding", String(embedding),
                "--vocabulary", String(vocabulary), "--batch", String(batch), "--length", String(length),
                "--dropout", dropoutText, "--train-steps", String(trainSteps), "--repeats", String(repeats),
                "--threads", "2",
            ]) : [:]
        if withPeer && peer.isEmpty {
            print("(PyTorch reference unavailable: pip install torch, see Benchmarks/peers/README.md)")
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
