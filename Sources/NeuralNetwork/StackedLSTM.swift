import TensorCore

/// `L` ``LSTM`` layers of width `H` on top of each other, with inverted dropout between them.
///
/// Layer 0 reads the input `[T*B, I]`; layer `k > 0` reads layer `k - 1`'s hidden states,
/// multiplied while training by a dropout mask `m_k` (values `1 / keep` or 0, drawn by
/// ``drawDropoutMasks(rows:cache:using:)`` from the caller's generator):
///
///     x⁰ = x        xᵏ = hᵏ⁻¹ ⊙ mᵏ⁻¹ (training) or hᵏ⁻¹ (inference)
///     (hᵏ_t, cᵏ_t) = LSTMᵏ(xᵏ_t, hᵏ_t-1, cᵏ_t-1)        output = hᴸ⁻¹
///
/// The recurrent state itself is never dropped. A run starts from a given ``State``
/// (`hᵏ_-1`, `cᵏ_-1` for every layer) or from zero, and its final state can be read back, so
/// that a long sequence can be trained in chunks with the state carried from one to the next
/// (truncated back-propagation through time). Sequences are time-major: row `t * B + b` is
/// step `t` of sequence `b`; or packed, when each sequence runs only its own number of steps
/// (see ``LSTM/stepStarts(steps:batch:lengths:into:)``).
///
/// Layer 0's tensors are named like a single ``LSTM`` called `name` (so a one-layer stack is
/// that LSTM, tensor for tensor and number for number); layer `k > 0`'s are
/// `name.layer{k+1}.*`.
public struct StackedLSTM: Sendable {
    /// `I`, the width of the input.
    public let inputSize: Int
    /// `H`, the width of every layer.
    public let hiddenSize: Int
    /// The layers, bottom first: layer 0 is `[I -> H]`, the others `[H -> H]`.
    public let layers: [LSTM]
    /// The dropout between layers, or `nil` when nothing is dropped (rate 0 or one layer).
    public let dropout: Dropout?

    /// `L`, the number of layers.
    public var layerCount: Int { layers.count }

    /// Registers the `layerCount` layers' tensors in `layout` (see the type's naming rule).
    ///
    /// - Parameters:
    ///   - dropoutRate: The probability of dropping each value passed from one layer to the
    ///     next while training, in `[0, 1)`.
    public init(
        name: String, inputSize: Int, hiddenSize: Int, layerCount: Int, dropoutRate: Float = 0,
        layout: inout ParameterLayout
    ) {
        precondition(layerCount >= 1, "a stacked LSTM needs at least one layer")
        precondition(dropoutRate >= 0 && dropoutRate < 1, "dropout rate must be in [0, 1)")
        self.inputSize = inputSize
        self.hiddenSize = hiddenSize
        layers = (0..<layerCount).map { k in
            LSTM(
                name: StackedLSTM.layerName(name, layer: k), inputSize: k == 0 ? inputSize : hiddenSize,
                hiddenSize: hiddenSize, layout: &layout)
        }
        dropout =
            dropoutRate > 0 && layerCount > 1 ? Dropout(keepProbability: 1 - dropoutRate) : nil
    }

    /// The name of layer `layer`'s tensors: `name` for layer 0, `name.layer{k+1}` above it.
    public static func layerName(_ name: String, layer: Int) -> String {
        layer == 0 ? name : "\(name).layer\(layer + 1)"
    }

    /// Draws fresh dropout masks into `cache` for `rows` (`T x B`, or `N` packed) rows of
    /// every layer but the top, layer by layer, from `generator` (nothing without dropout).
    ///
    /// Inlinable, so that the caller's module specializes it for its generator: called
    /// through the generic protocol, each of the `T x B x H` draws was a dynamic call.
    @inlinable
    public func drawDropoutMasks(
        rows: Int, cache: Cache, using generator: inout some RandomNumberGenerator
    ) {
        precondition(rows <= cache.capacity, "stacked LSTM cache too small")
        guard let dropout else { return }
        for mask in cache.masks { dropout.drawMask(mask.base, count: rows * hiddenSize, using: &generator) }
        cache.recordMasks(rows: rows)
    }

    /// Runs `steps` steps of `batch` sequences through every layer.
    ///
    /// - Parameters:
    ///   - input: `[N, I]`: time-major, `N = T*B`, or packed by `lengths`.
    ///   - lengths: `[B]` steps each sequence runs, longest first (see
    ///     ``LSTM/stepStarts(steps:batch:lengths:into:)``), or `nil` for all `T`.
    ///   - initialState: The state before the first step, or `nil` for zero.
    ///   - training: Applies the dropout masks last drawn into `cache` (no effect without
    ///     dropout).
    ///   - cache: Receives the activations; ``Cache/output`` is the top layer's `[N, H]`.
    public func forward(
        input: UnsafePointer<Float>, steps: Int, batch: Int, lengths: UnsafePointer<Int>? = nil,
        initialState: State? = nil, training: Bool = false, parameters: UnsafePointer<Float>,
        cache: Cache
    ) {
        let rows = LSTM.rowCount(steps: steps, batch: batch, lengths: lengths)
        precondition(rows <= cache.capacity, "stacked LSTM cache too small")
        let dropping = training && dropout != nil
        precondition(!dropping || rows <= cache.maskRows, "draw the dropout masks first")
        if let initialState { precondition(batch <= initialState.batchCapacity, "state too small") }
        for (k, layer) in layers.enumerated() {
            let layerInput = self.layerInput(k, input: input, rows: rows, dropping: dropping, cache: cache)
            layer.forward(
                input: layerInput, steps: steps, batch: batch, lengths: lengths,
                initialHidden: initialState.map { UnsafePointer($0.hidden(layer: k)) },
                initialCell: initialState.map { UnsafePointer($0.cell(layer: k)) },
                parameters: parameters, cache: cache.layers[k])
        }
    }

    /// The input of layer `k`: `input`, or the layer below's hidden states, masked when
    /// `dropping` (the masked copy is written to `cache` on the way).
    private func layerInput(
        _ k: Int, input: UnsafePointer<Float>, rows: Int, dropping: Bool, cache: Cache
    ) -> UnsafePointer<Float> {
        guard k > 0 else { return input }
        let below = UnsafePointer(cache.layers[k - 1].hidden.base)
        guard dropping, let dropout else { return below }
        dropout.apply(
            mask: cache.masks[k - 1].base, to: below, count: rows * hiddenSize,
            into: cache.droppedOutputs[k - 1].base)
        return UnsafePointer(cache.droppedOutputs[k - 1].base)
    }

    /// Back-propagates through the last ``forward(input:steps:batch:lengths:initialState:training:parameters:cache:)``,
    /// adding every layer's weight gradients to `gradients`.
    ///
    /// The final state receives no gradient (a carried state is detached).
    ///
    /// - Parameters:
    ///   - input: The same `[N, I]` input as the forward pass.
    ///   - lengths: The forward pass's sequence lengths (`nil` for all `T`).
    ///   - outputGradient: `[N, H]`, the loss gradient with respect to the top layer's
    ///     hidden states.
    ///   - inputGradient: Receives `[N, I]` (overwritten), or `nil` to skip it.
    ///   - initialState: The same initial state as the forward pass (`nil` for zero).
    ///   - initialStateGradient: Receives the gradient with respect to the initial state
    ///     (overwritten), or `nil` to skip it.
    ///   - training: As in the forward pass.
    public func backward(
        input: UnsafePointer<Float>, steps: Int, batch: Int, lengths: UnsafePointer<Int>? = nil,
        outputGradient: UnsafePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?,
        initialState: State? = nil, initialStateGradient: State? = nil, training: Bool = false,
        parameters: UnsafePointer<Float>, gradients: UnsafeMutablePointer<Float>, cache: Cache
    ) {
        let rows = LSTM.rowCount(steps: steps, batch: batch, lengths: lengths)
        let dropping = training && dropout != nil
        var hiddenGradient = outputGradient
        for k in stride(from: layerCount - 1, through: 0, by: -1) {
            let layerInput: UnsafePointer<Float> =
                k == 0
                ? input
                : UnsafePointer(dropping ? cache.droppedOutputs[k - 1].base : cache.layers[k - 1].hidden.base)
            // Two gradient buffers alternate: one is read as this layer's output gradient
            // while the other receives its input gradient.
            let below = k == 0 ? inputGradient : cache.gradientBuffer(k % 2)
            layers[k].backward(
                input: layerInput, steps: steps, batch: batch, lengths: lengths, hiddenGradient: hiddenGradient,
                inputGradient: below, initialHidden: initialState.map { UnsafePointer($0.hidden(layer: k)) },
                initialCell: initialState.map { UnsafePointer($0.cell(layer: k)) },
                initialHiddenGradient: initialStateGradient?.hidden(layer: k),
                initialCellGradient: initialStateGradient?.cell(layer: k),
                parameters: parameters, gradients: gradients, cache: cache.layers[k])
            guard k > 0, let below else { break }
            if dropping, let dropout {
                dropout.apply(mask: cache.masks[k - 1].base, to: below, count: rows * hiddenSize, into: below)
            }
            hiddenGradient = UnsafePointer(below)
        }
    }

    /// Copies the state after the last step of the last forward pass (every layer's hidden
    /// state and cell at step `T - 1`, or at each sequence's last step when `lengths` packed
    /// it) into `state`; a sequence that ran no step keeps its row of `state`. The cache is
    /// unchanged, so this may follow the backward pass, and `state` may be the pass's own
    /// initial state.
    public func copyFinalState(
        steps: Int, batch: Int, lengths: UnsafePointer<Int>? = nil, cache: Cache, into state: State
    ) {
        precondition(steps > 0 && batch <= state.batchCapacity, "state too small")
        let h = hiddenSize
        guard let lengths else {
            let last = (steps - 1) * batch * h
            for k in 0..<layerCount {
                state.hidden(layer: k).update(from: cache.layers[k].hidden.base + last, count: batch * h)
                state.cell(layer: k).update(from: cache.layers[k].cells.base + last, count: batch * h)
            }
            return
        }
        for b in 0..<batch where lengths[b] > 0 {
            let row = LSTM.packedRow(step: lengths[b] - 1, sequence: b, batch: batch, lengths: lengths)
            for k in 0..<layerCount {
                (state.hidden(layer: k) + b * h).update(from: cache.layers[k].hidden.base + row * h, count: h)
                (state.cell(layer: k) + b * h).update(from: cache.layers[k].cells.base + row * h, count: h)
            }
        }
    }

    /// Advances `batch` states by one step through every layer, without dropout (sampling).
    ///
    /// - Parameters:
    ///   - input: `[B, I]`.
    ///   - state: Every layer's `[B, H]` hidden state and cell, updated in place; the top
    ///     layer's hidden state is the output.
    ///   - firstRow: The first of the `B` rows of `state` advanced (rows are independent, so
    ///     disjoint row ranges of one state may advance on different threads).
    ///   - scratch: `[B, 4H]` of working space.
    public func step(
        input: UnsafePointer<Float>, state: State, firstRow: Int = 0, batch: Int,
        parameters: UnsafePointer<Float>, scratch: UnsafeMutablePointer<Float>
    ) {
        precondition(firstRow + batch <= state.batchCapacity, "state too small")
        let offset = firstRow * hiddenSize
        for (k, layer) in layers.enumerated() {
            layer.step(
                input: k == 0 ? input : UnsafePointer(state.hidden(layer: k - 1) + offset),
                hidden: state.hidden(layer: k) + offset, cell: state.cell(layer: k) + offset,
                batch: batch, parameters: parameters, scratch: scratch)
        }
    }
}
