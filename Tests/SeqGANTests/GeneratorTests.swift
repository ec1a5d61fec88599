import Foundation
import Testing
import TestSupport
import NeuralNetwork
@testable import SeqGAN
import TensorCore

@Suite("Generator")
struct GeneratorTests {
    static let small = GeneratorConfig(
        vocabularySize: 13, embeddingSize: 4, hiddenSize: 5, sequenceLength: 6,
        initialStandardDeviation: 0.5)

    func makeGenerator(seed: UInt64 = 1) -> Generator {
        let generator = Generator(config: Self.small)
        var random = SplitMix64(seed: seed)
        generator.initializeRandom(using: &random)
        return generator
    }

    @Test("the whole weighted NLL's gradient matches finite differences, across uneven partitions")
    func wholeLossGradient() {
        let generator = makeGenerator()
        let batch = 3  // two partitions of 2 and 1 sequences
        var random = SplitMix64(seed: 2)
        let sequences = (0..<(batch * 6)).map { _ in Int32(random.next() % 13) }
        let weights = (0..<(batch * 6)).map { _ in Float(random.nextNormal()) }
        let workspace = Generator.Workspace(batchSize: batch, generator: generator)
        func loss() -> Double {
            generator.accumulateGradients(sequences: sequences, batch: batch, weights: weights, workspace: workspace)
        }
        _ = loss()
        let worst = worstGradientError(
            values: generator.arena.values.base, count: generator.arena.values.count,
            analytic: generator.arena.gradients.array, loss: loss)
        #expect(worst < 1e-2, "worst relative error \(worst)")
    }

    @Test("the per-sequence NLL equals the loss of a uniform-weight pass")
    func nllMatchesLoss() {
        let generator = makeGenerator()
        var random = SplitMix64(seed: 3)
        let count = 5
        let sequences = (0..<(count * 6)).map { _ in Int32(random.next() % 13) }
        let workspace = Generator.Workspace(batchSize: 4, generator: generator)
        let perSequence = generator.negativeLogLikelihoods(of: sequences, count: count, workspace: workspace)
        #expect(perSequence.count == count)
        let train = Generator.Workspace(batchSize: count, generator: generator)
        let mean = generator.accumulateGradients(
            sequences: sequences, batch: count, uniformWeight: 1 / Float(count * 6), workspace: train)
        let expected = perSequence.reduce(0.0) { $0 + Double($1) } / Double(count)
        #expect(abs(mean - expected) < 1e-5)
    }

    @Test("sampling is deterministic for a seed, differs across seeds and follows the model")
    func samplingDeterminism() {
        let generator = makeGenerator()
        var a = SplitMix64(seed: 9)
        var b = SplitMix64(seed: 9)
        var c = SplitMix64(seed: 10)
        let first = generator.sample(count: 300, using: &a)
        #expect(first == generator.sample(count: 300, using: &b))
        #expect(first != generator.sample(count: 300, using: &c))
        #expect(first.allSatisfy { $0 >= 0 && $0 < 13 })
        // The first token's frequencies match the model's first-step distribution.
        var random = SplitMix64(seed: 4)
        let many = generator.sample(count: 20_000, using: &random)
        var counts = [Double](repeating: 0, count: 13)
        for s in 0..<20_000 { counts[Int(many[s * 6])] += 1 }
        // p(first token = v) is the model's one-step distribution: score each v with T = 1.
        var oneStep = Self.small
        oneStep.sequenceLength = 1
        let one = Generator(config: oneStep)
        one.arena.copyValues(from: generator.arena)
        let probabilities = one.negativeLogLikelihoods(
            of: (0..<13).map(Int32.init), count: 13,
            workspace: Generator.Workspace(batchSize: 13, generator: one)
        ).map { Foundation.exp(-Double($0)) }
        #expect(abs(probabilities.reduce(0, +) - 1) < 1e-5)
        for v in 0..<13 {
            let p = probabilities[v]
            let observed = counts[v] / 20_000
            #expect(abs(observed - p) < 5 * (p * (1 - p) / 20_000).squareRoot() + 1e-3, "token \(v)")
        }
    }

    @Test("MLE training lowers the loss and the same seed gives bit-identical parameters")
    func trainingDeterminism() {
        func train() -> ([Float], [Double]) {
            let generator = makeGenerator(seed: 5)
            let data = { var r = SplitMix64(seed: 6); return (0..<(64 * 6)).map { _ in Int32(r.next() % 7) } }()
            var settings = OptimizerConfig()
            settings.batchSize = 16
            let trainer = GeneratorTrainer(generator: generator, settings: settings)
            var losses: [Double] = []
            for epoch in 0..<5 {
                var random = SplitMix64(seed: 7, stream: UInt64(epoch))
                losses.append(trainer.trainEpoch(data: data, count: 64, using: &random))
            }
            return (generator.arena.values.array, losses)
        }
        let (first, losses) = train()
        let (second, _) = train()
        #expect(first == second)
        #expect(losses.last! < losses.first!)
    }

    @Test("checkpoint tensors round-trip and a wrong shape is refused")
    func checkpointRoundTrip() throws {
        let generator = makeGenerator()
        let file = SafeTensors(tensors: generator.tensors(prefix: "g."))
        let copy = Generator(config: Self.small)
        try copy.load(from: file, prefix: "g.", path: "mem")
        #expect(copy.arena.values.array == generator.arena.values.array)
        var other = Self.small
        other.hiddenSize = 6
        #expect(throws: SafeTensorsError.self) { try Generator(config: other).load(from: file, prefix: "g.", path: "mem") }
    }
}
