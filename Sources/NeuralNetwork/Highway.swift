import TensorCore

/// A highway layer (Srivastava et al. 2015) with a ReLU transform, as the SeqGAN
/// discriminator uses it:
///
///     g = relu(x Wh + bh)    t = sigmoid(x Wt + bt + gateBias)    y = t ⊙ g + (1 - t) ⊙ x
///
/// `gateBias` is a constant (not trained) added to the gate's pre-activation; the released
/// code's `highway()` defaults it to -2 but its discriminator passes 0.
///
/// The two products are fused into one `[I, 2I]` weight matrix with column blocks
/// `[transform | gate]` and one `[2I]` bias. Every method takes a range of rows or columns so
/// that a model can split the work between threads: rows for the elementwise steps, columns
/// (for example one block per thread) for the products and the weight gradient, either for
/// the input gradient.
public struct Highway: Sendable {
    /// `I`, the input and output width.
    public let size: Int
    /// The constant added to the gate's pre-activation.
    public let gateBias: Float
    /// `[I, 2I]`, column blocks transform, gate.
    public let weights: ParameterSlot
    /// `[2I]`, blocks transform, gate.
    public let bias: ParameterSlot

    /// Registers `name.weights` `[size, 2 size]` and `name.bias` `[2 size]` in `layout`.
    public init(name: String, size: Int, gateBias: Float = 0, layout: inout ParameterLayout) {
        precondition(size > 0, "empty highway layer")
        self.size = size
        self.gateBias = gateBias
        weights = layout.add("\(name).weights", shape: [size, 2 * size])
        bias = layout.add("\(name).bias", shape: [2 * size])
    }

    /// Activations of up to `capacity` rows, kept for the backward pass.
    public final class Cache: @unchecked Sendable {
        /// Rows it holds.
        public let capacity: Int
        /// `[B, 2I]`: pre-activations, replaced by `[g | t]` once activated.
        public let activations: FloatBuffer
        /// `[B, I]`: the layer's output `y`.
        public let output: FloatBuffer
        /// `[B, 2I]`: the loss gradient with respect to the pre-activations.
        public let preactivationGradient: FloatBuffer

        /// Allocates room for `capacity` rows of a layer of width `size`.
        public init(capacity: Int, size: Int) {
            self.capacity = capacity
            activations = FloatBuffer(count: capacity * 2 * size)
            output = FloatBuffer(count: capacity * size)
            preactivationGradient = FloatBuffer(count: capacity * 2 * size)
        }
    }

    /// The pre-activations `x W + b` of rows `rows`, columns `columns` (of `0..<2I`), into
    /// `cache.activations`.
    ///
    /// - Parameter input: `[B, I]`, row 0 first.
    public func project(
        input: UnsafePointer<Float>, rows: Range<Int>, columns: Range<Int>,
        parameters: UnsafePointer<Float>, cache: Cache
    ) {
        precondition(rows.upperBound <= cache.capacity, "highway cache too small")
        let width = 2 * size
        let z = cache.activations.base + rows.lowerBound * width + columns.lowerBound
        for row in 0..<rows.count {
            (z + row * width).update(
                from: parameters + bias.offset + columns.lowerBound, count: columns.count)
        }
        BLAS.gemm(
            m: rows.count, n: columns.count, k: size, a: input + rows.lowerBound * size, lda: size,
            b: parameters + weights.offset + columns.lowerBound, ldb: width, beta: 1, c: z,
            ldc: width)
    }

    /// Applies the nonlinearities to rows `rows` of projected pre-activations and mixes in the
    /// input: `cache.activations` becomes `[g | t]` and `cache.output` receives `y`.
    public func activate(input: UnsafePointer<Float>, rows: Range<Int>, cache: Cache) {
        typealias Lanes = VectorMath.Lanes
        let width = VectorMath.width
        let zero = Lanes()
        let one = Lanes(repeating: 1)
        let shift = Lanes(repeating: gateBias)
        for row in rows {
            let g = cache.activations.base + row * 2 * size
            let t = g + size
            let x = input + row * size
            let y = cache.output.base + row * size
            var i = 0
            while i + width <= size {
                var transform = UnsafeRawPointer(g + i).loadUnaligned(as: Lanes.self)
                transform.replace(with: zero, where: transform .< zero)
                let z = UnsafeRawPointer(t + i).loadUnaligned(as: Lanes.self) + shift
                let gate = one / (one + VectorMath.exp(-z))
                let carry = UnsafeRawPointer(x + i).loadUnaligned(as: Lanes.self)
                UnsafeMutableRawPointer(g + i).storeBytes(of: transform, as: Lanes.self)
                UnsafeMutableRawPointer(t + i).storeBytes(of: gate, as: Lanes.self)
                UnsafeMutableRawPointer(y + i).storeBytes(
                    of: gate * transform + (one - gate) * carry, as: Lanes.self)
                i += width
            }
            while i < size {
                let transform = max(g[i], 0)
                let gate = 1 / (1 + VectorMath.exp(-(t[i] + gateBias)))
                g[i] = transform
                t[i] = gate
                y[i] = gate * transform + (1 - gate) * x[i]
                i += 1
            }
        }
    }

    /// The whole forward pass of rows `rows`: ``project(input:rows:columns:parameters:cache:)``
    /// over all columns, then ``activate(input:rows:cache:)``.
    public func forward(
        input: UnsafePointer<Float>, rows: Range<Int>, parameters: UnsafePointer<Float>,
        cache: Cache
    ) {
        project(
            input: input, rows: rows, columns: 0..<(2 * size), parameters: parameters, cache: cache)
        activate(input: input, rows: rows, cache: cache)
    }

    /// The gradient with respect to the pre-activations of rows `rows`, into
    /// `cache.preactivationGradient`:
    /// `dzh = dy ⊙ t ⊙ [g > 0]`, `dzt = dy ⊙ (g - x) ⊙ t ⊙ (1 - t)`.
    ///
    /// - Parameter outputGradient: `dy`, `[B, I]`, row 0 first.
    public func backpropagateActivations(
        input: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>, rows: Range<Int>,
        cache: Cache
    ) {
        for row in rows {
            let g = cache.activations.base + row * 2 * size
            let t = g + size
            let dz = cache.preactivationGradient.base + row * 2 * size
            let x = input + row * size
            let dy = outputGradient + row * size
            for i in 0..<size {
                let gate = t[i]
                dz[i] = g[i] > 0 ? dy[i] * gate : 0
                dz[size + i] = dy[i] * (g[i] - x[i]) * gate * (1 - gate)
            }
        }
    }

    /// Adds `X^T dZ` and the column sums of `dZ` over rows `0..<rows`, for columns `columns`,
    /// to the weight and bias gradients in `gradients` (arena-shaped), or with `overwrite`
    /// writes them there (so that a model need not zero these large slots first). Disjoint
    /// column ranges write disjoint memory.
    ///
    /// With `features` (a range of `0..<I`), only those rows of the weight gradient are
    /// formed, and the bias gradient only when the range starts at 0: the results of a split
    /// of the features add up to the whole, in disjoint memory.
    public func accumulateParameterGradients(
        input: UnsafePointer<Float>, rows: Int, columns: Range<Int>, features: Range<Int>? = nil,
        gradients: UnsafeMutablePointer<Float>, overwrite: Bool = false, cache: Cache
    ) {
        let width = 2 * size
        let features = features ?? 0..<size
        let dz = cache.preactivationGradient.base + columns.lowerBound
        BLAS.gemm(
            transposeA: true, m: features.count, n: columns.count, k: rows,
            a: input + features.lowerBound, lda: size, b: dz, ldb: width, beta: overwrite ? 0 : 1,
            c: gradients + weights.offset + features.lowerBound * width + columns.lowerBound,
            ldc: width)
        guard features.lowerBound == 0 else { return }
        let db = gradients + bias.offset + columns.lowerBound
        if overwrite { db.update(repeating: 0, count: columns.count) }
        for row in 0..<rows {
            VectorMath.add(dz + row * width, to: db, count: columns.count)
        }
    }

    /// The gradient with respect to the input of rows `rows`, `dZ W^T + dy ⊙ (1 - t)`,
    /// written (not added) to `inputGradient` (`[B, I]`, row 0 first).
    ///
    /// With `columns` (a range of `0..<2I`) only those columns of the fused product are
    /// taken, `dZ[:, columns] W[:, columns]^T`, and the carry term `dy ⊙ (1 - t)` only when
    /// `includingCarry`: the results of a split of the columns, one of them with the carry,
    /// add up to the gradient (so two threads can each read half of the weights).
    public func inputGradient(
        outputGradient: UnsafePointer<Float>, rows: Range<Int>, columns: Range<Int>? = nil,
        includingCarry: Bool = true, parameters: UnsafePointer<Float>, cache: Cache,
        into inputGradient: UnsafeMutablePointer<Float>
    ) {
        let width = 2 * size
        let columns = columns ?? 0..<width
        let dx = inputGradient + rows.lowerBound * size
        for row in rows {
            let t = cache.activations.base + row * width + size
            let dy = outputGradient + row * size
            let out = inputGradient + row * size
            if includingCarry {
                for i in 0..<size { out[i] = dy[i] * (1 - t[i]) }
            } else {
                out.update(repeating: 0, count: size)
            }
        }
        BLAS.gemm(
            transposeB: true, m: rows.count, n: size, k: columns.count,
            a: cache.preactivationGradient.base + rows.lowerBound * width + columns.lowerBound,
            lda: width, b: parameters + weights.offset + columns.lowerBound, ldb: width, beta: 1,
            c: dx, ldc: size)
    }
}
