import Testing
import TestSupport
@testable import NeuralNetwork
import TensorCore

@Suite("LSTM over packed sequences of different lengths")
struct PackedLSTMTests {
    @Test("step starts: the sequences still running at each step, one step after the other")
    func stepStarts() {
        var starts = [Int](repeating: -1, count: 6)
        let total = [5, 4, 1, 0].withUnsafeBufferPointer { lengths in
            LSTM.stepStarts(steps: 5, batch: 4, lengths: lengths.baseAddress!, into: &starts)
        }
        // Step 0 runs three sequences, steps 1-3 two, step 4 one.
        #expect(total == 5 + 4 + 1)
        #expect(starts == [0, 3, 5, 7, 9, 10])
        let plain = LSTM.stepStarts(steps: 5, batch: 4, lengths: nil, into: &starts)
        #expect(plain == 20 && starts == [0, 4, 8, 12, 16, 20])
        [5, 4, 1, 0].withUnsafeBufferPointer { lengths in
            #expect(LSTM.rowCount(steps: 5, batch: 4, lengths: lengths.baseAddress!) == 10)
            #expect(LSTM.packedRow(step: 1, sequence: 1, batch: 4, lengths: lengths.baseAddress!) == 4)
        }
    }

    /// A layer run over `lengths` both ways: time-major over all `T x B` rows with the
    /// padding's output gradient zero, and packed.
    struct Fixture {
        let inputSize = 3
        let hidden = 5
        let steps = 6
        let batch = 4
        let lengths = [6, 4, 4, 0]
        let layer: LSTM
        let arena: ParameterArena
        /// `[T*B, I]`, random at the padding too.
        let input: FloatBuffer
        /// `[T*B, H]` loss weights of the hidden states, zero after each sequence's end.
        let outputWeights: FloatBuffer
        let initialHidden: FloatBuffer
        let initialCell: FloatBuffer
        /// The packed row of each `(t, b)` that runs.
        var packedRows: [(full: Int, packed: Int)] = []
        var packedCount: Int { packedRows.count }

        init() {
            var layout = ParameterLayout()
            layer = LSTM(name: "l", inputSize: inputSize, hiddenSize: hidden, layout: &layout)
            arena = ParameterArena(layout: layout)
            fillNormal(arena.values.base, count: arena.values.count, scale: 0.5, seed: 21)
            input = FloatBuffer(count: steps * batch * inputSize)
            fillNormal(input.base, count: input.count, scale: 1, seed: 22)
            outputWeights = FloatBuffer(count: steps * batch * hidden)
            fillNormal(outputWeights.base, count: outputWeights.count, scale: 1, seed: 23)
            initialHidden = FloatBuffer(count: batch * hidden)
            initialCell = FloatBuffer(count: batch * hidden)
            fillNormal(initialHidden.base, count: initialHidden.count, scale: 1, seed: 24)
            fillNormal(initialCell.base, count: initialCell.count, scale: 1, seed: 25)
            for t in 0..<steps {
                for b in 0..<batch {
                    let full = t * batch + b
                    if t < lengths[b] {
                        packedRows.append((full, packedRows.count))
                    } else {
                        (outputWeights.base + full * hidden).update(repeating: 0, count: hidden)
                    }
                }
            }
        }

        /// The rows `packedRows` of a `[T*B, width]` buffer, packed.
        func pack(_ full: FloatBuffer, width: Int) -> FloatBuffer {
            let packed = FloatBuffer(count: packedCount * width)
            for (f, p) in packedRows { (packed.base + p * width).update(from: full.base + f * width, count: width) }
            return packed
        }
    }

    @Test("a packed run equals the time-major run with its padding masked, bit for bit: states, gradients, final state")
    func packedEqualsMasked() {
        let f = Fixture()
        let full = LSTM.Cache(steps: f.steps, batch: f.batch, hiddenSize: f.hidden)
        f.layer.forward(
            input: f.input.base, steps: f.steps, batch: f.batch, initialHidden: f.initialHidden.base,
            initialCell: f.initialCell.base, parameters: f.arena.values.base, cache: full)
        let fullGradients = FloatBuffer(count: f.arena.values.count)
        let fullInputGradient = FloatBuffer(count: f.input.count)
        let fullHiddenGradient = FloatBuffer(count: f.batch * f.hidden)
        let fullCellGradient = FloatBuffer(count: f.batch * f.hidden)
        f.layer.backward(
            input: f.input.base, steps: f.steps, batch: f.batch, hiddenGradient: f.outputWeights.base,
            inputGradient: fullInputGradient.base, initialHidden: f.initialHidden.base,
            initialCell: f.initialCell.base, initialHiddenGradient: fullHiddenGradient.base,
            initialCellGradient: fullCellGradient.base, parameters: f.arena.values.base,
            gradients: fullGradients.base, cache: full)

        let packedInput = f.pack(f.input, width: f.inputSize)
        let packedWeights = f.pack(f.outputWeights, width: f.hidden)
        let packed = LSTM.Cache(steps: f.steps, batch: f.batch, hiddenSize: f.hidden)
        let packedGradients = FloatBuffer(count: f.arena.values.count)
        let packedInputGradient = FloatBuffer(count: packedInput.count)
        let packedHiddenGradient = FloatBuffer(count: f.batch * f.hidden)
        let packedCellGradient = FloatBuffer(count: f.batch * f.hidden)
        f.lengths.withUnsafeBufferPointer { lengths in
            f.layer.forward(
                input: packedInput.base, steps: f.steps, batch: f.batch, lengths: lengths.baseAddress!,
                initialHidden: f.initialHidden.base, initialCell: f.initialCell.base,
                parameters: f.arena.values.base, cache: packed)
            f.layer.backward(
                input: packedInput.base, steps: f.steps, batch: f.batch, lengths: lengths.baseAddress!,
                hiddenGradient: packedWeights.base, inputGradient: packedInputGradient.base,
                initialHidden: f.initialHidden.base, initialCell: f.initialCell.base,
                initialHiddenGradient: packedHiddenGradient.base, initialCellGradient: packedCellGradient.base,
                parameters: f.arena.values.base, gradients: packedGradients.base, cache: packed)
        }
        let h = f.hidden
        for (row, place) in f.packedRows {
            #expect(Array(UnsafeBufferPointer(start: packed.hidden.base + place * h, count: h))
                == Array(UnsafeBufferPointer(start: full.hidden.base + row * h, count: h)))
            #expect(Array(UnsafeBufferPointer(start: packed.cells.base + place * h, count: h))
                == Array(UnsafeBufferPointer(start: full.cells.base + row * h, count: h)))
            let i = f.inputSize
            #expect(Array(UnsafeBufferPointer(start: packedInputGradient.base + place * i, count: i))
                == Array(UnsafeBufferPointer(start: fullInputGradient.base + row * i, count: i)))
        }
        #expect(packedGradients.array == fullGradients.array)
        #expect(packedHiddenGradient.array == fullHiddenGradient.array)
        #expect(packedCellGradient.array == fullCellGradient.array)
        // The sequence that runs no step gets no initial-state gradient.
        #expect(packedHiddenGradient.array[(3 * h)..<(4 * h)].allSatisfy { $0 == 0 })
    }

    @Test("packed gradients match finite differences of the packed run")
    func packedFiniteDifferences() {
        let f = Fixture()
        let input = f.pack(f.input, width: f.inputSize)
        let weights = f.pack(f.outputWeights, width: f.hidden)
        let cache = LSTM.Cache(steps: f.steps, batch: f.batch, hiddenSize: f.hidden)
        f.lengths.withUnsafeBufferPointer { buffer in
            let lengths = buffer.baseAddress!
            func loss() -> Double {
                f.layer.forward(
                    input: input.base, steps: f.steps, batch: f.batch, lengths: lengths,
                    initialHidden: f.initialHidden.base, initialCell: f.initialCell.base,
                    parameters: f.arena.values.base, cache: cache)
                return (0..<weights.count).reduce(0.0) { $0 + Double(cache.hidden[$1] * weights[$1]) }
            }
            _ = loss()
            f.arena.gradients.zero()
            let inputGradient = FloatBuffer(count: input.count)
            let hiddenGradient = FloatBuffer(count: f.batch * f.hidden)
            let cellGradient = FloatBuffer(count: f.batch * f.hidden)
            f.layer.backward(
                input: input.base, steps: f.steps, batch: f.batch, lengths: lengths,
                hiddenGradient: weights.base, inputGradient: inputGradient.base,
                initialHidden: f.initialHidden.base, initialCell: f.initialCell.base,
                initialHiddenGradient: hiddenGradient.base, initialCellGradient: cellGradient.base,
                parameters: f.arena.values.base, gradients: f.arena.gradients.base, cache: cache)
            expectGradientsMatchFiniteDifferences(arena: f.arena, input: input, inputGradient: inputGradient, loss: loss)
            let hiddenError = worstGradientError(
                values: f.initialHidden.base, count: f.initialHidden.count, analytic: hiddenGradient.array, loss: loss)
            let cellError = worstGradientError(
                values: f.initialCell.base, count: f.initialCell.count, analytic: cellGradient.array, loss: loss)
            #expect(hiddenError < 1e-2 && cellError < 1e-2, "initial state: worst relative errors \(hiddenError), \(cellError)")
        }
    }

    @Test(
        "a packed stack with dropout: gradients match finite differences; the final state is each sequence's last",
        arguments: [0, 0.4])
    func packedStack(dropoutRate: Float) {
        let (inputSize, hidden, steps, batch) = (3, 4, 5, 3)
        let lengths = [5, 2, 0]
        var layout = ParameterLayout()
        let stack = StackedLSTM(
            name: "s", inputSize: inputSize, hiddenSize: hidden, layerCount: 2, dropoutRate: dropoutRate,
            layout: &layout)
        let arena = ParameterArena(layout: layout)
        fillNormal(arena.values.base, count: arena.values.count, scale: 0.5, seed: 31)
        let rows = lengths.reduce(0, +)
        let input = FloatBuffer(count: rows * inputSize)
        fillNormal(input.base, count: input.count, scale: 1, seed: 32)
        let weights = FloatBuffer(count: rows * hidden)
        fillNormal(weights.base, count: weights.count, scale: 1, seed: 33)
        let initial = StackedLSTM.State(batchCapacity: batch, lstm: stack)
        fillNormal(initial.hidden.base, count: initial.hidden.count, scale: 0.5, seed: 34)
        fillNormal(initial.cell.base, count: initial.cell.count, scale: 0.5, seed: 35)
        let cache = StackedLSTM.Cache(steps: steps, batch: batch, lstm: stack)
        var random = SplitMix64(seed: 36)
        stack.drawDropoutMasks(rows: rows, cache: cache, using: &random)
        let training = dropoutRate > 0
        lengths.withUnsafeBufferPointer { buffer in
            let lengths = buffer.baseAddress!
            func loss() -> Double {
                stack.forward(
                    input: input.base, steps: steps, batch: batch, lengths: lengths, initialState: initial,
                    training: training, parameters: arena.values.base, cache: cache)
                return (0..<weights.count).reduce(0.0) { $0 + Double(cache.output[$1] * weights[$1]) }
            }
            _ = loss()
            arena.gradients.zero()
            let inputGradient = FloatBuffer(count: input.count)
            stack.backward(
                input: input.base, steps: steps, batch: batch, lengths: lengths, outputGradient: weights.base,
                inputGradient: inputGradient.base, initialState: initial, training: training,
                parameters: arena.values.base, gradients: arena.gradients.base, cache: cache)
            expectGradientsMatchFiniteDifferences(arena: arena, input: input, inputGradient: inputGradient, loss: loss)

            // Rows of the packed layout: step 0 holds sequences 0 and 1 (rows 0, 1), step 1
            // the same (2, 3), steps 2-4 sequence 0 alone (4, 5, 6).
            _ = loss()
            let final = StackedLSTM.State(batchCapacity: batch, lstm: stack)
            final.hidden.copy(from: initial.hidden.base)
            final.cell.copy(from: initial.cell.base)
            stack.copyFinalState(steps: steps, batch: batch, lengths: lengths, cache: cache, into: final)
            for k in 0..<2 {
                let layer = cache.layers[k]
                for (b, row) in [(0, 6), (1, 3)] {
                    #expect(Array(UnsafeBufferPointer(start: final.hidden(layer: k) + b * hidden, count: hidden))
                        == Array(UnsafeBufferPointer(start: layer.hidden.base + row * hidden, count: hidden)))
                    #expect(Array(UnsafeBufferPointer(start: final.cell(layer: k) + b * hidden, count: hidden))
                        == Array(UnsafeBufferPointer(start: layer.cells.base + row * hidden, count: hidden)))
                }
                // The sequence that ran no step keeps its state.
                #expect(Array(UnsafeBufferPointer(start: final.hidden(layer: k) + 2 * hidden, count: hidden))
                    == Array(UnsafeBufferPointer(start: initial.hidden(layer: k) + 2 * hidden, count: hidden)))
            }
        }
    }
}
