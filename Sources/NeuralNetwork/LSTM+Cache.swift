import TensorCore

extension LSTM {
    /// The activations of one sequence forward pass, kept for the backward pass, and the
    /// backward pass's scratch space. Sized once for the largest `T x B`; a pass over packed
    /// sequences uses the first `N` rows of each buffer.
    public final class Cache: @unchecked Sendable {
        /// Rows (`T x B`) the cache can hold.
        public let capacity: Int
        let batchCapacity: Int
        let stepCapacity: Int
        /// Activated gates `[T*B, 4H]` (i, f, o, g).
        public let gates: FloatBuffer
        /// Cell states `[T*B, H]`.
        public let cells: FloatBuffer
        /// `tanh` of the cell states `[T*B, H]`.
        public let tanhCells: FloatBuffer
        /// Hidden states `[T*B, H]`: the layer's output.
        public let hidden: FloatBuffer
        /// `[T*B, 4H]` gate pre-activation gradients of the rows the backward pass runs, in
        /// step order (see ``ActiveRows``); allocated by the first backward pass, so that a
        /// cache that only scores never holds them.
        private var gateGradientBuffer: FloatBuffer?
        let hiddenCarry: FloatBuffer
        let cellCarry: FloatBuffer
        /// `[B, H]`: one step's hidden-state carries of the rows that run, before they are put
        /// back in their rows.
        let compactCarry: FloatBuffer
        /// `[T*B, H]`: the previous hidden states of the rows that run, gathered; allocated by
        /// the first backward pass that skips rows.
        private var compactHiddenBuffer: FloatBuffer?
        /// `[T*B, I]`: the inputs of the rows that run, gathered; allocated likewise (the cache
        /// does not know `I`).
        private var compactInputBuffer: FloatBuffer?
        /// `[4H, H]`: the recurrent matrix transposed, for the backward pass's `dz Uᵀ`.
        let transposedRecurrent: FloatBuffer
        /// `[4H, I]`: the input matrix transposed, for `dz Wᵀ`; sized by the first backward
        /// pass.
        var transposedInput: FloatBuffer?
        /// `[T + 1]`: where each step's rows start in the layout of the last pass (see
        /// ``LSTM/stepStarts(steps:batch:lengths:into:)``).
        private let rowStarts: UnsafeMutablePointer<Int>
        /// `[B]`: each row's number of steps up to its last nonzero hidden-state gradient.
        private let rowEnds: UnsafeMutablePointer<Int>
        /// `[T + 1]`: where each step's rows start among the rows that run.
        private let stepOffsets: UnsafeMutablePointer<Int>
        /// `[T*B]`: the time-major row (`t * B + b`) of each row that runs.
        private let rowIndices: UnsafeMutablePointer<Int32>

        /// Allocates room for `steps x batch` rows of an LSTM with `hiddenSize` units.
        public init(steps: Int, batch: Int, hiddenSize: Int) {
            capacity = steps * batch
            batchCapacity = batch
            stepCapacity = steps
            gates = FloatBuffer(count: capacity * 4 * hiddenSize)
            cells = FloatBuffer(count: capacity * hiddenSize)
            tanhCells = FloatBuffer(count: capacity * hiddenSize)
            hidden = FloatBuffer(count: capacity * hiddenSize)
            hiddenCarry = FloatBuffer(count: batch * hiddenSize)
            cellCarry = FloatBuffer(count: batch * hiddenSize)
            compactCarry = FloatBuffer(count: batch * hiddenSize)
            transposedRecurrent = FloatBuffer(count: 4 * hiddenSize * hiddenSize)
            rowStarts = .allocate(capacity: steps + 1)
            rowEnds = .allocate(capacity: max(1, batch))
            stepOffsets = .allocate(capacity: steps + 1)
            rowIndices = .allocate(capacity: max(1, capacity))
        }

        deinit {
            rowStarts.deallocate()
            rowEnds.deallocate()
            stepOffsets.deallocate()
            rowIndices.deallocate()
        }

        /// Lays out `steps x batch` rows, packed by `lengths` (see
        /// ``LSTM/stepStarts(steps:batch:lengths:into:)``), and returns where each step's rows
        /// start (`[T + 1]`, kept until the next pass).
        func layOut(steps: Int, batch: Int, lengths: UnsafePointer<Int>?) -> UnsafeMutablePointer<Int> {
            precondition(steps <= stepCapacity && batch <= batchCapacity, "LSTM cache too small")
            LSTM.stepStarts(steps: steps, batch: batch, lengths: lengths, into: rowStarts)
            return rowStarts
        }

        /// The rows a backward pass runs: sequence `b` at step `t` while `t` is at most the
        /// last step at which `b`'s hidden-state gradient is nonzero. After that step the row's
        /// gradient and both carries are zero, so its `dz` is zero too.
        struct ActiveRows {
            /// How many rows run, over all steps.
            let count: Int
            /// `[T + 1]`: step `t`'s rows are `stepOffsets[t]..<stepOffsets[t + 1]`.
            let stepOffsets: UnsafePointer<Int>
            /// The row of the layout (`t * B + b`, or packed) of each, ascending.
            let rowIndices: UnsafePointer<Int32>
        }

        /// Finds the rows to run for `hiddenGradient` (`[N, H]`, in the layout last made by
        /// ``layOut(steps:batch:lengths:)``), reading it from the end until every sequence's
        /// last nonzero value is found.
        func planActiveRows(
            hiddenGradient: UnsafePointer<Float>, steps: Int, batch: Int, hiddenSize h: Int
        ) -> ActiveRows {
            precondition(steps <= stepCapacity && batch <= batchCapacity, "LSTM cache too small")
            let starts = rowStarts
            rowEnds.update(repeating: 0, count: batch)
            var unfound = batch
            var t = steps - 1
            while t >= 0 && unfound > 0 {
                for b in 0..<(starts[t + 1] - starts[t]) where rowEnds[b] == 0 {
                    let row = hiddenGradient + (starts[t] + b) * h
                    var nonzero = false
                    for j in 0..<h where row[j] != 0 {
                        nonzero = true
                        break
                    }
                    if nonzero {
                        rowEnds[b] = t + 1
                        unfound -= 1
                    }
                }
                t -= 1
            }
            var count = 0
            for t in 0..<steps {
                stepOffsets[t] = count
                for b in 0..<(starts[t + 1] - starts[t]) where rowEnds[b] > t {
                    rowIndices[count] = Int32(starts[t] + b)
                    count += 1
                }
            }
            stepOffsets[steps] = count
            return ActiveRows(
                count: count, stepOffsets: UnsafePointer(stepOffsets), rowIndices: UnsafePointer(rowIndices))
        }

        /// The `[T*B, 4H]` gate gradients, allocated by their first use.
        func gateGradients(hiddenSize: Int) -> UnsafeMutablePointer<Float> {
            if gateGradientBuffer == nil { gateGradientBuffer = FloatBuffer(count: capacity * 4 * hiddenSize) }
            return gateGradientBuffer!.base
        }

        /// The `[T*B, I]` buffer for gathered inputs, allocated by its first use.
        func compactInputs(inputSize: Int) -> UnsafeMutablePointer<Float> {
            if (compactInputBuffer?.count ?? 0) < capacity * inputSize {
                compactInputBuffer = FloatBuffer(count: capacity * inputSize)
            }
            return compactInputBuffer!.base
        }

        /// The `[T*B, H]` buffer for gathered previous hidden states, allocated by its first use.
        func compactHidden(hiddenSize: Int) -> UnsafeMutablePointer<Float> {
            if (compactHiddenBuffer?.count ?? 0) < capacity * hiddenSize {
                compactHiddenBuffer = FloatBuffer(count: capacity * hiddenSize)
            }
            return compactHiddenBuffer!.base
        }
    }
}
