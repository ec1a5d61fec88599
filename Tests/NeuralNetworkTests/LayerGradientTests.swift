import Foundation
import Testing
import TestSupport
@testable import NeuralNetwork
import TensorCore

@Suite("Layer gradients by finite differences")
struct LayerGradientTests {
    @Test("Embedding: backward scatters the output gradient to the looked-up rows")
    func embedding() {
        var layout = ParameterLayout()
        let layer = Embedding(name: "e", vocabularySize: 6, dimension: 3, layout: &layout)
        let arena = ParameterArena(layout: layout)
        fillNormal(arena.values.base, count: arena.values.count, scale: 1, seed: 1)
        let tokens: [Int32] = [2, 5, 2, 0]
        let weights = FloatBuffer(count: tokens.count * 3)
        fillNormal(weights.base, count: weights.count, scale: 1, seed: 2)
        let output = FloatBuffer(count: tokens.count * 3)
        func loss() -> Double {
            layer.forward(tokens: tokens, count: tokens.count, parameters: arena.values.base, into: output.base)
            return (0..<output.count).reduce(0.0) { $0 + Double(output[$1] * weights[$1]) }
        }
        arena.gradients.zero()
        layer.backward(tokens: tokens, count: tokens.count, outputGradient: weights.base, gradients: arena.gradients.base)
        let worst = worstGradientError(
            values: arena.values.base, count: arena.values.count, analytic: arena.gradients.array, loss: loss)
        #expect(worst < 1e-2, "worst relative error \(worst)")
    }

    /// An LSTM with N(0, 0.5²) parameters drawn from `seed`, an `[steps, batch, inputSize]`
    /// input of N(0, 1) values drawn from `seed + 1`, and a cache for the run.
    static func lstmFixture(
        inputSize: Int, hidden: Int, steps: Int, batch: Int, seed: UInt64
    ) -> (LSTM, ParameterArena, FloatBuffer, LSTM.Cache) {
        var layout = ParameterLayout()
        let layer = LSTM(name: "l", inputSize: inputSize, hiddenSize: hidden, layout: &layout)
        let arena = ParameterArena(layout: layout)
        fillNormal(arena.values.base, count: arena.values.count, scale: 0.5, seed: seed)
        let input = FloatBuffer(count: steps * batch * inputSize)
        fillNormal(input.base, count: input.count, scale: 1, seed: seed + 1)
        return (layer, arena, input, LSTM.Cache(steps: steps, batch: batch, hiddenSize: hidden))
    }

    @Test("LSTM: weights, recurrent weights, bias and inputs over a whole sequence")
    func lstm() {
        let (inputSize, hidden, steps, batch) = (3, 4, 5, 2)
        let (layer, arena, input, cache) = Self.lstmFixture(
            inputSize: inputSize, hidden: hidden, steps: steps, batch: batch, seed: 3)
        let rows = steps * batch
        let outputWeights = FloatBuffer(count: rows * hidden)
        fillNormal(outputWeights.base, count: outputWeights.count, scale: 1, seed: 5)
        func loss() -> Double {
            layer.forward(input: input.base, steps: steps, batch: batch, parameters: arena.values.base, cache: cache)
            return (0..<(rows * hidden)).reduce(0.0) { $0 + Double(cache.hidden[$1] * outputWeights[$1]) }
        }
        _ = loss()
        arena.gradients.zero()
        let inputGradient = FloatBuffer(count: input.count)
        layer.backward(
            input: input.base, steps: steps, batch: batch, hiddenGradient: outputWeights.base,
            inputGradient: inputGradient.base, parameters: arena.values.base,
            gradients: arena.gradients.base, cache: cache)
        expectGradientsMatchFiniteDifferences(
            arena: arena, input: input, inputGradient: inputGradient, loss: loss)
    }

    @Test(
        "LSTM: each row's steps after its last nonzero hidden gradient are skipped; gradients still match finite differences",
        arguments: [[5, 5, 5], [3, 5, 1], [2, 0, 4], [0, 0, 0]])
    func lstmRowEnds(rowEnds: [Int]) {
        let (inputSize, hidden, steps, batch) = (3, 4, 5, 3)
        let (layer, arena, input, cache) = Self.lstmFixture(
            inputSize: inputSize, hidden: hidden, steps: steps, batch: batch, seed: 13)
        let rows = steps * batch
        let initialHidden = FloatBuffer(count: batch * hidden)
        let initialCell = FloatBuffer(count: batch * hidden)
        fillNormal(initialHidden.base, count: batch * hidden, scale: 1, seed: 15)
        fillNormal(initialCell.base, count: batch * hidden, scale: 1, seed: 16)
        // Row b's hidden states carry weight at steps 0..<rowEnds[b] only.
        let outputWeights = FloatBuffer(count: rows * hidden)
        fillNormal(outputWeights.base, count: rows * hidden, scale: 1, seed: 17)
        for t in 0..<steps {
            for b in 0..<batch where t >= rowEnds[b] {
                (outputWeights.base + (t * batch + b) * hidden).update(repeating: 0, count: hidden)
            }
        }
        func loss() -> Double {
            layer.forward(
                input: input.base, steps: steps, batch: batch, initialHidden: initialHidden.base,
                initialCell: initialCell.base, parameters: arena.values.base, cache: cache)
            return (0..<(rows * hidden)).reduce(0.0) { $0 + Double(cache.hidden[$1] * outputWeights[$1]) }
        }
        _ = loss()
        arena.gradients.zero()
        let inputGradient = FloatBuffer(count: input.count)
        inputGradient.base.update(repeating: 7, count: input.count)
        let hiddenGradient = FloatBuffer(count: batch * hidden)
        let cellGradient = FloatBuffer(count: batch * hidden)
        hiddenGradient.base.update(repeating: 7, count: batch * hidden)
        cellGradient.base.update(repeating: 7, count: batch * hidden)
        layer.backward(
            input: input.base, steps: steps, batch: batch, hiddenGradient: outputWeights.base,
            inputGradient: inputGradient.base, initialHidden: initialHidden.base,
            initialCell: initialCell.base, initialHiddenGradient: hiddenGradient.base,
            initialCellGradient: cellGradient.base, parameters: arena.values.base,
            gradients: arena.gradients.base, cache: cache)
        for t in 0..<steps {
            for b in 0..<batch where t >= rowEnds[b] {
                let start = (t * batch + b) * inputSize
                #expect(inputGradient.array[start..<(start + inputSize)].allSatisfy { $0 == 0 }, "step \(t), row \(b)")
            }
        }
        for b in 0..<batch where rowEnds[b] == 0 {
            #expect(hiddenGradient.array[(b * hidden)..<((b + 1) * hidden)].allSatisfy { $0 == 0 })
            #expect(cellGradient.array[(b * hidden)..<((b + 1) * hidden)].allSatisfy { $0 == 0 })
        }
        if rowEnds.allSatisfy({ $0 == 0 }) {
            #expect(arena.gradients.array.allSatisfy { $0 == 0 })
            return
        }
        expectGradientsMatchFiniteDifferences(
            arena: arena, input: input, inputGradient: inputGradient, loss: loss)
        let hiddenError = worstGradientError(
            values: initialHidden.base, count: initialHidden.count, analytic: hiddenGradient.array, loss: loss)
        let cellError = worstGradientError(
            values: initialCell.base, count: initialCell.count, analytic: cellGradient.array, loss: loss)
        #expect(hiddenError < 1e-2 && cellError < 1e-2, "initial state: worst relative errors \(hiddenError), \(cellError)")
    }

    @Test("LSTM: a step-by-step run equals the sequence run")
    func lstmStepMatchesSequence() {
        let (inputSize, hidden, steps, batch) = (3, 4, 5, 2)
        let (layer, arena, input, cache) = Self.lstmFixture(
            inputSize: inputSize, hidden: hidden, steps: steps, batch: batch, seed: 6)
        layer.forward(input: input.base, steps: steps, batch: batch, parameters: arena.values.base, cache: cache)
        let h = FloatBuffer(count: batch * hidden)
        let c = FloatBuffer(count: batch * hidden)
        let scratch = FloatBuffer(count: batch * 4 * hidden)
        for t in 0..<steps {
            layer.step(
                input: input.base + t * batch * inputSize, hidden: h.base, cell: c.base, batch: batch,
                parameters: arena.values.base, scratch: scratch.base)
            for i in 0..<(batch * hidden) {
                #expect(h[i] == cache.hidden[t * batch * hidden + i], "step \(t), value \(i)")
            }
        }
    }

    @Test("Softmax output layer: weighted cross-entropy, its losses and gradients, across tiles")
    func softmaxOutput() {
        let (inputSize, classes, rows) = (4, 11, 7)
        var layout = ParameterLayout()
        let layer = SoftmaxOutputLayer(name: "o", inputSize: inputSize, classCount: classes, layout: &layout)
        let arena = ParameterArena(layout: layout)
        fillNormal(arena.values.base, count: arena.values.count, scale: 1, seed: 8)
        let input = FloatBuffer(count: rows * inputSize)
        fillNormal(input.base, count: input.count, scale: 1, seed: 9)
        let targets: [Int32] = [0, 10, 3, 3, 7, 1, 9]
        let weights: [Float] = [0.5, -1, 2, 0.25, 1, 0.75, -0.5]
        let workspace = SoftmaxOutputLayer.Workspace(tileRows: 3, classCount: classes)
        let rowLosses = FloatBuffer(count: rows)
        func loss() -> Double {
            layer.crossEntropy(
                input: input.base, targets: targets, rows: rows, rowWeights: weights,
                rowLosses: rowLosses.base, parameters: arena.values.base, workspace: workspace)
        }
        // Reference losses in Double.
        let total = loss()
        var expectedTotal = 0.0
        for n in 0..<rows {
            var logits = [Double](repeating: 0, count: classes)
            for v in 0..<classes {
                var z = Double(arena.values[layer.bias.offset + v])
                for k in 0..<inputSize {
                    z += Double(input[n * inputSize + k]) * Double(arena.values[layer.weights.offset + k * classes + v])
                }
                logits[v] = z
            }
            let m = logits.max()!
            let logSum = m + Foundation.log(logits.reduce(0.0) { $0 + Foundation.exp($1 - m) })
            let expected = logSum - logits[Int(targets[n])]
            #expect(abs(Double(rowLosses[n]) - expected) < 1e-5)
            expectedTotal += Double(weights[n]) * expected
        }
        #expect(abs(total - expectedTotal) < 1e-4)

        arena.gradients.zero()
        let inputGradient = FloatBuffer(count: input.count)
        layer.crossEntropy(
            input: input.base, targets: targets, rows: rows, rowWeights: weights,
            inputGradient: inputGradient.base, gradients: arena.gradients.base,
            parameters: arena.values.base, workspace: workspace)
        expectGradientsMatchFiniteDifferences(
            arena: arena, input: input, inputGradient: inputGradient, loss: loss)
    }

    @Test(
        "Softmax output layer: logit offsets of -infinity restrict the softmax to the allowed classes, at temperature 1 and at a temperature dividing the logits",
        arguments: [Float(1), 0.7])
    func softmaxOutputMasked(temperature: Float) {
        let (inputSize, classes, rows) = (4, 11, 7)
        var layout = ParameterLayout()
        let layer = SoftmaxOutputLayer(name: "o", inputSize: inputSize, classCount: classes, layout: &layout)
        let arena = ParameterArena(layout: layout)
        fillNormal(arena.values.base, count: arena.values.count, scale: 1, seed: 8)
        let input = FloatBuffer(count: rows * inputSize)
        fillNormal(input.base, count: input.count, scale: 1, seed: 9)
        let targets: [Int32] = [0, 10, 3, 3, 7, 1, 9]
        let weights: [Float] = [0.5, -1, 2, 0.25, 1, 0.75, -0.5]
        // Row n allows its target and the classes whose index differs from n mod 3.
        var offsets = [Float](repeating: 0, count: rows * classes)
        for n in 0..<rows {
            for v in 0..<classes where v != Int(targets[n]) && v % 3 == n % 3 { offsets[n * classes + v] = -.infinity }
        }
        let workspace = SoftmaxOutputLayer.Workspace(tileRows: 3, classCount: classes)
        let rowLosses = FloatBuffer(count: rows)
        func loss() -> Double {
            layer.crossEntropy(
                input: input.base, targets: targets, rows: rows, logitOffsets: offsets, rowWeights: weights,
                temperature: temperature, rowLosses: rowLosses.base, parameters: arena.values.base, workspace: workspace)
        }
        _ = loss()
        for n in 0..<rows {
            var logits: [Double] = []
            var target = 0.0
            for v in 0..<classes where offsets[n * classes + v] == 0 {
                var z = Double(arena.values[layer.bias.offset + v])
                for k in 0..<inputSize {
                    z += Double(input[n * inputSize + k]) * Double(arena.values[layer.weights.offset + k * classes + v])
                }
                logits.append(z / Double(temperature))
                if v == Int(targets[n]) { target = z / Double(temperature) }
            }
            let m = logits.max()!
            let logSum = m + Foundation.log(logits.reduce(0.0) { $0 + Foundation.exp($1 - m) })
            #expect(abs(Double(rowLosses[n]) - (logSum - target)) < 1e-5)
        }
        arena.gradients.zero()
        let inputGradient = FloatBuffer(count: input.count)
        layer.crossEntropy(
            input: input.base, targets: targets, rows: rows, logitOffsets: offsets, rowWeights: weights,
            temperature: temperature, inputGradient: inputGradient.base, gradients: arena.gradients.base,
            parameters: arena.values.base, workspace: workspace)
        #expect(arena.gradients.array.allSatisfy { $0.isFinite })
        expectGradientsMatchFiniteDifferences(
            arena: arena, input: input, inputGradient: inputGradient, loss: loss)
    }

    @Test("Embedding: a row stride writes and reads only the first E columns of wider rows")
    func embeddingStride() {
        var layout = ParameterLayout()
        let layer = Embedding(name: "e", vocabularySize: 6, dimension: 3, layout: &layout)
        let arena = ParameterArena(layout: layout)
        fillNormal(arena.values.base, count: arena.values.count, scale: 1, seed: 1)
        let tokens: [Int32] = [2, 5, 2, 0]
        let output = FloatBuffer(count: tokens.count * 5)
        output.base.update(repeating: 7, count: output.count)
        layer.forward(tokens: tokens, count: 4, parameters: arena.values.base, into: output.base, rowStride: 5)
        for (n, token) in tokens.enumerated() {
            for k in 0..<3 { #expect(output[n * 5 + k] == arena.values[layer.table.offset + Int(token) * 3 + k]) }
            #expect(output[n * 5 + 3] == 7 && output[n * 5 + 4] == 7)
        }
        let gradient = FloatBuffer(count: tokens.count * 5)
        for i in 0..<gradient.count { gradient[i] = Float(i) }
        arena.gradients.zero()
        layer.backward(
            tokens: tokens, count: 4, outputGradient: gradient.base, gradients: arena.gradients.base, rowStride: 5)
        for token in 0..<6 {
            for k in 0..<3 {
                let expected = tokens.enumerated().filter { Int($0.element) == token }.reduce(Float(0)) {
                    $0 + Float($1.offset * 5 + k)
                }
                #expect(arena.gradients[layer.table.offset + token * 3 + k] == expected)
            }
        }
    }
}
