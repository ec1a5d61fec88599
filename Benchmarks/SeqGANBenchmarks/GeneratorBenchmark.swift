import Foundation
import SeqGAN
import SyntheticGeneration
import TensorCore

/// The generator at the paper's sizes (V 5000, E 32, H 32, T 20, batch 64): an MLE epoch,
/// sampling, NLL-oracle evaluation, side by side with the PyTorch reference
/// (`Benchmarks/peers/torch_seqgan.py`), and the machine's own `cblas_sgemm` throughput on
/// the output layer's shape as the yardstick for the GEMM-bound work.
///
///     seqgan-bench generator [--repeats 3] [--oracle FILE] [--no-peer] [--mle-only]
///
/// `--mle-only` times the MLE epoch alone (ours and the peer's), for quick comparisons.
enum GeneratorBenchmark {
    static func run(arguments: [String]) throws {
        let repeats = BenchmarkSupport.positiveInteger("--repeats", in: arguments, default: 3)
        let oraclePath = BenchmarkSupport.option("--oracle", in: arguments)
            ?? BenchmarkSupport.repositoryRoot.deletingLastPathComponent()
                .appendingPathComponent("shared/oracle/seqgan-oracle.safetensors").path
        let withPeer = !arguments.contains("--no-peer")
        let mleOnly = arguments.contains("--mle-only")
        BLAS.threadCount = 1

        print("== generator (V 5000, E 32, H 32, T 20, batch 64; repeats \(repeats), median)")
        let (gemm1, gemm2) = sgemmThroughput()
        print(String(format: "cblas_sgemm 1280x5000x32: %.1f GFLOP/s on 1 thread, %.1f GFLOP/s on 2", gemm1, gemm2))

        let oracle = FileManager.default.fileExists(atPath: oraclePath)
            ? try Generator(oracleAt: URL(fileURLWithPath: oraclePath)) : Generator.randomOracle(seed: 1)
        var random = SplitMix64(seed: 1)
        let data = oracle.sample(count: 10_000, using: &random)
        let generator = Generator(config: GeneratorConfig())
        generator.initializeRandom(using: &random)
        let trainer = GeneratorTrainer(generator: generator, settings: OptimizerConfig())
        var epoch = 0
        var mleCPU: [Double] = []
        let mle = BenchmarkSupport.medianSeconds(repeats: repeats) {
            epoch += 1
            var order = SplitMix64(seed: 2, stream: UInt64(epoch))
            let cpuStart = BenchmarkSupport.processorSeconds()
            _ = trainer.trainEpoch(data: data, count: 10_000, using: &order)
            mleCPU.append(BenchmarkSupport.processorSeconds() - cpuStart)
        }
        print(String(format: "  MLE tokens per second: %.0f; CPU time per epoch (all threads, median): %.2f s", 156 * 64 * 20 / mle, BenchmarkSupport.median(mleCPU)))
        let phases = mleOnly ? ["mle_epoch"] : ["mle_epoch", "sample", "nll_oracle"]
        let peer = withPeer ? torchTimings(phases: phases, repeats: repeats, oracle: oraclePath) : [:]
        if withPeer && peer.isEmpty {
            print("(PyTorch reference unavailable: pip install torch, see Benchmarks/peers/README.md)")
        }
        BenchmarkSupport.row("MLE epoch (156 batches x 64 x 20 tokens)", ours: mle, peer: peer["mle_epoch"])
        if !mleOnly {
            let sampling = BenchmarkSupport.medianSeconds(repeats: repeats) {
                _ = generator.sample(count: 10_000, using: &random)
            }
            let workspace = Generator.Workspace(batchSize: 64, generator: oracle)
            let evaluation = BenchmarkSupport.medianSeconds(repeats: repeats) {
                let samples = generator.sample(count: 10_000, using: &random)
                _ = oracle.negativeLogLikelihoods(of: samples, count: 10_000, workspace: workspace)
            }
            BenchmarkSupport.row("sample 10,000 sequences", ours: sampling, peer: peer["sample"])
            print(String(format: "  sampled tokens per second: %.0f", 200_000 / sampling))
            BenchmarkSupport.row("NLL-oracle on 10,000 samples", ours: evaluation, peer: peer["nll_oracle"])
        }
        // Three output-layer GEMMs per batch dominate an epoch: 3 x 2 x 1280 x 5000 x 32 FLOP.
        let gemmWork = 156 * 3 * 2 * 1280.0 * 5000 * 32
        print(String(format: "MLE epoch output-layer GEMM work: %.1f GFLOP/s = %.0f%% of 2-thread cblas_sgemm", gemmWork / mle / 1e9, 100 * gemmWork / mle / 1e9 / gemm2))
        print(String(format: "peak memory: %.1f MiB", BenchmarkSupport.peakMemoryMiB))
    }

    /// GFLOP/s of `cblas_sgemm` on the output layer's shape, with 1 and 2 BLAS threads.
    static func sgemmThroughput() -> (Double, Double) {
        let (m, n, k) = (1280, 5000, 32)
        let a = FloatBuffer(count: m * k)
        let b = FloatBuffer(count: k * n)
        let c = FloatBuffer(count: m * n)
        var random = SplitMix64(seed: 3)
        for i in 0..<a.count { a[i] = random.nextUnitFloat() }
        for i in 0..<b.count { b[i] = random.nextUnitFloat() }
        func measure(threads: Int) -> Double {
            BLAS.threadCount = threads
            let seconds = BenchmarkSupport.medianSeconds(repeats: 5) {
                for _ in 0..<10 {
                    BLAS.gemm(m: m, n: n, k: k, a: a.base, lda: k, b: b.base, ldb: n, c: c.base, ldc: n)
                }
            }
            return 10 * 2 * Double(m * n * k) / seconds / 1e9
        }
        let result = (measure(threads: 1), measure(threads: 2))
        BLAS.threadCount = 1
        return result
    }

    /// Seconds per phase from the PyTorch reference, keyed by phase name; empty without torch.
    static func torchTimings(phases: [String], repeats: Int, oracle: String? = nil) -> [String: Double] {
        let script = BenchmarkSupport.repositoryRoot.appendingPathComponent("Benchmarks/peers/torch_seqgan.py").path
        var result: [String: Double] = [:]
        for phase in phases {
            guard let output = BenchmarkSupport.runPeer(
                "python3",
                [script, phase, "--repeats", String(repeats), "--threads", "2"]
                    + (oracle.map { ["--oracle", $0] } ?? []) + (phase == "round" ? ["--scale"] : []))
            else { continue }
            for line in output.split(separator: "\n") {
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                    let name = object["phase"] as? String, let seconds = object["seconds"] as? Double
                else { continue }
                result[name] = seconds
            }
        }
        return result
    }
}
