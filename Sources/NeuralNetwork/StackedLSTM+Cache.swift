import TensorCore

extension StackedLSTM {
    /// The activations of one forward pass of every layer, the dropout masks and the backward
    /// pass's scratch space. Sized once for the largest `T x B`.
    public final class Cache: @unchecked Sendable {
        /// Rows (`T x B`) the cache can hold.
        public let capacity: Int
        /// Each layer's activations.
        public let layers: [LSTM.Cache]
        /// `[T*B, H]` dropout masks of the outputs of layers `0..<L-1` (none without dropout).
        @usableFromInline let masks: [FloatBuffer]
        /// `[T*B, H]` masked outputs of layers `0..<L-1`, the inputs of the layers above them.
        let droppedOutputs: [FloatBuffer]
        /// Two `[T*B, H]` buffers for the gradients passed down between layers, allocated by
        /// the first backward pass (a cache that only scores never holds them).
        private var gradientBuffers: [FloatBuffer] = []
        private let gradientBufferCount: Int
        private let hiddenSize: Int
        /// Rows covered by the masks last drawn.
        public internal(set) var maskRows = 0

        /// Notes that the masks now cover `rows` rows.
        @usableFromInline
        func recordMasks(rows: Int) { maskRows = rows }

        /// Allocates room for `steps x batch` rows of `lstm`.
        public init(steps: Int, batch: Int, lstm: StackedLSTM) {
            let capacity = steps * batch
            self.capacity = capacity
            let h = lstm.hiddenSize
            let below = lstm.layerCount - 1
            layers = (0..<lstm.layerCount).map { _ in LSTM.Cache(steps: steps, batch: batch, hiddenSize: h) }
            let dropping = lstm.dropout != nil
            masks = (0..<(dropping ? below : 0)).map { _ in FloatBuffer(count: capacity * h) }
            droppedOutputs = (0..<(dropping ? below : 0)).map { _ in FloatBuffer(count: capacity * h) }
            gradientBufferCount = below > 0 ? 2 : 0
            hiddenSize = h
        }

        /// Gradient buffer `index` (0 or 1) of the two passed down between layers.
        func gradientBuffer(_ index: Int) -> UnsafeMutablePointer<Float> {
            if gradientBuffers.isEmpty {
                gradientBuffers = (0..<gradientBufferCount).map { _ in FloatBuffer(count: capacity * hiddenSize) }
            }
            return gradientBuffers[index].base
        }

        /// The top layer's hidden states `[T*B, H]`: the stack's output.
        public var output: UnsafeMutablePointer<Float> { layers[layers.count - 1].hidden.base }
    }
}
