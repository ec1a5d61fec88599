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

    /// The activations of one sequence forward pass, kept for the backward pass, and the
    /// backward pass's scratch space. Sized once for the largest `T x B`.
    public final class Cache: @unchecked Sendable {
        /// Rows (`T x B`) the cache can hold.
        public let capacity: Int
        let batchCapacity: Int
        /// Activated gates `[T*B, 4H]` (i, f, o, g).
        public let gates: FloatBuffer
        /// Cell states `[T*B, H]`.
        public let cells: FloatBuffer
        /// `tanh` of the cell states `[T*B, H]`.
        public let tanhCells: FloatBuffer
        /// Hidden states `[T*B, H]`: the layer's output.
        public let hidden: FloatBuffer
        let gateGradients: FloatBuffer
        let hiddenCarry: FloatBuffer
        let cellCarry: FloatBuffer
        /// `[4H, H]`: the recurrent matrix transposed, for the backward pass's `dz Uᵀ`.
        let transposedRecurrent: FloatBuffer
        /// `[4H, I]`: the input matrix transposed, for `dz Wᵀ`; sized by the first backward
        /// pass (the cache does not know `I`).
        var transposedInput: FloatBuffer?

        /// Allocates room for `steps x batch` rows of an LSTM with `hiddenSize` units.
        public init(steps: Int, batch: Int, hiddenSize: Int) {
            capacity = steps * batch
            batchCapacity = batch
            gates = FloatBuffer(count: capacity * 4 * hiddenSize)
            cells = FloatBuffer(count: capacity * hiddenSize)
            tanhCells = FloatBuffer(count: capacity * hiddenSize)
            hidden = FloatBuffer(count: capacity * hiddenSize)
            gateGradients = FloatBuffer(count: capacity * 4 * hiddenSize)
            hiddenCarry = FloatBuffer(count: batch * hiddenSize)
            cellCarry = FloatBuffer(count: batch * hiddenSize)
            transposedRecurrent = FloatBuffer(count: 4 * hiddenSize * hiddenSize)
        }
    }

    /// Runs `steps` steps over `batch` sequences from a given state or from zero.
    ///
    /// - Parameters:
    ///   - input: `[T*B, I]`, time-major.
    ///   - initialHidden: `[B, H]`, the hidden state before the first step, or `nil` for zero.
    ///   - initialCell: `[B, H]`, the cell before the first step, or `nil` for zero.
    ///   - cache: Receives the activations; `cache.hidden` is the output `[T*B, H]`.
    public func forward(
        input: UnsafePointer<Float>, steps: Int, batch: Int,
        initialHidden: UnsafePointer<Float>? = nil, initialCell: UnsafePointer<Float>? = nil,
        parameters: UnsafePointer<Float>, cache: Cache
    ) {
        precondition(steps * batch <= cache.capacity, "LSTM cache too small")
        let h = hiddenSize
        let g = 4 * h
        let rows = steps * batch
        let z = cache.gates.base
        for row in 0..<rows { (z + row * g).update(from: parameters + bias.offset, count: g) }
        TiledProduct.multiply(
            m: rows, n: g, k: inputSize, a: input, aRowStride: inputSize, aDepthStride: 1,
            b: parameters + inputWeights.offset, ldb: g, c: z, ldc: g)
        for t in 0..<steps {
            let zt = z + t * batch * g
            let previousHidden: UnsafePointer<Float>? =
                t > 0 ? UnsafePointer(cache.hidden.base + (t - 1) * batch * h) : initialHidden
            if let previousHidden {
                TiledProduct.multiply(
                    m: batch, n: g, k: h, a: previousHidden, aRowStride: h, aDepthStride: 1,
                    b: parameters + recurrentWeights.offset, ldb: g, c: zt, ldc: g)
            }
            let previousCells: UnsafePointer<Float>? =
                t > 0 ? UnsafePointer(cache.cells.base + (t - 1) * batch * h) : initialCell
            LSTM.activate(
                gates: zt, rows: batch, hiddenSize: h, previousCells: previousCells,
                cells: cache.cells.base + t * batch * h,
                tanhCells: cache.tanhCells.base + t * batch * h,
                hidden: cache.hidden.base + t * batch * h)
        }
    }

    /// Back-propagates through the sequence of the last ``forward(input:steps:batch:initialHidden:initialCell:parameters:cache:)``.
    ///
    /// With `dz_t` the gate pre-activation gradients of step `t`:
    /// `dW += xᵀ dz`, `dU += [h_-1; h_0; ...; h_T-2]ᵀ dz`, `db += Σ dz`, `dx = dz Wᵀ`,
    /// `dh_-1 = dz_0 Uᵀ` and `dc_-1 = dc_0 ⊙ f_0`.
    ///
    /// The steps after the last one with a nonzero hidden-state gradient (the padding after
    /// every row of a chunk has ended, which carries no weight) have `dz = 0`: they are not
    /// run, their input gradient is zero, and the weight gradients are the same.
    ///
    /// - Parameters:
    ///   - input: The same `[T*B, I]` input as the forward pass.
    ///   - hiddenGradient: `[T*B, H]`, the loss gradient with respect to every hidden state.
    ///   - inputGradient: Receives `[T*B, I]` (overwritten), or `nil` to skip it.
    ///   - initialHidden: The forward pass's initial hidden state (`nil` for zero).
    ///   - initialCell: The forward pass's initial cell (`nil` for zero).
    ///   - initialHiddenGradient: Receives `[B, H]`, the gradient with respect to the initial
    ///     hidden state (overwritten), or `nil` to skip it.
    ///   - initialCellGradient: Receives `[B, H]` for the initial cell, or `nil`.
    ///   - gradients: The arena-shaped gradient buffer the weight gradients are added to.
    public func backward(
        input: UnsafePointer<Float>, steps: Int, batch: Int,
        hiddenGradient: UnsafePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?,
        initialHidden: UnsafePointer<Float>? = nil, initialCell: UnsafePointer<Float>? = nil,
        initialHiddenGradient: UnsafeMutablePointer<Float>? = nil,
        initialCellGradient: UnsafeMutablePointer<Float>? = nil,
        parameters: UnsafePointer<Float>, gradients: UnsafeMutablePointer<Float>, cache: Cache
    ) {
        let h = hiddenSize
        let g = 4 * h
        let active = LSTM.stepsWithGradient(hiddenGradient, steps: steps, rowWidth: batch * h)
        let rows = active * batch
        let dz = cache.gateGradients.base
        let dhNext = cache.hiddenCarry.base
        let dcNext = cache.cellCarry.base
        dhNext.update(repeating: 0, count: batch * h)
        dcNext.update(repeating: 0, count: batch * h)
        let transposedU = cache.transposedRecurrent.base
        TiledProduct.transpose(
            parameters + recurrentWeights.offset, rows: h, columns: g, ldb: g, into: transposedU)
        if active == 0 { initialHiddenGradient?.update(repeating: 0, count: batch * h) }
        for t in stride(from: active - 1, through: 0, by: -1) {
            let previousCells: UnsafePointer<Float>? =
                t > 0 ? UnsafePointer(cache.cells.base + (t - 1) * batch * h) : initialCell
            LSTM.gateGradients(
                gates: cache.gates.base + t * batch * g, tanhCells: cache.tanhCells.base + t * batch * h,
                previousCells: previousCells, hiddenGradient: hiddenGradient + t * batch * h,
                hiddenCarry: dhNext, cellCarry: dcNext, rows: batch, hiddenSize: h,
                into: dz + t * batch * g)
            let target: UnsafeMutablePointer<Float>? = t > 0 ? dhNext : initialHiddenGradient
            if let target {
                TiledProduct.multiply(
                    m: batch, n: h, k: g, a: dz + t * batch * g, aRowStride: g, aDepthStride: 1,
                    b: transposedU, ldb: h, c: target, ldc: h, overwrite: true)
            }
        }
        initialCellGradient?.update(from: dcNext, count: batch * h)
        TiledProduct.accumulateTransposed(
            m: h, n: g, k: rows - batch, a: cache.hidden.base, lda: h, b: dz + batch * g, ldb: g,
            c: gradients + recurrentWeights.offset, ldc: g)
        if let initialHidden, active > 0 {
            TiledProduct.accumulateTransposed(
                m: h, n: g, k: batch, a: initialHidden, lda: h, b: dz, ldb: g,
                c: gradients + recurrentWeights.offset, ldc: g)
        }
        TiledProduct.accumulateTransposed(
            m: inputSize, n: g, k: rows, a: input, lda: inputSize, b: dz, ldb: g,
            c: gradients + inputWeights.offset, ldc: g)
        VectorMath.accumulateColumnSums(
            of: dz, rows: rows, columns: g, into: gradients + bias.offset)
        if let inputGradient {
            if (cache.transposedInput?.count ?? 0) < g * inputSize {
                cache.transposedInput = FloatBuffer(count: g * inputSize)
            }
            let transposedW = cache.transposedInput!.base
            TiledProduct.transpose(
                parameters + inputWeights.offset, rows: inputSize, columns: g, ldb: g, into: transposedW)
            TiledProduct.multiply(
                m: rows, n: inputSize, k: g, a: dz, aRowStride: g, aDepthStride: 1, b: transposedW,
                ldb: inputSize, c: inputGradient, ldc: inputSize, overwrite: true)
            (inputGradient + rows * inputSize).update(repeating: 0, count: (steps - active) * batch * inputSize)
        }
    }

    /// The number of leading steps up to the last whose `rowWidth` gradient values are not all
    /// zero (0 when every value is zero).
    static func stepsWithGradient(_ gradient: UnsafePointer<Float>, steps: Int, rowWidth: Int) -> Int {
        var index = steps * rowWidth
        while index > 0 {
            index -= 1
            if gradient[index] != 0 { return index / rowWidth + 1 }
        }
        return 0
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
        for row in 0..<batch { (scratch + row * g).update(from: parameters + bias.offset, count: g) }
        TiledProduct.multiply(
            m: batch, n: g, k: inputSize, a: input, aRowStride: inputSize, aDepthStride: 1,
            b: parameters + inputWeights.offset, ldb: g, c: scratch, ldc: g)
        TiledProduct.multiply(
            m: batch, n: g, k: h, a: hidden, aRowStride: h, aDepthStride: 1,
            b: parameters + recurrentWeights.offset, ldb: g, c: scratch, ldc: g)
        for row in 0..<batch {
            let z = scratch + row * g
            VectorMath.sigmoid(z, count: 3 * h)
            VectorMath.tanh(z + 3 * h, count: h)
            let c = cell + row * h
            for j in 0..<h {
                c[j] = z[h + j] * c[j] + z[j] * z[3 * h + j]
                z[3 * h + j] = c[j]
            }
            VectorMath.tanh(z + 3 * h, count: h)
            for j in 0..<h { hidden[row * h + j] = z[2 * h + j] * z[3 * h + j] }
        }
    }

    /// Applies the gate nonlinearities to `rows` pre-activation rows in place and computes
    /// the new cell, its tanh and the hidden state.
    @inline(__always)
    static func activate(
        gates: UnsafeMutablePointer<Float>, rows: Int, hiddenSize h: Int,
        previousCells: UnsafePointer<Float>?, cells: UnsafeMutablePointer<Float>,
        tanhCells: UnsafeMutablePointer<Float>, hidden: UnsafeMutablePointer<Float>
    ) {
        for row in 0..<rows {
            let z = gates + row * 4 * h
            VectorMath.sigmoid(z, count: 3 * h)
            VectorMath.tanh(z + 3 * h, count: h)
            let c = cells + row * h
            let tc = tanhCells + row * h
            for j in 0..<h {
                let previous = previousCells?[row * h + j] ?? 0
                c[j] = z[h + j] * previous + z[j] * z[3 * h + j]
            }
            tc.update(from: c, count: h)
            VectorMath.tanh(tc, count: h)
            for j in 0..<h { hidden[row * h + j] = z[2 * h + j] * tc[j] }
        }
    }
}
