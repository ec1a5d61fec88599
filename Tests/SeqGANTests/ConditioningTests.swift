import Foundation
import NeuralNetwork
import Testing
import TestSupport
@testable import SeqGAN
import TensorCore

@Suite("Generator conditioned by a sequence reader")
struct ConditioningTests {
    static func config(length: Int = 6, vocabulary: Int = 9) -> GeneratorConfig {
        var config = GeneratorConfig(
            vocabularySize: vocabulary, embeddingSize: 3, hiddenSize: 4, sequenceLength: length,
            initialStandardDeviation: 0.5)
        config.featureCount = ToyGrammarReader.featureCount
        return config
    }

    func makeGenerator(_ config: GeneratorConfig = config(), seed: UInt64 = 1) -> Generator {
        let generator = Generator(config: config)
        var random = SplitMix64(seed: seed)
        generator.initializeRandom(using: &random)
        generator.conditioning = ToyGrammarReader.conditioning()
        return generator
    }

    @Test("the first LSTM layer reads E + F values; F = 0 keeps the paper's shapes")
    func inputWidth() {
        let base = GeneratorConfig(vocabularySize: 9, embeddingSize: 3, hiddenSize: 4, sequenceLength: 6)
        let plain = Generator.parameterLayout(for: base)
        let conditioned = Generator.parameterLayout(for: Self.config())
        let shape = { (layout: ParameterLayout) in layout.slots.first { $0.name == "lstm.inputWeights" }?.shape }
        #expect(shape(plain) == [3, 16])
        #expect(shape(conditioned) == [7, 16])
        #expect(conditioned.totalCount == plain.totalCount + 4 * 16)
    }

    @Test("the weighted NLL's gradient with features and masks matches finite differences")
    func gradientWithFeatures() {
        var config = Self.config()
        config.initialStandardDeviation = 0.3
        let generator = makeGenerator(config)
        let batch = 3  // two partitions of 2 and 1 sequences
        var random = SplitMix64(seed: 2)
        // Random rows: some steps follow the grammar (masked), some break it (unmasked).
        let sequences = (0..<(batch * 6)).map { _ in Int32(1 + random.next() % 8) }
        let weights = (0..<(batch * 6)).map { _ in Float(random.nextNormal()) }
        let workspace = Generator.Workspace(batchSize: batch, generator: generator)
        func loss() -> Double {
            generator.accumulateGradients(sequences: sequences, batch: batch, weights: weights, workspace: workspace)
        }
        _ = loss()
        let analytic = generator.arena.gradients.array
        let featureRows = generator.lstm.layers[0].inputWeights.offset + 3 * 16
        #expect((featureRows..<(featureRows + 4 * 16)).contains { analytic[$0] != 0 })
        let worst = worstGradientError(
            values: generator.arena.values.base, count: generator.arena.values.count,
            analytic: analytic, loss: loss)
        #expect(worst < 1e-2, "worst relative error \(worst)")
    }

    @Test("the features reach the LSTM: other features, other likelihoods")
    func featuresMatter() {
        let generator = makeGenerator()
        var random = SplitMix64(seed: 3)
        let sequences = generator.sample(count: 4, using: &random)
        let before = generator.negativeLogLikelihood(of: sequences, count: 4).perSequence
        generator.conditioning = ToyGrammarReader.conditioning(featureScale: 2)
        let after = generator.negativeLogLikelihood(of: sequences, count: 4).perSequence
        for (a, b) in zip(before, after) { #expect(a != b) }
    }

    /// The log-probabilities of `rows`' tokens, stepping the sampling path by hand: each step's
    /// logits from the state, plus the row's mask, softmax (temperature 1), then the token is
    /// read and fed.
    func steppedLogProbabilities(_ generator: Generator, rows: [Int32], count: Int) -> [Double] {
        let t = generator.config.sequenceLength
        let v = generator.config.vocabularySize
        let parameters = UnsafePointer(generator.arena.values.base)
        let buffers = Generator.SamplingBuffers(rows: count, config: generator.config)
        generator.prepareReaders(buffers)
        buffers.readers?.reset(0..<count)
        buffers.previous.update(repeating: Int32(generator.config.startToken), count: count)
        generator.feedPrevious(buffers, rows: count, parameters: parameters)
        var sums = [Double](repeating: 0, count: count)
        var logits = [Float](repeating: 0, count: count * v)
        for step in 0..<t {
            logits.withUnsafeMutableBufferPointer { out in
                generator.output.logits(
                    input: buffers.topHidden, rows: count, parameters: parameters, into: out.baseAddress!)
                for row in 0..<count {
                    let logit = out.baseAddress! + row * v
                    #expect(generator.applyMask(logit, row: row, buffers: buffers))
                    let maximum = (0..<v).map { logit[$0] }.max()!
                    let sum = (0..<v).reduce(0.0) { $0 + exp(Double(logit[$1] - maximum)) }
                    let token = Int(rows[row * t + step])
                    sums[row] += Double(logit[token] - maximum) - log(sum)
                    buffers.previous[row] = rows[row * t + step]
                }
            }
            generator.readPrevious(buffers, rows: 0..<count)
            generator.feedPrevious(buffers, rows: count, parameters: parameters)
        }
        return sums
    }

    @Test("the teacher-forced likelihood of sampled rows is the sum of the sampling steps' masked log-probabilities")
    func replayEqualsSampling() {
        let generator = makeGenerator(Self.config(length: 10))
        let count = 5
        var random = SplitMix64(seed: 4)
        let rows = generator.sample(count: count, using: &random)
        for row in 0..<count { #expect(ToyGrammarReader.follows(rows[(row * 10)..<((row + 1) * 10)])) }
        let nll = generator.negativeLogLikelihood(of: rows, count: count).perSequence
        let stepped = steppedLogProbabilities(generator, rows: rows, count: count)
        for row in 0..<count {
            let teacherForced = -Double(nll[row]) * 10
            #expect(abs(teacherForced - stepped[row]) < 1e-4 * max(1, abs(stepped[row])), "row \(row)")
        }
    }

    @Test("sampling, primed sampling and roll-outs never emit a token the mask forbids", arguments: [1, 2])
    func neverMasked(layers: Int) {
        var config = Self.config(length: 12)
        config.layers = layers
        for seed in UInt64(1)...12 {
            let generator = makeGenerator(config, seed: seed)
            var random = SplitMix64(seed: seed &* 7)
            let rows = generator.sample(count: 40, temperature: 1.5, using: &random)
            for row in 0..<40 { #expect(ToyGrammarReader.follows(rows[(row * 12)..<((row + 1) * 12)])) }
            let long = generator.sample(count: 3, length: 30, primer: [2, 3], temperature: 2, using: &random)
            for row in 0..<3 { #expect(ToyGrammarReader.follows(long[(row * 30)..<((row + 1) * 30)])) }
            let completions = rows.withUnsafeBufferPointer {
                generator.rolloutCompletions(of: $0.baseAddress!, batch: 4, perPrefix: 3, temperature: 2, seed: seed)
            }
            for row in 0..<(completions.count / 12) {
                #expect(ToyGrammarReader.follows(completions[(row * 12)..<((row + 1) * 12)]))
            }
        }
    }

    @Test("a row whose mask forbids everything samples the end token, then padding")
    func deadEndSamplesEnd() {
        var config = Self.config(length: 8)
        config.sequenceEnd = SequenceEnd(endToken: 7, paddingToken: 8)
        let generator = makeGenerator(config)
        generator.conditioning = ToyGrammarReader.conditioning(deadEnd: true)
        var random = SplitMix64(seed: 5)
        let rows = generator.sample(count: 3, length: 8, primer: [6], using: &random)
        for row in 0..<3 { #expect(Array(rows[(row * 8)..<((row + 1) * 8)]) == [6, 7, 8, 8, 8, 8, 8, 8]) }
    }

    @Test("chunked training carries the readers across chunks: losses and output gradients of the whole rows")
    func chunkedCarriesReaders() {
        let length = 11
        let generator = makeGenerator(Self.config(length: length))
        let batch = 3
        var random = SplitMix64(seed: 6)
        let rows = generator.sample(count: batch, using: &random)
        let workspace = Generator.Workspace(batchSize: batch, generator: generator)
        let output = generator.output.weights.offset..<(generator.output.bias.offset + 9)
        let whole = rows.withUnsafeBufferPointer {
            generator.accumulateGradients(
                sequences: $0.baseAddress!, inputs: nil, rowLength: length, chunk: 0..<length, carryState: true,
                batch: batch, weights: nil, uniformWeight: 1, dropoutSeed: nil, workspace: workspace)
        }
        let wholeGradient = Array(generator.arena.gradients.array[output])
        var chunkedLoss = 0.0
        var chunkedGradient = [Float](repeating: 0, count: output.count)
        for chunk in [0..<3, 3..<7, 7..<11] {
            chunkedLoss += rows.withUnsafeBufferPointer {
                generator.accumulateGradients(
                    sequences: $0.baseAddress!, inputs: nil, rowLength: length, chunk: chunk, carryState: true,
                    batch: batch, weights: nil, uniformWeight: 1, dropoutSeed: nil, workspace: workspace)
            }
            for (i, g) in generator.arena.gradients.array[output].enumerated() { chunkedGradient[i] += g }
        }
        #expect(abs(whole - chunkedLoss) < 1e-4 * whole)
        for (a, b) in zip(wholeGradient, chunkedGradient) { #expect(abs(a - b) < 1e-4 * max(1, abs(a))) }
    }

    @Test("the truncated-BPTT trainer with features: one long chunk is the full step, bit for bit; chunks differ")
    func truncatedTrainer() {
        let length = 8
        let config = Self.config(length: length)
        var settings = OptimizerConfig()
        settings.batchSize = 4
        func trainer() -> GeneratorTrainer {
            GeneratorTrainer(generator: makeGenerator(config), settings: settings, dropoutSeed: 3)
        }
        var random = SplitMix64(seed: 7)
        let rows = makeGenerator(config, seed: 9).sample(count: 4, using: &random)
        let full = trainer()
        let oneChunk = trainer()
        let chunked = trainer()
        for _ in 0..<2 {
            let a = full.step(sequences: rows, batchSize: 4)
            let b = oneChunk.truncatedStep(sequences: rows, length: length, batchSize: 4)
            _ = chunked.truncatedStep(sequences: rows, length: length, batchSize: 4, chunkLength: 3)
            #expect(a == b)
        }
        #expect(full.generator.arena.values.array == oneChunk.generator.arena.values.array)
        #expect(full.generator.arena.values.array != chunked.generator.arena.values.array)
    }

    @Test("scheduled sampling and policy-gradient steps run with a conditioning and keep the loss finite")
    func trainersRun() {
        let config = Self.config(length: 7)
        var settings = OptimizerConfig()
        settings.batchSize = 4
        let trainer = GeneratorTrainer(generator: makeGenerator(config), settings: settings)
        var random = SplitMix64(seed: 8)
        let rows = trainer.generator.sample(count: 4, using: &random)
        let ss = rows.withUnsafeBufferPointer {
            trainer.scheduledSamplingStep(sequences: $0.baseAddress!, batchSize: 4, omega: 0.5, using: &random)
        }
        let rewards = (0..<(4 * 7)).map { Float($0 % 3) }
        let pg = rows.withUnsafeBufferPointer {
            trainer.policyGradientStep(sequences: $0.baseAddress!, batchSize: 4, rewards: rewards)
        }
        #expect(ss.isFinite && pg.isFinite)
    }
}
