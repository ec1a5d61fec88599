import Foundation
import NeuralNetwork
import Testing
@testable import SeqGAN
import TensorCore

/// Scores a sequence as 100 x (number of non-zero tokens) + its first token, so a reward
/// tells exactly which sample and which prefix length it was computed from.
final class PrefixRevealingScorer: SequenceScorer {
    func score(_ sequences: UnsafePointer<Int32>, count: Int, into scores: UnsafeMutablePointer<Float>) {
        for row in 0..<count {
            let s = sequences + row * RolloutTests.length
            let nonZero = (0..<RolloutTests.length).filter { s[$0] != 0 }.count
            scores[row] = Float(100 * nonZero) + Float(s[0])
        }
    }
}

/// Scores a sequence by the mean of its tokens (a smooth, arbitrary reward).
final class MeanTokenScorer: SequenceScorer {
    let length: Int
    init(length: Int) { self.length = length }
    func score(_ sequences: UnsafePointer<Int32>, count: Int, into scores: UnsafeMutablePointer<Float>) {
        for row in 0..<count {
            var sum: Float = 0
            for i in 0..<length { sum += Float(sequences[row * length + i]) }
            scores[row] = sum / Float(length * 10)
        }
    }
}

@Suite("Roll-out rewards and policy gradient")
struct RolloutTests {
    static let length = 7

    /// A roll-out policy that (almost surely) only ever emits token 0.
    func zeroPolicy() -> Generator {
        let generator = Generator(config: GeneratorConfig(vocabularySize: 9, embeddingSize: 3, hiddenSize: 4, sequenceLength: Self.length))
        let bias = generator.arena.slot(named: "output.bias")!
        generator.arena.values[bias.offset] = 80
        return generator
    }

    @Test("reward[b][t] belongs to sample b at prefix length t + 1")
    func rewardLayout() {
        let batch = 5
        let t = Self.length
        // Sample b is the constant sequence b + 1: distinct and all non-zero.
        let sequences = (0..<batch).flatMap { b in [Int32](repeating: Int32(b + 1), count: t) }
        let rewards = RolloutRewards.compute(
            for: sequences, batch: batch, sequenceLength: t, perPrefix: 3,
            rolloutPolicy: zeroPolicy(), scorer: PrefixRevealingScorer(), seed: 1)
        for b in 0..<batch {
            for step in 0..<t {
                // Completions keep the prefix (step + 1 non-zero tokens) and add zeros.
                #expect(rewards[b * t + step] == Float(100 * (step + 1) + b + 1), "b \(b) t \(step)")
            }
        }
    }

    @Test("completions keep their prefix, are reproducible and do not depend on scheduling")
    func completions() {
        let generator = Generator(config: GeneratorConfig(vocabularySize: 11, embeddingSize: 3, hiddenSize: 4, sequenceLength: Self.length))
        var random = SplitMix64(seed: 3)
        generator.initializeRandom(using: &random)
        let batch = 4
        let perPrefix = 5
        let t = Self.length
        let sequences = generator.sample(count: batch, using: &random)
        let a = generator.rolloutCompletions(of: sequences, batch: batch, perPrefix: perPrefix, seed: 9)
        let b = generator.rolloutCompletions(of: sequences, batch: batch, perPrefix: perPrefix, seed: 9)
        let c = generator.rolloutCompletions(of: sequences, batch: batch, perPrefix: perPrefix, seed: 10)
        #expect(a == b)
        #expect(a != c)
        #expect(a.count == (t - 1) * batch * perPrefix * t)
        for prefix in 1..<t {
            for s in 0..<batch {
                for n in 0..<perPrefix {
                    let row = ((prefix - 1) * batch + s) * perPrefix + n
                    #expect(Array(a[(row * t)..<(row * t + prefix)]) == Array(sequences[(s * t)..<(s * t + prefix)]))
                }
            }
        }
        // The completions differ from each other (they are samples, not copies).
        let lastBlock = (0..<perPrefix).map { n in Array(a[(n * t)..<((n + 1) * t)]) }
        #expect(Set(lastBlock.map { $0.description }).count > 1)
    }

    @Test("the first token of a prefix's completions follows the model's distribution after that prefix")
    func firstCompletionToken() {
        let config = GeneratorConfig(vocabularySize: 11, embeddingSize: 3, hiddenSize: 4, sequenceLength: Self.length)
        let generator = Generator(config: config)
        var random = SplitMix64(seed: 21)
        generator.initializeRandom(using: &random)
        // Spread the weights so that the distribution is far from uniform.
        for i in 0..<generator.arena.values.count { generator.arena.values[i] *= 12 }
        let t = Self.length
        let perPrefix = 20_000
        // Two sampled sequences with different prefixes; the second one's completions are checked.
        var sequences = generator.sample(count: 2, using: &random)
        if sequences[t..<(t + 2)] == sequences[0..<2] { sequences[0] = (sequences[0] + 1) % 11 }
        let completions = generator.rolloutCompletions(of: sequences, batch: 2, perPrefix: perPrefix, seed: 22)
        // p(v | y_1, y_2) from the NLL of y_1 y_2 v with a 3-token copy of the generator.
        let prefix = 2
        var three = config
        three.sequenceLength = prefix + 1
        let short = Generator(config: three)
        short.arena.copyValues(from: generator.arena)
        let candidates = (0..<11).flatMap { Array(sequences[t..<(t + prefix)]) + [Int32($0)] }
        let nll = short.negativeLogLikelihoods(
            of: candidates, count: 11, workspace: Generator.Workspace(batchSize: 11, generator: short))
        let weights = nll.map { Foundation.exp(-Double(prefix + 1) * Double($0)) }
        let probabilities = weights.map { $0 / weights.reduce(0, +) }
        #expect(probabilities.max()! > 0.3, "a peaked distribution")
        var counts = [Double](repeating: 0, count: 11)
        for n in 0..<perPrefix {
            counts[Int(completions[(((prefix - 1) * 2 + 1) * perPrefix + n) * t + prefix])] += 1
        }
        for v in 0..<11 {
            let p = probabilities[v]
            let observed = counts[v] / Double(perPrefix)
            #expect(abs(observed - p) < 5 * (p * (1 - p) / Double(perPrefix)).squareRoot() + 1e-3, "token \(v)")
        }
    }

    /// With all weights zero every next-token distribution is uniform, so each completion
    /// token is a known function of its uniform draw: the expected completions follow from
    /// the random streams alone.
    @Test(
        "completions draw one uniform per row and step from their prefix's stream, in row order; ended rows get padding",
        arguments: [false, true])
    func completionDrawOrder(withEnd: Bool) {
        let (t, v, batch, perPrefix) = (6, 6, 3, 4)
        let end = withEnd ? SequenceEnd(endToken: 4, paddingToken: 5) : nil
        let generator = Generator(
            config: GeneratorConfig(vocabularySize: v, embeddingSize: 3, hiddenSize: 4, sequenceLength: t, sequenceEnd: end))
        generator.arena.values.zero()
        let sequences: [Int32] = [1, 2, 3, 1, 2, 3, 1, 4, 5, 5, 5, 5, 2, 2, 1, 4, 5, 5]
        let completions = generator.rolloutCompletions(of: sequences, batch: batch, perPrefix: perPrefix, seed: 31)
        var weights = [Float](repeating: 1, count: v)
        if let end { weights[end.paddingToken] = 0 }
        let total = weights.reduce(0, +)
        for prefix in 1..<t {
            var random = SplitMix64(seed: 31, stream: UInt64(prefix))
            var expected = (0..<(batch * perPrefix)).map { row in
                Array(sequences[(row / perPrefix * t)..<(row / perPrefix * t + prefix)])
            }
            for _ in prefix..<t {
                for row in expected.indices {
                    let uniform = random.nextUnitFloat()
                    let previous = expected[row].last!
                    if let end, previous == Int32(end.endToken) || previous == Int32(end.paddingToken) {
                        expected[row].append(Int32(end.paddingToken))
                    } else {
                        expected[row].append(
                            Int32(Sampling.drawIndex(fromWeights: weights, count: v, total: total, uniform: uniform)))
                    }
                }
            }
            let block = (prefix - 1) * batch * perPrefix
            for row in expected.indices {
                #expect(
                    Array(completions[((block + row) * t)..<((block + row + 1) * t)]) == expected[row],
                    "prefix \(prefix) row \(row)")
            }
        }
        // The rows that had not ended drew every token, the padding token never.
        if withEnd { #expect(Set(completions).contains(4) && Set(completions).contains(1)) }
    }

    /// A trainer of a small random generator (vocabulary 10), and the random stream after
    /// its initialisation.
    static func smallTrainer(seed: UInt64, settings: OptimizerConfig) -> (GeneratorTrainer, SplitMix64) {
        let generator = Generator(config: GeneratorConfig(vocabularySize: 10, embeddingSize: 4, hiddenSize: 8, sequenceLength: length))
        var random = SplitMix64(seed: seed)
        generator.initializeRandom(using: &random)
        return (GeneratorTrainer(generator: generator, settings: settings), random)
    }

    @Test(
        "policy-gradient steps raise the expected reward, at temperature 1 and at 0.5 (samples, roll-outs and gradient at 0.5)",
        arguments: [Float(1), 0.5])
    func policyGradientImproves(temperature: Float) {
        let t = Self.length
        var settings = OptimizerConfig()
        settings.batchSize = 32
        settings.learningRate = 0.05
        var (trainer, random) = Self.smallTrainer(seed: 4, settings: settings)
        let generator = trainer.generator
        let scorer = MeanTokenScorer(length: t)
        func meanReward() -> Float {
            var r = SplitMix64(seed: 99)
            let samples = generator.sample(count: 2000, temperature: temperature, using: &r)
            var scores = [Float](repeating: 0, count: 2000)
            scores.withUnsafeMutableBufferPointer { scorer.score(samples, count: 2000, into: $0.baseAddress!) }
            return scores.reduce(0, +) / 2000
        }
        let before = meanReward()
        for round in 0..<30 {
            let batch = generator.sample(count: 32, temperature: temperature, using: &random)
            let rewards = RolloutRewards.compute(
                for: batch, batch: 32, sequenceLength: t, perPrefix: 4, rolloutPolicy: generator,
                scorer: scorer, seed: UInt64(round), temperature: temperature)
            trainer.policyGradientStep(
                sequences: batch, batchSize: 32, rewards: rewards, reduction: .mean, baseline: .mean,
                temperature: temperature)
        }
        let after = meanReward()
        #expect(after > before + 0.05, "mean reward at \(temperature): \(before) -> \(after)")
    }

    @Test("policy-gradient updates have an Adam of their own that starts fresh, as the released code's")
    func policyGradientOptimizerIsSeparate() {
        let t = Self.length
        var settings = OptimizerConfig()
        settings.batchSize = 16
        settings.policyGradientLearningRate = 0.02
        var (trainer, random) = Self.smallTrainer(seed: 5, settings: settings)
        let generator = trainer.generator
        for _ in 0..<3 {
            let batch = generator.sample(count: 16, using: &random)
            trainer.step(sequences: batch, batchSize: 16)
        }
        let mleMoments = trainer.optimizer.secondMoments.array
        let before = generator.arena.values.array
        let batch = generator.sample(count: 16, using: &random)
        let rewards = RolloutRewards.compute(
            for: batch, batch: 16, sequenceLength: t, perPrefix: 2, rolloutPolicy: generator,
            scorer: MeanTokenScorer(length: t), seed: 1)
        trainer.policyGradientStep(sequences: batch, batchSize: 16, rewards: rewards)
        #expect(trainer.optimizer.step == 3)
        #expect(trainer.policyOptimizer.step == 1)
        #expect(trainer.optimizer.secondMoments.array == mleMoments)
        // A fresh Adam's first step moves each parameter with a gradient by the step size
        // (m / sqrt(v) = sign g, less where epsilon is not negligible); moments carried over
        // from MLE would not.
        let after = generator.arena.values.array
        let moved = zip(before, after).map { abs($1 - $0) }.filter { $0 > 1e-6 }
        #expect(moved.count > before.count / 2)
        #expect(moved.allSatisfy { $0 < 0.02 * 1.001 })
        let median = moved.sorted()[moved.count / 2]
        #expect(abs(median - 0.02) < 1e-4, "median step \(median)")
    }
}
