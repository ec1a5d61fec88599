import TensorCore

extension StackedLSTM {
    /// The recurrent state of up to `B` sequences: every layer's hidden state and cell.
    ///
    /// Stored layer-major: layer `k`'s `[B, H]` hidden states start at `k * B * H` of
    /// ``hidden`` (the same for ``cell``), with `B` the capacity, so a smaller batch uses the
    /// first rows of every layer.
    public final class State: @unchecked Sendable {
        /// `L`.
        public let layerCount: Int
        /// `B`, the most sequences it holds.
        public let batchCapacity: Int
        /// `H`.
        public let hiddenSize: Int
        /// `[L, B, H]` hidden states.
        public let hidden: FloatBuffer
        /// `[L, B, H]` cells.
        public let cell: FloatBuffer

        /// A zero state for `batchCapacity` sequences of `lstm`.
        public convenience init(batchCapacity: Int, lstm: StackedLSTM) {
            self.init(layerCount: lstm.layerCount, batchCapacity: batchCapacity, hiddenSize: lstm.hiddenSize)
        }

        /// A zero state of `layerCount` layers, `batchCapacity` sequences, `hiddenSize` units.
        public init(layerCount: Int, batchCapacity: Int, hiddenSize: Int) {
            self.layerCount = layerCount
            self.batchCapacity = batchCapacity
            self.hiddenSize = hiddenSize
            hidden = FloatBuffer(count: max(1, layerCount * batchCapacity * hiddenSize))
            cell = FloatBuffer(count: max(1, layerCount * batchCapacity * hiddenSize))
        }

        /// Layer `layer`'s `[B, H]` hidden states.
        @inline(__always)
        public func hidden(layer: Int) -> UnsafeMutablePointer<Float> {
            hidden.base + layer * batchCapacity * hiddenSize
        }

        /// Layer `layer`'s `[B, H]` cells.
        @inline(__always)
        public func cell(layer: Int) -> UnsafeMutablePointer<Float> {
            cell.base + layer * batchCapacity * hiddenSize
        }

        /// Sets every value to zero.
        public func zero() {
            hidden.zero()
            cell.zero()
        }

        /// Copies sequence `row` of `source` (every layer) into sequence `destinationRow`.
        @inline(__always)
        public func copyRow(_ row: Int, of source: State, to destinationRow: Int) {
            let h = hiddenSize
            for k in 0..<layerCount {
                (hidden(layer: k) + destinationRow * h).update(from: source.hidden(layer: k) + row * h, count: h)
                (cell(layer: k) + destinationRow * h).update(from: source.cell(layer: k) + row * h, count: h)
            }
        }
    }
}
