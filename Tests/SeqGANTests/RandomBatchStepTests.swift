import NeuralNetwork
import Randomness
import Testing

@testable import SeqGAN

@Suite("Teacher-forced steps on random batches (MLE steps of adversarial rounds)")
struct RandomBatchStepTests {
    /// 40 sequences of the roll-out tests' length: ascending runs of tokens from a different
    /// start each, which a generator can learn.
    static let data: [Int32] = (0..<40).flatMap { i in (0..<RolloutTests.length).map { Int32((i + $0) % 10) } }

    static func settings() -> OptimizerConfig {
        var settings = OptimizerConfig()
        settings.batchSize = 8
        settings.learningRate = 0.05
        settings.policyGradientLearningRate = 0.01
        return settings
    }

    @Test("a step moves each weight by at most the policy-gradient rate, keeps the MLE rate and lowers the data's NLL")
    func stepsAtThePolicyRate() {
        var (trainer, random) = RolloutTests.smallTrainer(seed: 3, settings: Self.settings())
        let generator = trainer.generator
        let before = Array(UnsafeBufferPointer(start: generator.arena.values.base, count: generator.arena.values.count))
        let firstLoss = trainer.randomBatchStep(data: Self.data, count: 40, using: &random)
        let largestMove = zip(before, UnsafeBufferPointer(start: generator.arena.values.base, count: before.count))
            .map { abs($0 - $1) }.max() ?? 0
        // Adam's first step moves a weight by about its learning rate: 0.01 here, not 0.05.
        #expect(largestMove > 0.005 && largestMove <= 0.0101)
        #expect(trainer.optimizer.learningRate == 0.05)
        #expect(trainer.optimizer.step == 1 && trainer.policyOptimizer.step == 0)
        var lastLoss = firstLoss
        for _ in 0..<150 { lastLoss = trainer.randomBatchStep(data: Self.data, count: 40, using: &random) }
        #expect(lastLoss < firstLoss * 0.7)
    }

    @Test("fewer training sequences than a batch: the step takes them all")
    func fewerThanABatch() {
        var (trainer, random) = RolloutTests.smallTrainer(seed: 3, settings: Self.settings())
        let five = Array(Self.data.prefix(5 * RolloutTests.length))
        let first = trainer.randomBatchStep(data: five, count: 5, using: &random)
        var last = first
        for _ in 0..<100 { last = trainer.randomBatchStep(data: five, count: 5, using: &random) }
        #expect(first.isFinite && last < first * 0.7)
    }

    @Test("the batch is drawn from the random stream: the same stream gives the same weights, another stream others")
    func batchFollowsTheStream() {
        func weights(stream: UInt64) -> [Float] {
            let (trainer, _) = RolloutTests.smallTrainer(seed: 3, settings: Self.settings())
            var random = SplitMix64(seed: 5, stream: stream)
            for _ in 0..<3 { trainer.randomBatchStep(data: Self.data, count: 40, using: &random) }
            return Array(UnsafeBufferPointer(start: trainer.generator.arena.values.base, count: trainer.generator.arena.values.count))
        }
        #expect(weights(stream: 1) == weights(stream: 1))
        #expect(weights(stream: 1) != weights(stream: 2))
    }
}
