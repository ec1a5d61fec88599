import Foundation
import Testing
@testable import NeuralNetwork
import TensorCore

@Suite("Optimisers and sampling")
struct OptimizerTests {
    @Test("Adam's first two steps follow TensorFlow's bias-corrected formula")
    func adamSteps() {
        var layout = ParameterLayout()
        _ = layout.add("w", shape: [3])
        let arena = ParameterArena(layout: layout)
        let start: [Float] = [1, -2, 0.5]
        for i in 0..<3 { arena.values[i] = start[i] }
        let adam = Adam(parameterCount: arena.values.count, learningRate: 0.01)
        let grads: [[Float]] = [[0.1, -3, 0], [0.2, 1, -0.5]]
        var m = [Double](repeating: 0, count: 3)
        var v = [Double](repeating: 0, count: 3)
        var theta = start.map(Double.init)
        for (step, g) in grads.enumerated() {
            for i in 0..<3 { arena.gradients[i] = g[i] }
            adam.update(arena)
            let t = Double(step + 1)
            let lr = 0.01 * (1 - pow(0.999, t)).squareRoot() / (1 - pow(0.9, t))
            for i in 0..<3 {
                m[i] = 0.9 * m[i] + 0.1 * Double(g[i])
                v[i] = 0.999 * v[i] + 0.001 * Double(g[i]) * Double(g[i])
                theta[i] -= lr * m[i] / (v[i].squareRoot() + 1e-8)
                #expect(abs(Double(arena.values[i]) - theta[i]) < 1e-6)
            }
        }
        #expect(adam.step == 2)
    }

    @Test("a step size given to one update is used for it alone, as an optimiser of that rate would step")
    func adamStepSizeOfOneUpdate() {
        var layout = ParameterLayout()
        _ = layout.add("w", shape: [2])
        let given = ParameterArena(layout: layout), built = ParameterArena(layout: layout)
        let count = given.values.count
        let adam = Adam(parameterCount: count, learningRate: 0.01), small = Adam(parameterCount: count, learningRate: 0.001)
        for arena in [given, built] { (arena.gradients[0], arena.gradients[1]) = (0.3, -2) }
        adam.update(given, learningRate: 0.001)
        small.update(built)
        #expect(given.values.array == built.values.array && adam.learningRate == 0.01)
        adam.update(given)
        small.update(built)
        #expect(given.values.array != built.values.array)
    }

    @Test("clipping by global norm scales only when the norm is too large")
    func clipping() {
        let gradients = FloatBuffer(count: 4)
        for (i, g) in [3, 4, 0, 0].enumerated() { gradients[i] = Float(g) }
        #expect(clipByGlobalNorm(gradients, maxNorm: 10) == 5)
        #expect(gradients.array == [3, 4, 0, 0])
        #expect(clipByGlobalNorm(gradients, maxNorm: 1) == 5)
        #expect(abs(gradients[0] - 0.6) < 1e-6 && abs(gradients[1] - 0.8) < 1e-6)
    }

    @Test("draws follow softmax(logits / temperature)", arguments: [Float(1), 0.5, 2])
    func samplingFrequencies(temperature: Float) {
        let logits: [Float] = [1, 0, -1, 2, 0.5, -3, 1.5]
        let v = logits.count
        let expSum = logits.reduce(0.0) { $0 + Foundation.exp(Double($1 / temperature)) }
        let expected = logits.map { Foundation.exp(Double($0 / temperature)) / expSum }
        var counts = [Int](repeating: 0, count: v)
        var random = SplitMix64(seed: 11)
        let draws = 100_000
        let row = FloatBuffer(count: v)
        for _ in 0..<draws {
            for i in 0..<v { row[i] = logits[i] }
            counts[Sampling.drawIndex(fromLogits: row.base, count: v, temperature: temperature, uniform: random.nextUnitFloat())] += 1
        }
        for i in 0..<v {
            let observed = Double(counts[i]) / Double(draws)
            // Five standard errors of a binomial proportion.
            let tolerance = 5 * (expected[i] * (1 - expected[i]) / Double(draws)).squareRoot() + 1e-4
            #expect(abs(observed - expected[i]) < tolerance, "class \(i): \(observed) vs \(expected[i])")
        }
    }

    @Test("a draw over a long row crosses block boundaries correctly")
    func samplingLongRow() {
        let v = 300
        let row = FloatBuffer(count: v)
        // All mass on class 257: every draw must land there.
        for u in [Float(0), 0.3, 0.999_999] {
            for i in 0..<v { row[i] = i == 257 ? 0 : -200 }
            #expect(Sampling.drawIndex(fromLogits: row.base, count: v, temperature: 1, uniform: u) == 257)
        }
    }
}
