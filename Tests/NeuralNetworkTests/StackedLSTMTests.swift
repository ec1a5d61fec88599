import Testing
import TestSupport
@testable import NeuralNetwork
import TensorCore

@Suite("Stacked LSTM")
struct StackedLSTMTests {
    /// A stack with random parameters, input, initial state and output weights.
    struct Fixture {
        let inputSize = 3
        let hidden = 4
        let steps = 5
        let batch = 2
        let stack: StackedLSTM
        let arena: ParameterArena
        let input: FloatBuffer
        let outputWeights: FloatBuffer
        let initial: StackedLSTM.State
        let cache: StackedLSTM.Cache

        init(layers: Int, dropoutRate: Float, seed: UInt64) {
            var layout = ParameterLayout()
            stack = StackedLSTM(
                name: "s", inputSize: inputSize, hiddenSize: hidden, layerCount: layers,
                dropoutRate: dropoutRate, layout: &layout)
            arena = ParameterArena(layout: layout)
            fillNormal(arena.values.base, count: arena.values.count, scale: 0.5, seed: seed)
            input = FloatBuffer(count: steps * batch * inputSize)
            fillNormal(input.base, count: input.count, scale: 1, seed: seed + 1)
            outputWeights = FloatBuffer(count: steps * batch * hidden)
            fillNormal(outputWeights.base, count: outputWeights.count, scale: 1, seed: seed + 2)
            initial = StackedLSTM.State(batchCapacity: batch, lstm: stack)
            fillNormal(initial.hidden.base, count: initial.hidden.count, scale: 0.5, seed: seed + 3)
            fillNormal(initial.cell.base, count: initial.cell.count, scale: 0.5, seed: seed + 4)
            cache = StackedLSTM.Cache(steps: steps, batch: batch, lstm: stack)
        }

        /// `sum(output ⊙ outputWeights)` after a forward pass.
        func loss(training: Bool, fromInitial: Bool) -> Double {
            stack.forward(
                input: input.base, steps: steps, batch: batch, initialState: fromInitial ? initial : nil,
                training: training, parameters: arena.values.base, cache: cache)
            return (0..<outputWeights.count).reduce(0.0) { $0 + Double(cache.output[$1] * outputWeights[$1]) }
        }
    }

    @Test(
        "parameter, input and initial-state gradients match finite differences, dropout on and off",
        arguments: [1, 2, 3], [false, true])
    func gradients(layers: Int, dropping: Bool) {
        let f = Fixture(layers: layers, dropoutRate: dropping ? 0.4 : 0, seed: UInt64(10 * layers))
        if dropping {
            var random = SplitMix64(seed: 99)
            f.stack.drawDropoutMasks(rows: f.steps * f.batch, cache: f.cache, using: &random)
        }
        for fromInitial in [false, true] {
            _ = f.loss(training: dropping, fromInitial: fromInitial)
            f.arena.gradients.zero()
            let inputGradient = FloatBuffer(count: f.input.count)
            let stateGradient = StackedLSTM.State(batchCapacity: f.batch, lstm: f.stack)
            f.stack.backward(
                input: f.input.base, steps: f.steps, batch: f.batch, outputGradient: f.outputWeights.base,
                inputGradient: inputGradient.base, initialState: fromInitial ? f.initial : nil,
                initialStateGradient: fromInitial ? stateGradient : nil, training: dropping,
                parameters: f.arena.values.base, gradients: f.arena.gradients.base, cache: f.cache)
            let loss = { f.loss(training: dropping, fromInitial: fromInitial) }
            expectGradientsMatchFiniteDifferences(
                arena: f.arena, input: f.input, inputGradient: inputGradient, loss: loss)
            guard fromInitial else { continue }
            let hiddenError = worstGradientError(
                values: f.initial.hidden.base, count: f.initial.hidden.count,
                analytic: stateGradient.hidden.array, loss: loss)
            let cellError = worstGradientError(
                values: f.initial.cell.base, count: f.initial.cell.count,
                analytic: stateGradient.cell.array, loss: loss)
            #expect(hiddenError < 1e-2, "worst initial hidden error \(hiddenError)")
            #expect(cellError < 1e-2, "worst initial cell error \(cellError)")
        }
    }

    @Test("dropout changes the training output only, and the masks come from the seed")
    func dropoutMasks() {
        let f = Fixture(layers: 2, dropoutRate: 0.5, seed: 40)
        let rows = f.steps * f.batch
        func trainingOutput(seed: UInt64) -> [Float] {
            var random = SplitMix64(seed: seed)
            f.stack.drawDropoutMasks(rows: rows, cache: f.cache, using: &random)
            _ = f.loss(training: true, fromInitial: false)
            return Array(UnsafeBufferPointer(start: f.cache.output, count: rows * f.hidden))
        }
        let first = trainingOutput(seed: 1)
        #expect(first == trainingOutput(seed: 1))
        #expect(first != trainingOutput(seed: 2))
        _ = f.loss(training: false, fromInitial: false)
        let inference = Array(UnsafeBufferPointer(start: f.cache.output, count: rows * f.hidden))
        #expect(inference != first)
        // Inference is the stack without dropout.
        var layout = ParameterLayout()
        let plain = StackedLSTM(name: "s", inputSize: f.inputSize, hiddenSize: f.hidden, layerCount: 2, layout: &layout)
        let plainCache = StackedLSTM.Cache(steps: f.steps, batch: f.batch, lstm: plain)
        plain.forward(
            input: f.input.base, steps: f.steps, batch: f.batch, training: true,
            parameters: f.arena.values.base, cache: plainCache)
        #expect(Array(UnsafeBufferPointer(start: plainCache.output, count: rows * f.hidden)) == inference)
    }

    @Test("one layer is the single LSTM, tensor names and numbers alike")
    func oneLayerIsTheLSTM() {
        let f = Fixture(layers: 1, dropoutRate: 0.3, seed: 50)
        var layout = ParameterLayout()
        let single = LSTM(name: "s", inputSize: f.inputSize, hiddenSize: f.hidden, layout: &layout)
        #expect(layout.slots == f.arena.layout.slots)
        let cache = LSTM.Cache(steps: f.steps, batch: f.batch, hiddenSize: f.hidden)
        single.forward(input: f.input.base, steps: f.steps, batch: f.batch, parameters: f.arena.values.base, cache: cache)
        _ = f.loss(training: true, fromInitial: false)
        let rows = f.steps * f.batch * f.hidden
        #expect(cache.hidden.array.prefix(rows) == Array(UnsafeBufferPointer(start: f.cache.output, count: rows))[...])
        let expected = FloatBuffer(count: f.arena.gradients.count)
        single.backward(
            input: f.input.base, steps: f.steps, batch: f.batch, hiddenGradient: f.outputWeights.base,
            inputGradient: nil, parameters: f.arena.values.base, gradients: expected.base, cache: cache)
        f.arena.gradients.zero()
        f.stack.backward(
            input: f.input.base, steps: f.steps, batch: f.batch, outputGradient: f.outputWeights.base,
            inputGradient: nil, training: true, parameters: f.arena.values.base,
            gradients: f.arena.gradients.base, cache: f.cache)
        #expect(f.arena.gradients.array == expected.array)
    }

    @Test("a run split in two chunks with the final state carried equals the whole run, and steps equal it too")
    func carriedStateAndSteps() {
        let f = Fixture(layers: 3, dropoutRate: 0, seed: 60)
        let (b, h, i) = (f.batch, f.hidden, f.inputSize)
        _ = f.loss(training: false, fromInitial: true)
        let whole = Array(UnsafeBufferPointer(start: f.cache.output, count: f.steps * b * h))
        let split = 2
        let first = StackedLSTM.Cache(steps: split, batch: b, lstm: f.stack)
        let second = StackedLSTM.Cache(steps: f.steps - split, batch: b, lstm: f.stack)
        let carried = StackedLSTM.State(batchCapacity: b, lstm: f.stack)
        carried.hidden.copy(from: f.initial.hidden.base)
        carried.cell.copy(from: f.initial.cell.base)
        f.stack.forward(
            input: f.input.base, steps: split, batch: b, initialState: carried,
            parameters: f.arena.values.base, cache: first)
        f.stack.copyFinalState(steps: split, batch: b, cache: first, into: carried)
        f.stack.forward(
            input: f.input.base + split * b * i, steps: f.steps - split, batch: b, initialState: carried,
            parameters: f.arena.values.base, cache: second)
        let chunked =
            Array(UnsafeBufferPointer(start: first.output, count: split * b * h))
            + Array(UnsafeBufferPointer(start: second.output, count: (f.steps - split) * b * h))
        #expect(chunked == whole)

        let state = StackedLSTM.State(batchCapacity: b, lstm: f.stack)
        state.hidden.copy(from: f.initial.hidden.base)
        state.cell.copy(from: f.initial.cell.base)
        let scratch = FloatBuffer(count: b * 4 * h)
        for t in 0..<f.steps {
            f.stack.step(
                input: f.input.base + t * b * i, state: state, batch: b, parameters: f.arena.values.base,
                scratch: scratch.base)
            let top = state.hidden(layer: 2)
            for j in 0..<(b * h) { #expect(abs(top[j] - whole[t * b * h + j]) < 1e-6) }
        }
    }
}
