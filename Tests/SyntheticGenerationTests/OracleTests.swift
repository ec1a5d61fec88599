import Foundation
import Testing
import NeuralNetwork
@testable import SeqGAN
import SyntheticGeneration
import TensorCore
import TestSupport

@Suite("The paper's oracle")
struct OracleTests {
    static let oracleURL = TestPaths.shared("oracle/seqgan-oracle.safetensors")
    static let dataURL = TestPaths.shared("oracle/real_data_2016.txt")

    @Test(
        "per-token NLL of the authors' data equals the independent NumPy value",
        .requiresShared("oracle/seqgan-oracle.safetensors", "oracle/real_data_2016.txt"))
    func nllMatchesNumPy() throws {
        let oracle = try Generator(oracleAt: Self.oracleURL!)
        #expect(oracle.config.vocabularySize == 5000 && oracle.config.hiddenSize == 32)
        let (tokens, count) = try TokenSequenceFile.read(Self.dataURL!, length: 20, vocabularySize: 5000)
        #expect(count == 9984)
        let golden = try String(
            contentsOf: TestPaths.repositoryRoot.appendingPathComponent(
                "Benchmarks/peers/golden/oracle_nll_real_data_2016.txt"), encoding: .utf8)
        let expected = Double(golden.trimmingCharacters(in: .whitespacesAndNewlines))!
        let values = oracle.negativeLogLikelihoods(
            of: tokens, count: count, workspace: Generator.Workspace(batchSize: 64, generator: oracle))
        let mean = values.reduce(0.0) { $0 + Double($1) } / Double(count)
        #expect(abs(mean - expected) < 1e-4, "ours \(mean), NumPy \(expected)")
    }

    @Test(
        "10,000 of the oracle's own samples score its entropy (about 5.75 nats per token)",
        .requiresShared("oracle/seqgan-oracle.safetensors"))
    func ownSamples() throws {
        let oracle = try Generator(oracleAt: Self.oracleURL!)
        var random = SplitMix64(seed: 2024)
        let samples = oracle.sample(count: 10_000, using: &random)
        let values = oracle.negativeLogLikelihoods(
            of: samples, count: 10_000, workspace: Generator.Workspace(batchSize: 64, generator: oracle))
        let mean = values.reduce(0.0) { $0 + Double($1) } / 10_000
        #expect(mean > 5.70 && mean < 5.80, "\(mean)")
    }

    @Test("a missing or truncated oracle file is rejected with its path")
    func badOracle() throws {
        let directory = try TestPaths.makeTemporaryDirectory("oracle")
        let missing = directory.appendingPathComponent("none.safetensors")
        #expect(throws: (any Error).self) { try Generator(oracleAt: missing) }
        let generator = Generator.randomOracle(seed: 1, vocabularySize: 50)
        let file = directory.appendingPathComponent("cut.safetensors")
        try SafeTensors(tensors: generator.tensors()).encoded().prefix(100).write(to: file)
        do {
            _ = try Generator(oracleAt: file)
            Issue.record("a truncated file was accepted")
        } catch {
            #expect("\(error)".contains(file.path))
        }
    }
}
