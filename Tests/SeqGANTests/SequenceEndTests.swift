import Foundation
import NeuralNetwork
import TensorCore
import TestSupport
import Testing

@testable import SeqGAN

/// End-token masking: everything after a row's first end token is ignored by the loss, the
/// rewards and the samples.
@Suite("Sequence end masking")
struct SequenceEndTests {
    static let end = 1
    static let padding = 0
    static let t = 6
    static let v = 11
    static let config = GeneratorConfig(
        vocabularySize: v, embeddingSize: 4, hiddenSize: 5, sequenceLength: t,
        initialStandardDeviation: 0.5,
        sequenceEnd: SequenceEnd(endToken: end, paddingToken: padding))

    func makeGenerator(_ config: GeneratorConfig = Self.config, seed: UInt64 = 1) -> Generator {
        let generator = Generator(config: config)
        var random = SplitMix64(seed: seed)
        generator.initializeRandom(using: &random)
        return generator
    }

    /// Three rows: ends at position 2, no end, ends at the last position; tokens after an end
    /// are `after` (padding in real data).
    func batch(after: Int32) -> [Int32] {
        [
            5, 7, 1, after, after, after,
            3, 4, 5, 6, 7, 8,
            9, 2, 3, 4, 10, 1,
        ]
    }

    func optimizer(batch: Int) -> OptimizerConfig {
        var settings = OptimizerConfig()
        settings.batchSize = batch
        return settings
    }

    @Test("the counted length runs up to and including the first end token")
    func countedLength() {
        let end = SequenceEnd(endToken: 1, paddingToken: 0)
        #expect(end.countedLength(of: [4, 1, 0, 0]) == 2)
        #expect(end.countedLength(of: [1, 5, 1]) == 1)
        #expect(end.countedLength(of: [4, 5, 6]) == 3)
        let row: [Int32] = [4, 5, 1, 0]
        #expect(
            row.withUnsafeBufferPointer { end.countedLength(of: $0.baseAddress!, length: 4) } == 3)
    }

    @Test(
        "the masked MLE loss is the mean NLL over counted tokens, its gradient matches finite differences"
    )
    func maskedLossGradient() {
        let generator = makeGenerator()
        let trainer = GeneratorTrainer(generator: generator, settings: optimizer(batch: 3))
        let sequences = batch(after: Int32(Self.padding))
        func loss() -> Double {
            sequences.withUnsafeBufferPointer {
                trainer.meanNLLGradients(sequences: $0.baseAddress!, batchSize: 3)
            }
        }
        let value = loss()
        // Per-row NLLs averaged over their counted tokens, weighted by those counts (3, 6, 6).
        let perRow = generator.negativeLogLikelihoods(
            of: sequences, count: 3,
            workspace: Generator.Workspace(batchSize: 3, generator: generator))
        let expected = (Double(perRow[0]) * 3 + Double(perRow[1]) * 6 + Double(perRow[2]) * 6) / 15
        #expect(abs(value - expected) < 1e-5)
        _ = loss()
        let worst = worstGradientError(
            values: generator.arena.values.base, count: generator.arena.values.count,
            analytic: generator.arena.gradients.array, loss: loss)
        #expect(worst < 1e-2, "worst relative error \(worst)")
    }

    @Test("tokens after the end token change neither the loss nor its gradient")
    func tokensAfterEndAreIgnored() {
        let generator = makeGenerator()
        let trainer = GeneratorTrainer(generator: generator, settings: optimizer(batch: 3))
        var results: [(Double, [Float])] = []
        for after: Int32 in [0, 9, 4] {
            let sequences = batch(after: after)
            let loss = sequences.withUnsafeBufferPointer {
                trainer.meanNLLGradients(sequences: $0.baseAddress!, batchSize: 3)
            }
            results.append((loss, generator.arena.gradients.array))
        }
        for other in results.dropFirst() {
            #expect(other.0 == results[0].0)
            #expect(other.1 == results[0].1)
        }
        // Without an end token the same tokens do count.
        var plain = Self.config
        plain.sequenceEnd = nil
        let unmasked = makeGenerator(plain)
        let plainTrainer = GeneratorTrainer(generator: unmasked, settings: optimizer(batch: 3))
        let a = batch(after: 0).withUnsafeBufferPointer {
            plainTrainer.meanNLLGradients(sequences: $0.baseAddress!, batchSize: 3)
        }
        let b = batch(after: 9).withUnsafeBufferPointer {
            plainTrainer.meanNLLGradients(sequences: $0.baseAddress!, batchSize: 3)
        }
        #expect(a != b)
    }

    @Test("NLL-test weighs every counted token once and ignores what follows the end")
    func heldOutNLL() {
        let generator = makeGenerator()
        let padded = generator.negativeLogLikelihood(of: batch(after: 0), count: 3)
        let other = generator.negativeLogLikelihood(of: batch(after: 7), count: 3)
        #expect(padded.mean == other.mean)
        #expect(padded.perSequence == other.perSequence)
        let expected =
            (Double(padded.perSequence[0]) * 3 + Double(padded.perSequence[1]) * 6
                + Double(padded.perSequence[2]) * 6) / 15
        #expect(abs(padded.mean - expected) < 1e-6)
    }

    @Test("samples never hold padding before their end token and only padding after it")
    func samplesArePaddedAfterTheEnd() {
        let generator = makeGenerator()
        // Make the end token likely, so that many rows end early.
        let bias = generator.arena.slot(named: "output.bias")!
        generator.arena.values[bias.offset + Self.end] = 1.5
        generator.arena.values[bias.offset + Self.padding] = 3  // padding would dominate if drawn
        var random = SplitMix64(seed: 5)
        let samples = generator.sample(count: 500, using: &random)
        var ended = 0
        for row in 0..<500 {
            let tokens = Array(samples[(row * Self.t)..<((row + 1) * Self.t)])
            if let stop = tokens.firstIndex(of: Int32(Self.end)) {
                ended += 1
                #expect(
                    tokens[(stop + 1)...].allSatisfy { $0 == Int32(Self.padding) },
                    "row \(row): \(tokens)")
                #expect(!tokens[..<stop].contains(Int32(Self.padding)), "row \(row): \(tokens)")
            } else {
                #expect(!tokens.contains(Int32(Self.padding)), "row \(row): \(tokens)")
            }
        }
        #expect(ended > 100 && ended < 500, "\(ended) of 500 rows ended")
    }

    @Test("roll-outs of a prefix that has ended complete it with padding")
    func rolloutsAfterTheEnd() {
        let generator = makeGenerator()
        let sequences = batch(after: Int32(Self.padding))
        let completions = generator.rolloutCompletions(
            of: sequences, batch: 3, perPrefix: 4, seed: 3)
        let rows = 3 * 4
        for prefix in 1..<Self.t {
            for b in 0..<3 {
                for n in 0..<4 {
                    let start = ((prefix - 1) * rows + b * 4 + n) * Self.t
                    let row = Array(completions[start..<(start + Self.t)])
                    #expect(
                        Array(row[..<prefix])
                            == Array(sequences[(b * Self.t)..<(b * Self.t + prefix)]))
                    if b == 0 && prefix >= 3 {
                        #expect(row == Array(sequences[0..<Self.t]), "prefix \(prefix): \(row)")
                    }
                    if let stop = row.firstIndex(of: Int32(Self.end)) {
                        #expect(row[(stop + 1)...].allSatisfy { $0 == Int32(Self.padding) })
                    }
                }
            }
        }
    }

    @Test("rewards: roll-out means before the end, D(Y) at the end token, 0 after it")
    func endingRewards() {
        let generator = makeGenerator()
        let sequences = batch(after: Int32(Self.padding))
        let scorer = MeanTokenScorer(length: Self.t)
        let rewards = RolloutRewards.compute(
            for: sequences, batch: 3, sequenceLength: Self.t, perPrefix: 4,
            rolloutPolicy: generator,
            scorer: scorer, seed: 6)
        let completions = generator.rolloutCompletions(
            of: sequences, batch: 3, perPrefix: 4, seed: 6)
        func score(_ row: [Int32]) -> Float {
            var value: Float = 0
            row.withUnsafeBufferPointer { scorer.score($0.baseAddress!, count: 1, into: &value) }
            return value
        }
        let lengths = [3, 6, 6]
        for b in 0..<3 {
            let whole = score(Array(sequences[(b * Self.t)..<((b + 1) * Self.t)]))
            for step in 0..<Self.t {
                let expected: Float
                if step < lengths[b] - 1 {
                    expected =
                        (0..<4).map { n in
                            let start = (step * 12 + b * 4 + n) * Self.t
                            return score(Array(completions[start..<(start + Self.t)]))
                        }.reduce(0, +) / 4
                } else if step == lengths[b] - 1 {
                    expected = whole
                } else {
                    expected = 0
                }
                #expect(abs(rewards[b * Self.t + step] - expected) < 1e-6, "b \(b) step \(step)")
            }
        }
    }

    @Test(
        "rewards after the end token do not change the policy-gradient update",
        arguments: [PolicyGradientBaseline.none, .mean])
    func rewardsAfterEndAreIgnored(baseline: PolicyGradientBaseline) {
        let sequences = batch(after: Int32(Self.padding))
        var random = SplitMix64(seed: 8)
        let rewards = (0..<(3 * Self.t)).map { _ in Float(random.nextUnitDouble()) }
        var changed = rewards
        for step in 3..<Self.t { changed[step] = 50 }  // row 0 ended at position 2
        // The parameters of a fresh generator after one policy-gradient step with `rewards`.
        func parametersAfterStep(rewards: [Float]) -> [Float] {
            let generator = makeGenerator()
            let trainer = GeneratorTrainer(generator: generator, settings: optimizer(batch: 3))
            sequences.withUnsafeBufferPointer {
                _ = trainer.policyGradientStep(
                    sequences: $0.baseAddress!, batchSize: 3, rewards: rewards, reduction: .mean,
                    baseline: baseline)
            }
            return generator.arena.values.array
        }
        let updated = parametersAfterStep(rewards: rewards)
        #expect(parametersAfterStep(rewards: changed) == updated)
        // A reward before the end does matter.
        var before = rewards
        before[1] = 50
        #expect(parametersAfterStep(rewards: before) != updated)
    }

    @Test("the end marking survives config.json and older configs decode without one")
    func codable() throws {
        let data = try JSONEncoder().encode(Self.config)
        #expect(try JSONDecoder().decode(GeneratorConfig.self, from: data) == Self.config)
        var plain = Self.config
        plain.sequenceEnd = nil
        let plainData = try JSONEncoder().encode(plain)
        #expect(!String(decoding: plainData, as: UTF8.self).contains("sequenceEnd"))
        #expect(try JSONDecoder().decode(GeneratorConfig.self, from: plainData).sequenceEnd == nil)
    }
}
