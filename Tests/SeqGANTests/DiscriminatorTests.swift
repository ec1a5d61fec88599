import Foundation
import Testing
import TestSupport
import NeuralNetwork
@testable import SeqGAN
import TensorCore

@Suite("Discriminator")
struct DiscriminatorTests {
    static let tiny: DiscriminatorConfig = {
        var config = DiscriminatorConfig(vocabularySize: 7, sequenceLength: 5)
        config.embeddingSize = 3
        config.filterBanks = [.init(window: 1, count: 2), .init(window: 2, count: 3), .init(window: 5, count: 2)]
        config.highwayGateBias = -1
        config.batchSize = 3  // two partitions of 2 and 1 sequences
        return config
    }()

    /// A tiny discriminator with parameters spread wider than the released initialisation,
    /// so that maxima over time are well separated for finite differences.
    func makeTiny(seed: UInt64) -> Discriminator {
        let discriminator = Discriminator(config: Self.tiny)
        var random = SplitMix64(seed: seed)
        for i in 0..<discriminator.arena.values.count {
            discriminator.arena.values[i] = Float(random.nextNormal()) * 0.7
        }
        return discriminator
    }

    func wholeModelGradientError(applyDropout: Bool) -> Double {
        let discriminator = makeTiny(seed: 41)
        let workspace = discriminator.trainingWorkspace
        var random = SplitMix64(seed: 42)
        let sequences = (0..<15).map { _ in Int32(random.next() % 7) }
        let labels: [Int32] = [1, 0, 1]
        if applyDropout {
            // A fixed mask: some features dropped, the rest scaled by 1 / keep.
            for i in 0..<(3 * discriminator.featureCount) { workspace.mask[i] = i % 3 == 1 ? 0 : 1 / 0.75 }
        }
        func loss() -> Double {
            discriminator.accumulateGradients(
                sequences: sequences, labels: labels, count: 3, workspace: workspace,
                applyDropout: applyDropout)
        }
        _ = loss()
        let analytic = discriminator.arena.gradients.array
        #expect(analytic.contains { $0 != 0 })
        return worstGradientError(
            values: discriminator.arena.values.base, count: discriminator.arena.values.count,
            analytic: analytic, loss: loss)
    }

    @Test("the whole loss's gradient matches finite differences with dropout off")
    func gradientWithoutDropout() {
        let worst = wholeModelGradientError(applyDropout: false)
        #expect(worst < 1e-2, "worst relative error \(worst)")
    }

    @Test("the whole loss's gradient matches finite differences with a fixed dropout mask")
    func gradientWithDropout() {
        let worst = wholeModelGradientError(applyDropout: true)
        #expect(worst < 1e-2, "worst relative error \(worst)")
    }

    /// Real sequences use tokens 0..<10, generated ones 10..<20.
    static func twoDistributions(count: Int, length: Int, seed: UInt64) -> (real: [Int32], fake: [Int32]) {
        var random = SplitMix64(seed: seed)
        let real = (0..<(count * length)).map { _ in Int32(random.next() % 10) }
        let fake = (0..<(count * length)).map { _ in Int32(10 + random.next() % 10) }
        return (real, fake)
    }

    static let small: DiscriminatorConfig = {
        var config = DiscriminatorConfig(vocabularySize: 20, sequenceLength: 8)
        config.embeddingSize = 8
        config.filterBanks = [.init(window: 2, count: 8), .init(window: 3, count: 8), .init(window: 8, count: 8)]
        config.batchSize = 16
        config.learningRate = 1e-2
        return config
    }()

    @Test("it learns to separate two easy distributions in a few epochs, reproducibly from a seed")
    func learnsToSeparate() {
        func train() -> (Discriminator, [(loss: Double, accuracy: Double)]) {
            let discriminator = Discriminator(config: Self.small)
            var random = SplitMix64(seed: 43)
            discriminator.initializeRandom(using: &random)
            let data = Self.twoDistributions(count: 128, length: 8, seed: 44)
            let epochs = discriminator.trainEpochs(real: data.real, fake: data.fake, epochs: 4, using: &random)
            return (discriminator, epochs)
        }
        let (discriminator, epochs) = train()
        let held = Self.twoDistributions(count: 100, length: 8, seed: 45)
        let before = Discriminator(config: Self.small)
        var random = SplitMix64(seed: 43)
        before.initializeRandom(using: &random)
        let untrained = before.evaluate(real: held.real, fake: held.fake)
        let trained = discriminator.evaluate(real: held.real, fake: held.fake)
        #expect(epochs.count == 4)
        #expect(epochs.last!.loss < epochs.first!.loss)
        #expect(trained.loss < untrained.loss)
        #expect(trained.accuracy > 0.97, "held-out accuracy \(trained.accuracy)")
        let (again, _) = train()
        #expect(again.arena.values.array == discriminator.arena.values.array)
    }

    @Test("probabilityReal is deterministic and a sequence's score does not depend on its batch beyond rounding")
    func scoringIsIndependentOfBatching() {
        let discriminator = Discriminator(config: Self.small)
        var random = SplitMix64(seed: 46)
        discriminator.initializeRandom(using: &random)
        let count = 37
        let sequences = (0..<(count * 8)).map { _ in Int32(random.next() % 20) }
        func score(workspaceSize: Int) -> [Float] {
            let workspace = Discriminator.Workspace(batchSize: workspaceSize, discriminator: discriminator)
            var result = [Float](repeating: -1, count: count)
            result.withUnsafeMutableBufferPointer {
                discriminator.probabilityReal(of: sequences, count: count, into: $0.baseAddress!, workspace: workspace)
            }
            return result
        }
        // Bit-identical for the same workspace; across workspace sizes BLAS may pick other
        // kernels for other matrix heights, so only float rounding may differ.
        let batched = score(workspaceSize: 64)
        #expect(batched.allSatisfy { $0 > 0 && $0 < 1 })
        #expect(Set(batched).count > 1)
        #expect(batched == score(workspaceSize: 64))
        for (a, b) in zip(batched, score(workspaceSize: 10)) {  // chunks of 5 alternating between partitions
            #expect(abs(a - b) <= 1e-6)
        }
        let alone = Discriminator.Workspace(batchSize: 1, discriminator: discriminator)
        for n in [0, 17, 36] {
            var p: Float = -1
            sequences.withUnsafeBufferPointer {
                discriminator.probabilityReal(of: $0.baseAddress! + n * 8, count: 1, into: &p, workspace: alone)
            }
            #expect(abs(p - batched[n]) <= 1e-6, "sequence \(n)")
        }
        // Scoring (convolutions by table lookup) agrees with the training forward pass
        // (convolutions by GEMM) without dropout.
        let training = Discriminator.Workspace(batchSize: count, discriminator: discriminator)
        let labels = [Int32](repeating: 1, count: count)
        _ = discriminator.accumulateGradients(
            sequences: sequences, labels: labels, count: count, workspace: training, applyDropout: false)
        for n in 0..<count {
            let p = 1 / (1 + Foundation.exp(training.logits[2 * n] - training.logits[2 * n + 1]))
            #expect(abs(p - batched[n]) < 1e-5, "sequence \(n)")
        }
        // Scoring with convolution products instead of tables agrees too.
        var withoutTables = Self.small
        withoutTables.projectionTables = false
        let products = Discriminator(config: withoutTables)
        products.arena.copyValues(from: discriminator.arena)
        var byProducts = [Float](repeating: -1, count: count)
        products.probabilityReal(
            of: sequences, count: count, into: &byProducts,
            workspace: Discriminator.Workspace(batchSize: 10, discriminator: products))
        for n in 0..<count { #expect(abs(byProducts[n] - batched[n]) < 1e-5, "sequence \(n)") }
        // After an update the tables are rebuilt: scores change.
        var update = SplitMix64(seed: 50)
        discriminator.trainStep(sequences: sequences, labels: labels, count: 16, using: &update)
        #expect(score(workspaceSize: 64) != batched)
        // The probability agrees with the evaluated cross-entropy of one real sequence.
        let one = Array(sequences[0..<8])
        let evaluated = discriminator.evaluate(real: one, fake: [])
        let updated = score(workspaceSize: 64)
        let penalty = NeuralNetwork.l2Penalty(
            of: [discriminator.output.weights, discriminator.output.bias], coefficient: 0.2,
            parameters: discriminator.arena.values.base)
        #expect(abs((evaluated.loss - penalty) - -Foundation.log(Double(updated[0]))) < 1e-5)
    }

    @Test("parameters and Adam state round-trip through a checkpoint; wrong shapes are refused")
    func checkpointRoundTrip() throws {
        let discriminator = Discriminator(config: Self.small)
        var random = SplitMix64(seed: 47)
        discriminator.initializeRandom(using: &random)
        let data = Self.twoDistributions(count: 16, length: 8, seed: 48)
        discriminator.trainEpochs(real: data.real, fake: data.fake, epochs: 1, using: &random)
        #expect(discriminator.optimizer.step == 2)
        let tensors = discriminator.tensors(prefix: "d.").merging(discriminator.optimizerTensors(prefix: "d.")) { a, _ in a }
        let encoded = try SafeTensors(tensors: tensors, metadata: discriminator.optimizerMetadata(prefix: "d.")).encoded()
        let file = try SafeTensors(data: encoded, path: "mem")

        let copy = Discriminator(config: Self.small)
        try copy.load(from: file, prefix: "d.", path: "mem")
        try copy.loadOptimizer(from: file, prefix: "d.", path: "mem")
        #expect(copy.arena.values.array == discriminator.arena.values.array)
        #expect(copy.optimizer.firstMoments.array == discriminator.optimizer.firstMoments.array)
        #expect(copy.optimizer.secondMoments.array == discriminator.optimizer.secondMoments.array)
        #expect(copy.optimizer.step == 2)
        // Both continue identically.
        var a = SplitMix64(seed: 49)
        var b = SplitMix64(seed: 49)
        discriminator.trainEpochs(real: data.real, fake: data.fake, epochs: 1, using: &a)
        copy.trainEpochs(real: data.real, fake: data.fake, epochs: 1, using: &b)
        #expect(copy.arena.values.array == discriminator.arena.values.array)

        var other = Self.small
        other.filterBanks[0].count = 9
        #expect(throws: SafeTensorsError.self) { try Discriminator(config: other).load(from: file, prefix: "d.", path: "mem") }
        let withoutStep = SafeTensors(tensors: tensors)
        #expect(throws: SafeTensorsError.self) { try copy.loadOptimizer(from: withoutStep, prefix: "d.", path: "mem") }
    }

    @Test("the default filter tables are the released code's for T = 20 and 32, and derived otherwise")
    func filterTables() throws {
        let t20 = DiscriminatorConfig()
        #expect(t20.filterBanks.map(\.window) == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 20])
        #expect(t20.filterBanks.map(\.count) == [100, 200, 200, 200, 200, 100, 100, 100, 100, 100, 160, 160])
        #expect(t20.featureCount == 1720)
        let t32 = DiscriminatorConfig(vocabularySize: 89, sequenceLength: 32)
        #expect(t32.filterBanks.map(\.window) == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 16, 24, 32])
        #expect(t32.featureCount == 1880)
        #expect(DiscriminatorConfig(vocabularySize: 9, sequenceLength: 4).filterBanks.map(\.window) == [1, 2, 3, 4])
        #expect(DiscriminatorConfig(vocabularySize: 9, sequenceLength: 12).filterBanks.map(\.window) == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12])

        let decoder = JSONDecoder()
        #expect(try decoder.decode(DiscriminatorConfig.self, from: Data("{}".utf8)) == t20)
        let decoded = try decoder.decode(DiscriminatorConfig.self, from: Data(#"{"sequenceLength": 32, "learningRate": 0.001}"#.utf8))
        #expect(decoded.featureCount == 1880 && decoded.learningRate == 0.001 && decoded.dropoutKeepProbability == 0.75)
        #expect(try decoder.decode(DiscriminatorConfig.self, from: JSONEncoder().encode(Self.small)) == Self.small)

        try t20.validate()
        var tooLong = t20
        tooLong.filterBanks.append(.init(window: 21, count: 5))
        #expect(throws: DiscriminatorConfigError.self) { try tooLong.validate() }
        var noDropout = t20
        noDropout.dropoutKeepProbability = 0
        #expect(throws: DiscriminatorConfigError.self) { try noDropout.validate() }
    }
}
