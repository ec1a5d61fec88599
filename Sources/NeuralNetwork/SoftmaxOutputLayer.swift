import Foundation
import TensorCore

/// A linear layer to `V` logits followed by a softmax, fused with its cross-entropy loss.
///
/// The logits of `N` rows are computed a tile of rows at a time, so that a tile never leaves
/// the cache: the loss uses a stable log-sum-exp, and in the backward pass the tile is turned
/// into its gradient in place and consumed by two GEMMs at once. Nothing of size `N x V` is
/// ever stored.
public struct SoftmaxOutputLayer: Sendable {
    /// `[H, V]`.
    public let weights: ParameterSlot
    /// `[V]`.
    public let bias: ParameterSlot
    /// `H`, the input width.
    public let inputSize: Int
    /// `V`, the number of classes.
    public let classCount: Int

    /// Registers `name.weights` `[inputSize, classCount]` and `name.bias` in `layout`.
    public init(name: String, inputSize: Int, classCount: Int, layout: inout ParameterLayout) {
        self.inputSize = inputSize
        self.classCount = classCount
        weights = layout.add("\(name).weights", shape: [inputSize, classCount])
        bias = layout.add("\(name).bias", shape: [classCount])
    }

    /// Scratch space for one thread: a tile of logits.
    public final class Workspace: @unchecked Sendable {
        /// Rows per tile.
        public let tileRows: Int
        let tile: FloatBuffer

        /// Allocates a `tileRows x classCount` tile.
        public init(tileRows: Int = 128, classCount: Int) {
            self.tileRows = tileRows
            tile = FloatBuffer(count: tileRows * classCount)
        }
    }

    /// The logits `input W + b` of `rows` rows into `output` (`[rows, V]`).
    public func logits(
        input: UnsafePointer<Float>, rows: Int, parameters: UnsafePointer<Float>,
        into output: UnsafeMutablePointer<Float>
    ) {
        for row in 0..<rows {
            (output + row * classCount).update(from: parameters + bias.offset, count: classCount)
        }
        BLAS.gemm(
            m: rows, n: classCount, k: inputSize, a: input, lda: inputSize,
            b: parameters + weights.offset, ldb: classCount, beta: 1, c: output, ldc: classCount)
    }

    /// The weighted cross-entropy `sum_n w_n * -log softmax((x_n W + b) / τ)[y_n]`, and
    /// optionally its gradient.
    ///
    /// - Parameters:
    ///   - input: `[N, H]`.
    ///   - targets: `[N]` class ids.
    ///   - logitOffsets: `[N, V]` values added to the logits before the softmax (a mask of
    ///     allowed classes: 0 allowed, `-infinity` forbidden; a target must be allowed), or
    ///     `nil`.
    ///   - rowWeights: `[N]` weights `w_n`, or `nil` for `uniformWeight` on every row.
    ///   - temperature: `τ`, dividing the logits before the softmax (1: the model's own
    ///     distribution; below 1 the sharper one that sampling at that temperature draws from).
    ///   - rowLosses: Receives each row's unweighted `-log p(y_n)`, or `nil`.
    ///   - inputGradient: Receives `[N, H]` (overwritten); `nil` for a forward pass only.
    ///   - gradients: Arena-shaped buffer the weight and bias gradients are added to
    ///     (needed when `inputGradient` is given).
    /// - Returns: The weighted loss, summed in `Double`.
    @discardableResult
    public func crossEntropy(
        input: UnsafePointer<Float>, targets: UnsafePointer<Int32>, rows: Int,
        logitOffsets: UnsafePointer<Float>? = nil, rowWeights: UnsafePointer<Float>? = nil, uniformWeight: Float = 1,
        temperature: Float = 1, rowLosses: UnsafeMutablePointer<Float>? = nil,
        inputGradient: UnsafeMutablePointer<Float>? = nil,
        gradients: UnsafeMutablePointer<Float>? = nil, parameters: UnsafePointer<Float>,
        workspace: Workspace
    ) -> Double {
        precondition(temperature > 0, "temperature must be positive")
        let v = classCount
        let inverseTemperature = 1 / temperature
        let tile = workspace.tile.base
        let biasGradient = gradients.map { $0 + self.bias.offset }
        var total = 0.0
        var start = 0
        while start < rows {
            let count = min(workspace.tileRows, rows - start)
            logits(input: input + start * inputSize, rows: count, parameters: parameters, into: tile)
            for r in 0..<count {
                let n = start + r
                let row = tile + r * v
                if let logitOffsets { VectorMath.add(logitOffsets + n * v, to: row, count: v) }
                if temperature != 1 { VectorMath.scale(row, count: v, by: inverseTemperature) }
                let target = Int(targets[n])
                precondition(target >= 0 && target < v, "target \(target) outside 0..<\(v)")
                let targetLogit = row[target]
                let maximum = VectorMath.maximum(row, count: v)
                let sum = VectorMath.exponentiate(row, count: v, subtracting: maximum)
                let loss = maximum + Foundation.log(sum) - targetLogit
                rowLosses?[n] = loss
                let weight = rowWeights?[n] ?? uniformWeight
                total += Double(weight * loss)
                if inputGradient != nil, let biasGradient {
                    // The row becomes its gradient (w / τ) (p - onehot), added to the bias
                    // gradient while it is in cache.
                    let scaled = weight * inverseTemperature
                    VectorMath.scale(row, count: v, by: scaled / sum, accumulatingInto: biasGradient)
                    row[target] -= scaled
                    biasGradient[target] -= scaled
                }
            }
            if let inputGradient, let gradients {
                BLAS.gemm(
                    transposeB: true, m: count, n: inputSize, k: v, a: tile, lda: v,
                    b: parameters + weights.offset, ldb: v, c: inputGradient + start * inputSize,
                    ldc: inputSize)
                BLAS.gemm(
                    transposeA: true, m: inputSize, n: v, k: count, a: input + start * inputSize,
                    lda: inputSize, b: tile, ldb: v, beta: 1, c: gradients + weights.offset,
                    ldc: v)
            }
            start += count
        }
        return total
    }
}
