import Foundation
import Testing
import TestSupport
@testable import NeuralNetwork
import TensorCore

@Suite("Highway layer")
struct HighwayTests {
    let size = 6
    let rows = 5

    func makeLayer(gateBias: Float) -> (Highway, ParameterArena) {
        var layout = ParameterLayout()
        let layer = Highway(name: "h", size: size, gateBias: gateBias, layout: &layout)
        let arena = ParameterArena(layout: layout)
        fillNormal(arena.values.base, count: arena.values.count, scale: 0.6, seed: 21)
        return (layer, arena)
    }

    @Test("forward is t * relu(x Wh + bh) + (1 - t) * x with t = sigmoid(x Wt + bt + gateBias)")
    func forwardMatchesFormula() {
        let (layer, arena) = makeLayer(gateBias: -2)
        let input = FloatBuffer(count: rows * size)
        fillNormal(input.base, count: input.count, scale: 1, seed: 22)
        let cache = Highway.Cache(capacity: rows, size: size)
        // Split as a model does: rows in two ranges, the products in two column blocks.
        for columns in [0..<size, size..<(2 * size)] {
            layer.project(input: input.base, rows: 0..<rows, columns: columns, parameters: arena.values.base, cache: cache)
        }
        layer.activate(input: input.base, rows: 0..<2, cache: cache)
        layer.activate(input: input.base, rows: 2..<rows, cache: cache)
        let w = arena.values.base + layer.weights.offset
        let b = arena.values.base + layer.bias.offset
        for r in 0..<rows {
            for i in 0..<size {
                var h = Double(b[i])
                var t = Double(b[size + i]) - 2
                for k in 0..<size {
                    h += Double(input[r * size + k]) * Double(w[k * 2 * size + i])
                    t += Double(input[r * size + k]) * Double(w[k * 2 * size + size + i])
                }
                let gate = 1 / (1 + Foundation.exp(-t))
                let expected = gate * max(h, 0) + (1 - gate) * Double(input[r * size + i])
                #expect(abs(Double(cache.output[r * size + i]) - expected) < 1e-5)
            }
        }
    }

    @Test("weight, bias and input gradients match finite differences, split by rows, columns and input features")
    func gradients() {
        let (layer, arena) = makeLayer(gateBias: -0.5)
        let input = FloatBuffer(count: rows * size)
        fillNormal(input.base, count: input.count, scale: 1, seed: 23)
        let lossWeights = FloatBuffer(count: rows * size)
        fillNormal(lossWeights.base, count: lossWeights.count, scale: 1, seed: 24)
        let cache = Highway.Cache(capacity: rows, size: size)
        func loss() -> Double {
            layer.forward(input: input.base, rows: 0..<rows, parameters: arena.values.base, cache: cache)
            return (0..<(rows * size)).reduce(0.0) { $0 + Double(cache.output[$1] * lossWeights[$1]) }
        }
        _ = loss()
        arena.gradients.zero()
        let inputGradient = FloatBuffer(count: input.count)
        for part in [0..<3, 3..<rows] {
            layer.backpropagateActivations(
                input: input.base, outputGradient: lossWeights.base, rows: part, cache: cache)
        }
        // The weight gradient by column blocks and blocks of input features (the bias
        // gradient comes with the block that starts at feature 0).
        for columns in [0..<4, 4..<(2 * size)] {
            for features in [0..<2, 2..<size] {
                layer.accumulateParameterGradients(
                    input: input.base, rows: rows, columns: columns, features: features,
                    gradients: arena.gradients.base, cache: cache)
            }
        }
        for part in [0..<1, 1..<rows] {
            layer.inputGradient(
                outputGradient: lossWeights.base, rows: part, parameters: arena.values.base, cache: cache,
                into: inputGradient.base)
        }
        // A split of the fused columns, the carry in one part, adds up to the same gradient.
        let transformPart = FloatBuffer(count: input.count)
        let gatePart = FloatBuffer(count: input.count)
        layer.inputGradient(
            outputGradient: lossWeights.base, rows: 0..<rows, columns: 0..<5, parameters: arena.values.base,
            cache: cache, into: transformPart.base)
        layer.inputGradient(
            outputGradient: lossWeights.base, rows: 0..<rows, columns: 5..<(2 * size), includingCarry: false,
            parameters: arena.values.base, cache: cache, into: gatePart.base)
        for i in 0..<input.count {
            #expect(abs(transformPart[i] + gatePart[i] - inputGradient[i]) < 1e-5)
        }
        expectGradientsMatchFiniteDifferences(
            arena: arena, input: input, inputGradient: inputGradient, loss: loss)
    }
}
