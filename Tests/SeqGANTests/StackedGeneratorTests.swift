import Foundation
import NeuralNetwork
import Testing
import TestSupport
@testable import SeqGAN
import TensorCore

@Suite("Generator with stacked LSTM layers")
struct StackedGeneratorTests {
    static let twoLayers = GeneratorConfig(
        vocabularySize: 11, embeddingSize: 4, hiddenSize: 5, sequenceLength: 7,
        initialStandardDeviation: 0.5, layers: 2, dropout: 0.3)

    func makeGenerator(_ config: GeneratorConfig = Self.twoLayers, seed: UInt64 = 1) -> Generator {
        let generator = Generator(config: config)
        var random = SplitMix64(seed: seed)
        generator.initializeRandom(using: &random)
        return generator
    }

    /// `count` random sequences of `length` tokens below `vocabulary`.
    func randomSequences(count: Int, length: Int, vocabulary: Int, seed: UInt64) -> [Int32] {
        var random = SplitMix64(seed: seed)
        return (0..<(count * length)).map { _ in Int32(random.next() % UInt64(vocabulary)) }
    }

    @Test("the weighted NLL's gradient matches finite differences with two layers and fixed dropout masks")
    func wholeLossGradient() {
        for (layers, dropout) in [(2, Float(0)), (2, 0.3), (3, 0.3)] {
            var config = Self.twoLayers
            config.layers = layers
            config.dropout = dropout
            let generator = makeGenerator(config)
            let batch = 3
            let t = config.sequenceLength
            let sequences = randomSequences(count: batch, length: t, vocabulary: 11, seed: 2)
            var random = SplitMix64(seed: 3)
            let weights = (0..<(batch * t)).map { _ in Float(random.nextNormal()) }
            let workspace = Generator.Workspace(batchSize: batch, generator: generator)
            func loss() -> Double {
                generator.accumulateGradients(
                    sequences: sequences, batch: batch, weights: weights, dropoutSeed: 7, workspace: workspace)
            }
            _ = loss()
            let worst = worstGradientError(
                values: generator.arena.values.base, count: generator.arena.values.count,
                analytic: generator.arena.gradients.array, loss: loss)
            #expect(worst < 1e-2, "\(layers) layers, dropout \(dropout): worst relative error \(worst)")
        }
    }

    @Test("tensor names of one layer are unchanged and each further layer adds its own")
    func tensorNames() {
        let one = Generator(config: GeneratorConfig(vocabularySize: 5, sequenceLength: 3))
        #expect(one.arena.layout.slots.map(\.name) == [
            "embedding", "lstm.inputWeights", "lstm.recurrentWeights", "lstm.bias",
            "output.weights", "output.bias",
        ])
        let two = makeGenerator()
        let names = two.arena.layout.slots.map(\.name)
        #expect(names.contains("lstm.layer2.recurrentWeights"))
        #expect(two.arena.slot(named: "lstm.layer2.inputWeights")?.shape == [5, 20])
    }

    @Test("a two-layer generator learns a set of sequences below an NLL a one-layer generator of 4 units cannot reach")
    func twoLayersLearnMore() {
        let (count, length, vocabulary) = (32, 10, 10)
        let data = randomSequences(count: count, length: length, vocabulary: vocabulary, seed: 11)
        func trainedNLL(layers: Int, hidden: Int) -> Double {
            let config = GeneratorConfig(
                vocabularySize: vocabulary, embeddingSize: 8, hiddenSize: hidden, sequenceLength: length,
                layers: layers)
            let generator = makeGenerator(config, seed: 12)
            var settings = OptimizerConfig()
            settings.batchSize = count
            let trainer = GeneratorTrainer(generator: generator, settings: settings)
            for epoch in 0..<300 {
                var random = SplitMix64(seed: 13, stream: UInt64(epoch))
                _ = trainer.trainEpoch(data: data, count: count, using: &random)
            }
            let workspace = Generator.Workspace(batchSize: count, generator: generator)
            let nll = generator.negativeLogLikelihoods(of: data, count: count, workspace: workspace)
            return nll.reduce(0.0) { $0 + Double($1) } / Double(count)
        }
        let small = trainedNLL(layers: 1, hidden: 4)
        let deep = trainedNLL(layers: 2, hidden: 24)
        // 32 random sequences: once memorised, only the first tokens are uncertain
        // (log 32 / 10 = 0.35 nats a token); a 4-unit LSTM stays far above that.
        #expect(deep < 0.6, "two layers: \(deep)")
        #expect(small > 0.9, "one layer of 4 units: \(small)")
    }

    @Test("two-layer sampling and roll-outs are deterministic from the seed and roll-outs keep their prefixes")
    func samplingAndRollouts() {
        let generator = makeGenerator()
        let t = Self.twoLayers.sequenceLength
        var a = SplitMix64(seed: 5)
        var b = SplitMix64(seed: 5)
        var c = SplitMix64(seed: 6)
        let first = generator.sample(count: 40, using: &a)
        #expect(first == generator.sample(count: 40, using: &b))
        #expect(first != generator.sample(count: 40, using: &c))
        let batch = 4
        let rollouts = generator.rolloutCompletions(of: first, batch: batch, perPrefix: 3, seed: 8)
        #expect(rollouts == generator.rolloutCompletions(of: first, batch: batch, perPrefix: 3, seed: 8))
        #expect(rollouts != generator.rolloutCompletions(of: first, batch: batch, perPrefix: 3, seed: 9))
        for prefix in 1..<t {
            for row in 0..<(batch * 3) {
                let completion = (prefix - 1) * batch * 3 * t + row * t
                let source = (row / 3) * t
                #expect(Array(rollouts[completion..<(completion + prefix)]) == Array(first[source..<(source + prefix)]))
            }
        }
    }

    @Test("a near-greedy roll-out continues a prefix as primed sampling does, so every layer's state is carried")
    func rolloutStateMatchesPrimedSampling() {
        // Large weights make the next token clear-cut; at a tiny temperature both draw the argmax.
        var config = Self.twoLayers
        config.initialStandardDeviation = 2
        let generator = makeGenerator(config, seed: 21)
        let t = config.sequenceLength
        let sequences = randomSequences(count: 3, length: t, vocabulary: 11, seed: 22)
        let rollouts = generator.rolloutCompletions(
            of: sequences, batch: 3, perPrefix: 1, temperature: 1e-4, seed: 1)
        for prefix in 1..<t {
            for b in 0..<3 {
                var random = SplitMix64(seed: 2)
                let primer = Array(sequences[(b * t)..<(b * t + prefix)])
                let primed = generator.sample(count: 1, length: t, primer: primer, temperature: 1e-4, using: &random)
                let start = (prefix - 1) * 3 * t + b * t
                #expect(Array(rollouts[start..<(start + t)]) == primed, "prefix \(prefix), sequence \(b)")
            }
        }
    }

    @Test(
        "sampling one chunk as two halves on two cores draws the same tokens as in one piece",
        arguments: [1, 2], [false, true])
    func splitSamplingIsTheSame(layers: Int, withEnd: Bool) {
        var config = GeneratorConfig(
            vocabularySize: 23, embeddingSize: 16, hiddenSize: 48, sequenceLength: 9,
            initialStandardDeviation: 0.4, layers: layers)
        if withEnd { config.sequenceEnd = SequenceEnd(endToken: 1, paddingToken: 2) }
        let generator = makeGenerator(config, seed: 41)
        let parameters = UnsafePointer(generator.arena.values.base)
        let rows = 37
        func draw(split: Bool, seed: UInt64 = 42) -> [Int32] {
            let buffers = Generator.SamplingBuffers(rows: rows, config: config)
            buffers.previous.update(repeating: Int32(config.startToken), count: rows)
            generator.feedPrevious(buffers, rows: rows, parameters: parameters)
            var tokens = [Int32](repeating: 0, count: rows * 9)
            var random = SplitMix64(seed: seed, stream: 0)
            tokens.withUnsafeMutableBufferPointer { out in
                generator.sampleSteps(
                    buffers, rows: rows, steps: 0..<9, destination: out.baseAddress!, rowStride: 9,
                    temperature: 1, random: &random, parameters: parameters, splitRows: split)
            }
            return tokens
        }
        let whole = draw(split: false)
        #expect(draw(split: true) == whole)
        // sample() splits its single chunk and draws what one piece with the chunk's stream does.
        var a = SplitMix64(seed: 43)
        var b = SplitMix64(seed: 43)
        #expect(generator.sample(count: rows, using: &a) == draw(split: false, seed: b.next()))
    }

    @Test("MLE and policy-gradient steps with dropout are reproducible and lower the loss")
    func trainingWithDropout() {
        func train() -> ([Float], [Double]) {
            let generator = makeGenerator(seed: 31)
            let data = randomSequences(count: 32, length: 7, vocabulary: 5, seed: 32)
            var settings = OptimizerConfig()
            settings.batchSize = 16
            let trainer = GeneratorTrainer(generator: generator, settings: settings, dropoutSeed: 33)
            var losses: [Double] = []
            for epoch in 0..<20 {
                var random = SplitMix64(seed: 34, stream: UInt64(epoch))
                losses.append(trainer.trainEpoch(data: data, count: 32, using: &random))
            }
            var random = SplitMix64(seed: 35)
            let samples = generator.sample(count: 16, using: &random)
            let rewards = (0..<(16 * 7)).map { Float($0 % 3) * 0.2 }
            trainer.policyGradientStep(sequences: samples, batchSize: 16, rewards: rewards)
            return (generator.arena.values.array, losses)
        }
        let (first, losses) = train()
        let (second, _) = train()
        #expect(first == second)
        #expect(losses.last! < losses.first! - 0.2, "losses \(losses.first!) -> \(losses.last!)")
    }

    @Test("a two-layer checkpoint round-trips, and a one-layer file is refused by a two-layer generator")
    func checkpointRoundTrip() throws {
        let generator = makeGenerator()
        let file = SafeTensors(tensors: generator.tensors(prefix: "g."))
        let copy = Generator(config: Self.twoLayers)
        try copy.load(from: file, prefix: "g.", path: "mem")
        #expect(copy.arena.values.array == generator.arena.values.array)
        var a = SplitMix64(seed: 3)
        var b = SplitMix64(seed: 3)
        #expect(copy.sample(count: 10, using: &a) == generator.sample(count: 10, using: &b))
        var oneLayer = Self.twoLayers
        oneLayer.layers = 1
        let oneLayerFile = SafeTensors(tensors: makeGenerator(oneLayer).tensors(prefix: "g."))
        #expect(throws: SafeTensorsError.self) {
            try Generator(config: Self.twoLayers).load(from: oneLayerFile, prefix: "g.", path: "mem")
        }
    }

    @Test("the configuration keeps layers and dropout, files without them decode as one layer without dropout, and bad values are refused")
    func configurationCoding() throws {
        let data = try JSONEncoder().encode(Self.twoLayers)
        #expect(try JSONDecoder().decode(GeneratorConfig.self, from: data) == Self.twoLayers)
        let old = Data(#"{"vocabularySize": 9, "hiddenSize": 7, "sequenceLength": 4}"#.utf8)
        let decoded = try JSONDecoder().decode(GeneratorConfig.self, from: old)
        #expect(decoded.layers == 1 && decoded.dropout == 0 && decoded.hiddenSize == 7)
        for bad in [#"{"layers": 0}"#, #"{"dropout": 1}"#, #"{"dropout": -0.1}"#] {
            #expect(throws: DecodingError.self) { try JSONDecoder().decode(GeneratorConfig.self, from: Data(bad.utf8)) }
        }
    }
}
