import Testing
import TestSupport
@testable import NeuralNetwork
import TensorCore

@Suite("Dropout and the L2 penalty")
struct DropoutAndPenaltyTests {
    @Test("the mask keeps the right fraction, scales by 1/keep and is reproducible from its seed")
    func maskStatistics() {
        let dropout = Dropout(keepProbability: 0.75)
        let count = 40_000
        let first = FloatBuffer(count: count)
        let second = FloatBuffer(count: count)
        var a = SplitMix64(seed: 31)
        var b = SplitMix64(seed: 31)
        dropout.drawMask(first.base, count: count, using: &a)
        dropout.drawMask(second.base, count: count, using: &b)
        #expect(first.array == second.array)
        #expect(first.array.allSatisfy { $0 == 0 || $0 == 1 / Float(0.75) })
        let kept = Double(first.array.filter { $0 != 0 }.count) / Double(count)
        // 5 standard deviations of a binomial proportion.
        #expect(abs(kept - 0.75) < 5 * (0.75 * 0.25 / Double(count)).squareRoot())
    }

    @Test("dropout's gradient is the mask product, by finite differences")
    func dropoutGradient() {
        let dropout = Dropout(keepProbability: 0.5)
        let count = 37
        let mask = FloatBuffer(count: count)
        var random = SplitMix64(seed: 32)
        dropout.drawMask(mask.base, count: count, using: &random)
        let input = FloatBuffer(count: count)
        fillNormal(input.base, count: count, scale: 1, seed: 33)
        let lossWeights = FloatBuffer(count: count)
        fillNormal(lossWeights.base, count: count, scale: 1, seed: 34)
        let output = FloatBuffer(count: count)
        func loss() -> Double {
            dropout.apply(mask: mask.base, to: input.base, count: count, into: output.base)
            return (0..<count).reduce(0.0) { $0 + Double(output[$1] * lossWeights[$1]) }
        }
        let gradient = FloatBuffer(count: count)
        dropout.apply(mask: mask.base, to: lossWeights.base, count: count, into: gradient.base)
        let error = worstGradientError(values: input.base, count: count, analytic: gradient.array, loss: loss)
        #expect(error < 1e-2, "worst error \(error)")
        #expect((0..<count).contains { gradient[$0] == 0 } && (0..<count).contains { gradient[$0] != 0 })
    }

    @Test("the L2 penalty is coefficient * sum(x²) / 2 over its tensors only, with gradient coefficient * x")
    func l2Penalty() {
        var layout = ParameterLayout()
        let w = layout.add("w", shape: [3, 2])
        let ignored = layout.add("ignored", shape: [4])
        let b = layout.add("b", shape: [2])
        let arena = ParameterArena(layout: layout)
        fillNormal(arena.values.base, count: arena.values.count, scale: 1, seed: 35)
        var expected = 0.0
        for slot in [w, b] {
            for i in 0..<slot.count { expected += Double(arena.values[slot.offset + i] * arena.values[slot.offset + i]) }
        }
        expected *= 0.2 / 2
        arena.gradients.zero()
        let penalty = NeuralNetwork.l2Penalty(
            of: [w, b], coefficient: 0.2, parameters: arena.values.base, gradients: arena.gradients.base)
        #expect(abs(penalty - expected) < 1e-6)
        for i in 0..<ignored.count { #expect(arena.gradients[ignored.offset + i] == 0) }
        let error = worstGradientError(
            values: arena.values.base, count: arena.values.count, analytic: arena.gradients.array
        ) { NeuralNetwork.l2Penalty(of: [w, b], coefficient: 0.2, parameters: arena.values.base) }
        #expect(error < 1e-2, "worst error \(error)")
    }
}
