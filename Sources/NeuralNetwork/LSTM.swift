import TensorCore

/// A single-layer LSTM with the gate equations of the SeqGAN code (row-vector convention):
///
///     i = σ(x Wi + h Ui + bi)    f = σ(x Wf + h Uf + bf)
///     o = σ(x Wo + h Uo + bo)    g = tanh(x Wc + h Uc + bc)
///     c = f ⊙ c' + i ⊙ g         h = o ⊙ tanh(c)
///
/// The four gates are fused column blocks `[i | f | o | g]` of one `[I, 4H]` input matrix, one
/// `[H, 4H]` recurrent matrix and one `[4H]` bias. A sequence is run time-major: row
/// `t * B + b` holds step `t` of sequence `b`. The input projection of all steps is one
/// product; each step adds one fused recurrent product. The products of the time loop (and
/// the input projection, the input gradient and the weight gradients) are ``TiledProduct``s,
/// which read the weights in place.
///
/// A run starts from zero (`h_-1 = c_-1 = 0`) or from a given state `[B, H]` each, whose
/// gradient the backward pass can return (see ``StackedLSTM`` for chunked training).
public struct LSTM: Sendable {
    /// `I`, the input width.
    public let inputSize: Int
    /// `H`, the hidden width.
    public let hiddenSize: Int
    /// `[I, 4H]`, gate blocks i, f, o, g.
    public let inputWeights: ParameterSlot
    /// `[H, 4H]`, gate blocks i, f, o, g.
    public let recurrentWeights: ParameterSlot
    /// `[4H]`, gate blocks i, f, o, g.
    public let bias: ParameterSlot

    /// Registers the LSTM's tensors as `name.inputWeights`, `name.recurrentWeights` and
    /// `name.bias` in `layout`.
    public init(name: String, inputSize: Int, hiddenSize: Int, layout: inout ParameterLayout) {
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        inputWeights = layout.add("\(name).inputWeights", shape: [inputSize, 4 * hiddenSize])
        recurrentWeights = layout.add(
            "\(name).recurrentWeights", shape: [hiddenSize, 4 * hiddenSize])
        bias = layout.add("\(name).bias", shape: [4 * hiddenSize])
    }

    /// Runs `steps` steps over `batch` sequences from a given state or from zero.
    ///
    /// - Parameters:
    ///   - input: `[N, I]`: time-major, `N = T*B`, or packed by `lengths`.
    ///   - lengths: `[B]` steps each sequence runs, longest first, or `nil` for all `T`. With
    ///     lengths the rows are packed (see ``stepStarts(steps:batch:lengths:into:)``), and a
    ///     sequence's steps after its length are not run at all.
    ///   - initialHidden: `[B, H]`, the hidden state before the first step, or `nil` for zero.
    ///   - initialCell: `[B, H]`, the cell before the first step, or `nil` for zero.
    ///   - cache: Receives the activations; `cache.hidden` is the output `[N, H]`.
    public func forward(
        input: UnsafePointer<Float>, steps: Int, batch: Int, lengths: UnsafePointer<Int>? = nil,
        initialHidden: UnsafePointer<Float>? = nil, initialCell: UnsafePointer<Float>? = nil,
        parameters: UnsafePointer<Float>, cache: Cache
    ) {
        let h = hiddenSize
        let g = 4 * h
        let starts = cache.layOut(steps: steps, batch: batch, lengths: lengths)
        let rows = starts[steps]
        let z = cache.gates.base
        TiledProduct.multiply(
            m: rows, n: g, k: inputSize, a: input, aRowStride: inputSize, aDepthStride: 1,
            b: parameters + inputWeights.offset, ldb: g, c: z, ldc: g, startRow: parameters + bias.offset)
        for t in 0..<steps {
            let start = starts[t]
            let count = starts[t + 1] - start
            guard count > 0 else { break }
            // The sequences still running are the first `count` of the step before.
            let previous = t > 0 ? starts[t - 1] : 0
            let previousHidden: UnsafePointer<Float>? =
                t > 0 ? UnsafePointer(cache.hidden.base + previous * h) : initialHidden
            if let previousHidden {
                TiledProduct.multiply(
                    m: count, n: g, k: h, a: previousHidden, aRowStride: h, aDepthStride: 1,
                    b: parameters + recurrentWeights.offset, ldb: g, c: z + start * g, ldc: g)
            }
            let previousCells: UnsafePointer<Float>? =
                t > 0 ? UnsafePointer(cache.cells.base + previous * h) : initialCell
            for row in 0..<count {
                LSTM.activate(
                    gates: z + (start + row) * g, hiddenSize: h,
                    previousCell: previousCells.map { $0 + row * h },
                    cell: cache.cells.base + (start + row) * h,
                    tanhCell: cache.tanhCells.base + (start + row) * h,
                    hidden: cache.hidden.base + (start + row) * h)
            }
        }
    }

    /// Back-propagates through the sequence of the last ``forward(input:steps:batch:lengths:initialHidden:initialCell:parameters:cache:)``.
    ///
    /// With `dz_t` the gate pre-activation gradients of step `t`:
    /// `dW += xᵀ dz`, `dU += [h_-1; h_0; ...; h_T-2]ᵀ dz`, `db += Σ dz`, `dx = dz Wᵀ`,
    /// `dh_-1 = dz_0 Uᵀ` and `dc_-1 = dc_0 ⊙ f_0`.
    ///
    /// A row has `dz = 0` at every step after the last one where its hidden-state gradient is
    /// nonzero (the padding after a sequence's end, which carries no weight): those rows are
    /// not run. The rows that are run are stored compactly, in step order, and the weight
    /// gradients are summed over them alone; the skipped rows' input gradient is zero. With no
    /// row skipped, the products run over the rows in place.
    ///
    /// - Parameters:
    ///   - input: The same `[N, I]` input as the forward pass.
    ///   - lengths: The forward pass's sequence lengths (`nil` for all `T`).
    ///   - hiddenGradient: `[N, H]`, the loss gradient with respect to every hidden state.
    ///   - inputGradient: Receives `[N, I]` (overwritten), or `nil` to skip it.
    ///   - initialHidden: The forward pass's initial hidden state (`nil` for zero).
    ///   - initialCell: The forward pass's initial cell (`nil` for zero).
    ///   - initialHiddenGradient: Receives `[B, H]`, the gradient with respect to the initial
    ///     hidden state (overwritten), or `nil` to skip it.
    ///   - initialCellGradient: Receives `[B, H]` for the initial cell, or `nil`.
    ///   - gradients: The arena-shaped gradient buffer the weight gradients are added to.
    public func backward(
        input: UnsafePointer<Float>, steps: Int, batch: Int, lengths: UnsafePointer<Int>? = nil,
        hiddenGradient: UnsafePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?,
        initialHidden: UnsafePointer<Float>? = nil, initialCell: UnsafePointer<Float>? = nil,
        initialHiddenGradient: UnsafeMutablePointer<Float>? = nil,
        initialCellGradient: UnsafeMutablePointer<Float>? = nil,
        parameters: UnsafePointer<Float>, gradients: UnsafeMutablePointer<Float>, cache: Cache
    ) {
        let h = hiddenSize
        let g = 4 * h
        let starts = UnsafePointer(cache.layOut(steps: steps, batch: batch, lengths: lengths))
        let plan = cache.planActiveRows(hiddenGradient: hiddenGradient, steps: steps, batch: batch, hiddenSize: h)
        let dz = cache.gateGradients(hiddenSize: h)
        let dhNext = cache.hiddenCarry.base
        let dcNext = cache.cellCarry.base
        // A sequence's carries stay zero until its last step that runs.
        dhNext.update(repeating: 0, count: batch * h)
        dcNext.update(repeating: 0, count: batch * h)
        initialHiddenGradient?.update(repeating: 0, count: batch * h)
        let transposedU = cache.transposedRecurrent.base
        TiledProduct.transpose(
            parameters + recurrentWeights.offset, rows: h, columns: g, ldb: g, into: transposedU)
        for t in stride(from: steps - 1, through: 0, by: -1) {
            let first = plan.stepOffsets[t]
            let count = plan.stepOffsets[t + 1] - first
            guard count > 0 else { continue }
            let start = starts[t]
            let whole = count == starts[t + 1] - start
            let previousCells: UnsafePointer<Float>? =
                t > 0 ? UnsafePointer(cache.cells.base + starts[t - 1] * h) : initialCell
            if whole {
                LSTM.gateGradients(
                    gates: cache.gates.base + start * g, tanhCells: cache.tanhCells.base + start * h,
                    previousCells: previousCells, hiddenGradient: hiddenGradient + start * h,
                    hiddenCarry: dhNext, cellCarry: dcNext, rows: count, hiddenSize: h,
                    into: dz + first * g)
            } else {
                for r in first..<(first + count) {
                    let row = Int(plan.rowIndices[r])
                    let b = row - start
                    LSTM.gateGradients(
                        gates: cache.gates.base + row * g, tanhCells: cache.tanhCells.base + row * h,
                        previousCells: previousCells.map { $0 + b * h },
                        hiddenGradient: hiddenGradient + row * h, hiddenCarry: dhNext + b * h,
                        cellCarry: dcNext + b * h, rows: 1, hiddenSize: h, into: dz + r * g)
                }
            }
            guard let target = t > 0 ? dhNext : initialHiddenGradient else { continue }
            if whole {
                TiledProduct.multiply(
                    m: count, n: h, k: g, a: dz + first * g, aRowStride: g, aDepthStride: 1,
                    b: transposedU, ldb: h, c: target, ldc: h, overwrite: true)
            } else {
                // The rows of this step that have a gradient, then back to their places (the
                // others' carries stay zero).
                let compact = cache.compactCarry.base
                TiledProduct.multiply(
                    m: count, n: h, k: g, a: dz + first * g, aRowStride: g, aDepthStride: 1,
                    b: transposedU, ldb: h, c: compact, ldc: h, overwrite: true)
                for r in first..<(first + count) {
                    let b = Int(plan.rowIndices[r]) - start
                    (target + b * h).update(from: compact + (r - first) * h, count: h)
                }
            }
        }
        initialCellGradient?.update(from: dcNext, count: batch * h)
        if plan.count == steps * batch {
            accumulateWeightGradients(
                input: input, steps: steps, batch: batch, initialHidden: initialHidden,
                inputGradient: inputGradient, parameters: parameters, gradients: gradients, cache: cache)
        } else {
            accumulateActiveRowGradients(
                input: input, steps: steps, batch: batch, starts: starts, plan: plan,
                initialHidden: initialHidden, inputGradient: inputGradient, parameters: parameters,
                gradients: gradients, cache: cache)
        }
    }

    /// The weight and input gradients from `dz` of every one of the `T x B` rows (every
    /// sequence runs all `T` steps, and every row has a gradient).
    private func accumulateWeightGradients(
        input: UnsafePointer<Float>, steps: Int, batch: Int, initialHidden: UnsafePointer<Float>?,
        inputGradient: UnsafeMutablePointer<Float>?, parameters: UnsafePointer<Float>,
        gradients: UnsafeMutablePointer<Float>, cache: Cache
    ) {
        let g = 4 * hiddenSize
        let rows = steps * batch
        let dz = cache.gateGradients(hiddenSize: hiddenSize)
        TiledProduct.accumulateTransposed(
            m: hiddenSize, n: g, k: rows - batch, a: cache.hidden.base, lda: hiddenSize,
            b: dz + batch * g, ldb: g, c: gradients + recurrentWeights.offset, ldc: g)
        if let initialHidden {
            TiledProduct.accumulateTransposed(
                m: hiddenSize, n: g, k: batch, a: initialHidden, lda: hiddenSize, b: dz, ldb: g,
                c: gradients + recurrentWeights.offset, ldc: g)
        }
        TiledProduct.accumulateTransposed(
            m: inputSize, n: g, k: rows, a: input, lda: inputSize, b: dz, ldb: g,
            c: gradients + inputWeights.offset, ldc: g)
        VectorMath.accumulateColumnSums(of: dz, rows: rows, columns: g, into: gradients + bias.offset)
        if let inputGradient {
            TiledProduct.multiply(
                m: rows, n: inputSize, k: g, a: dz, aRowStride: g, aDepthStride: 1,
                b: transposedInputWeights(parameters: parameters, cache: cache), ldb: inputSize,
                c: inputGradient, ldc: inputSize, overwrite: true)
        }
    }

    /// The weight and input gradients from the `plan.count` rows of `dz` that have one, stored
    /// compactly: their previous hidden states are gathered next to them, and so are their
    /// inputs unless every row of the layout runs (the rows are then the input's own); the
    /// input gradient of every other row is zero.
    private func accumulateActiveRowGradients(
        input: UnsafePointer<Float>, steps: Int, batch: Int, starts: UnsafePointer<Int>,
        plan: Cache.ActiveRows, initialHidden: UnsafePointer<Float>?,
        inputGradient: UnsafeMutablePointer<Float>?, parameters: UnsafePointer<Float>,
        gradients: UnsafeMutablePointer<Float>, cache: Cache
    ) {
        let h = hiddenSize
        let g = 4 * h
        let count = plan.count
        let everyRow = count == starts[steps]
        let dz = cache.gateGradients(hiddenSize: hiddenSize)
        let previous = cache.compactHidden(hiddenSize: h)
        let gathered = everyRow ? nil : cache.compactInputs(inputSize: inputSize)
        for t in 0..<steps {
            for r in plan.stepOffsets[t]..<plan.stepOffsets[t + 1] {
                let row = Int(plan.rowIndices[r])
                let b = row - starts[t]
                let target = previous + r * h
                if t > 0 {
                    target.update(from: cache.hidden.base + (starts[t - 1] + b) * h, count: h)
                } else if let initialHidden {
                    target.update(from: initialHidden + b * h, count: h)
                } else {
                    target.update(repeating: 0, count: h)
                }
                (gathered.map { $0 + r * inputSize })?.update(from: input + row * inputSize, count: inputSize)
            }
        }
        TiledProduct.accumulateTransposed(
            m: h, n: g, k: count, a: previous, lda: h, b: dz, ldb: g,
            c: gradients + recurrentWeights.offset, ldc: g)
        TiledProduct.accumulateTransposed(
            m: inputSize, n: g, k: count, a: gathered.map { UnsafePointer($0) } ?? input, lda: inputSize,
            b: dz, ldb: g, c: gradients + inputWeights.offset, ldc: g)
        VectorMath.accumulateColumnSums(of: dz, rows: count, columns: g, into: gradients + bias.offset)
        guard let inputGradient else { return }
        let transposedW = transposedInputWeights(parameters: parameters, cache: cache)
        guard let inputs = gathered else {
            TiledProduct.multiply(
                m: count, n: inputSize, k: g, a: dz, aRowStride: g, aDepthStride: 1, b: transposedW,
                ldb: inputSize, c: inputGradient, ldc: inputSize, overwrite: true)
            return
        }
        // The gathered inputs are no longer needed: their buffer takes the compact gradient.
        TiledProduct.multiply(
            m: count, n: inputSize, k: g, a: dz, aRowStride: g, aDepthStride: 1, b: transposedW,
            ldb: inputSize, c: inputs, ldc: inputSize, overwrite: true)
        inputGradient.update(repeating: 0, count: starts[steps] * inputSize)
        for r in 0..<count {
            (inputGradient + Int(plan.rowIndices[r]) * inputSize).update(
                from: inputs + r * inputSize, count: inputSize)
        }
    }

    /// `Wᵀ`, `[4H, I]`, written into `cache` for this backward pass.
    private func transposedInputWeights(
        parameters: UnsafePointer<Float>, cache: Cache
    ) -> UnsafePointer<Float> {
        let g = 4 * hiddenSize
        if (cache.transposedInput?.count ?? 0) < g * inputSize {
            cache.transposedInput = FloatBuffer(count: g * inputSize)
        }
        let transposed = cache.transposedInput!.base
        TiledProduct.transpose(
            parameters + inputWeights.offset, rows: inputSize, columns: g, ldb: g, into: transposed)
        return UnsafePointer(transposed)
    }

    /// Advances `batch` states by one step (no cache; for sampling).
    ///
    /// - Parameters:
    ///   - input: `[B, I]`.
    ///   - hidden: `[B, H]`, updated in place.
    ///   - cell: `[B, H]`, updated in place.
    ///   - scratch: `[B, 4H]` of working space.
    public func step(
        input: UnsafePointer<Float>, hidden: UnsafeMutablePointer<Float>,
        cell: UnsafeMutablePointer<Float>, batch: Int, parameters: UnsafePointer<Float>,
        scratch: UnsafeMutablePointer<Float>
    ) {
        let h = hiddenSize
        let g = 4 * h
        TiledProduct.multiply(
            m: batch, n: g, k: inputSize, a: input, aRowStride: inputSize, aDepthStride: 1,
            b: parameters + inputWeights.offset, ldb: g, c: scratch, ldc: g,
            startRow: parameters + bias.offset)
        TiledProduct.multiply(
            m: batch, n: g, k: h, a: hidden, aRowStride: h, aDepthStride: 1,
            b: parameters + recurrentWeights.offset, ldb: g, c: scratch, ldc: g)
        for row in 0..<batch {
            let z = scratch + row * g
            // The cell's tanh goes where the g gate was: the gates are not kept.
            LSTM.activate(
                gates: z, hiddenSize: h, previousCell: UnsafePointer(cell + row * h), cell: cell + row * h,
                tanhCell: z + 3 * h, hidden: hidden + row * h)
        }
    }

    /// One row's step from its gate pre-activations `z` (`[4H]`, gates i, f, o, g): the gates
    /// activated in place, the new cell, its tanh and the hidden state:
    ///
    ///     i, f, o = σ(z_i, z_f, z_o)   g = tanh z_g   c = f ⊙ c' + i ⊙ g   h = o ⊙ tanh c
    ///
    /// `previousCell` may be `cell`. (A single pass over the units that computes all five
    /// activations was tried: the compiler then calls most of the activations from the other
    /// module instead of inlining them, and it was slower.)
    @inline(__always)
    static func activate(
        gates z: UnsafeMutablePointer<Float>, hiddenSize h: Int, previousCell: UnsafePointer<Float>?,
        cell: UnsafeMutablePointer<Float>, tanhCell: UnsafeMutablePointer<Float>,
        hidden: UnsafeMutablePointer<Float>
    ) {
        VectorMath.sigmoid(z, count: 3 * h)
        VectorMath.tanh(z + 3 * h, count: h)
        if let previousCell {
            for j in 0..<h { cell[j] = z[h + j] * previousCell[j] + z[j] * z[3 * h + j] }
        } else {
            for j in 0..<h { cell[j] = z[j] * z[3 * h + j] }
        }
        tanhCell.update(from: cell, count: h)
        VectorMath.tanh(tanhCell, count: h)
        for j in 0..<h { hidden[j] = z[2 * h + j] * tanhCell[j] }
    }
}
