import TensorCore

/// One bank of a Kim-2014 text CNN: a valid convolution over time of `F` filters, each spanning
/// `w` consecutive steps of the whole `E`-wide embedding, then bias, ReLU and max over time.
///
///     z[b, p, f] = sum over j < w, e < E of x[b, p + j, e] * W[f, j E + e]    (p < T - w + 1)
///     y[b, f]    = relu(max over p of z[b, p, f] + bias[f])
///
/// ReLU and adding a bias are monotonic, so the maximum is taken over the raw `z` and its
/// position (the first one on ties) is kept for the backward pass.
///
/// im2col without a copy: the window of sequence `b` at position `p` is the `w E` contiguous
/// values starting at `x + (b T + p) E`, so over a batch the im2col matrix of position `p` is a
/// strided view of the input with row stride `T E`. Each position is one GEMM
/// `[B, wE] x [wE, F]`; the running maximum is folded in while the `[B, F]` tile is in cache.
///
/// The weights are stored one filter per row (`[F, w E]`), so the backward pass, which only
/// touches the maximising window of each `(b, f)`, is a sequence of contiguous row updates.
public struct Convolution1D: Sendable {
    /// `w`, the number of time steps a filter spans.
    public let window: Int
    /// `E`, the width of an input step.
    public let inputWidth: Int
    /// `F`, the number of filters (output features).
    public let filterCount: Int
    /// `[F, w E]`: filter `f`'s weights for step `j` of its window, feature `e`, at `j E + e`.
    public let weights: ParameterSlot
    /// `[F]`.
    public let bias: ParameterSlot

    /// Registers `name.weights` `[F, w E]` and `name.bias` `[F]` in `layout`.
    public init(
        name: String, window: Int, inputWidth: Int, filterCount: Int,
        layout: inout ParameterLayout
    ) {
        precondition(window > 0 && inputWidth > 0 && filterCount > 0, "empty convolution")
        self.window = window
        self.inputWidth = inputWidth
        self.filterCount = filterCount
        weights = layout.add("\(name).weights", shape: [filterCount, window * inputWidth])
        bias = layout.add("\(name).bias", shape: [filterCount])
    }

    /// The number of valid window positions in a sequence of `steps` steps, `T - w + 1`.
    public func positions(steps: Int) -> Int { steps - window + 1 }

    /// Floats of scratch space ``forward(input:steps:batch:parameters:output:argmax:outputStride:scratch:)``
    /// needs for `batch` sequences.
    public func scratchCount(batch: Int) -> Int { 3 * batch * filterCount }

    /// Pooled features of `batch` sequences.
    ///
    /// - Parameters:
    ///   - input: `[B, T, E]`, batch-major.
    ///   - output: Receives `y[b, f]` at `output[b * outputStride + f]`, so that several banks
    ///     can write side by side into one concatenated feature matrix.
    ///   - argmax: Receives the maximising position of `(b, f)` at `argmax[b * outputStride + f]`.
    ///   - scratch: ``scratchCount(batch:)`` floats.
    public func forward(
        input: UnsafePointer<Float>, steps: Int, batch: Int, parameters: UnsafePointer<Float>,
        output: UnsafeMutablePointer<Float>, argmax: UnsafeMutablePointer<Int32>,
        outputStride: Int, scratch: UnsafeMutablePointer<Float>
    ) {
        let positionCount = positions(steps: steps)
        precondition(positionCount > 0, "window \(window) longer than the sequence (\(steps))")
        guard batch > 0 else { return }
        let f = filterCount
        let n = batch * f
        let best = scratch
        let bestPosition = scratch + n
        let tile = scratch + 2 * n
        let k = window * inputWidth
        for p in 0..<positionCount {
            BLAS.gemm(
                transposeB: true, m: batch, n: f, k: k, a: input + p * inputWidth,
                lda: steps * inputWidth, b: parameters + weights.offset, ldb: k,
                c: p == 0 ? best : tile, ldc: f)
            if p == 0 {
                bestPosition.update(repeating: 0, count: n)
            } else {
                Convolution1D.keepMaximum(
                    best, positions: bestPosition, candidate: tile, position: Float(p), count: n)
            }
        }
        writeActivations(
            maxima: best, positions: bestPosition, batch: batch, parameters: parameters,
            output: output, argmax: argmax, outputStride: outputStride)
    }

    /// Writes `relu(max over positions + bias)` of each row's filters to `output` and the
    /// winning positions to `argmax` (rows `outputStride` apart), from the `[batch, F]`
    /// maxima and positions.
    @inline(__always)
    func writeActivations(
        maxima: UnsafePointer<Float>, positions: UnsafePointer<Float>, batch: Int,
        parameters: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>,
        argmax: UnsafeMutablePointer<Int32>, outputStride: Int
    ) {
        let f = filterCount
        let b = parameters + bias.offset
        for row in 0..<batch {
            let out = output + row * outputStride
            let index = argmax + row * outputStride
            for j in 0..<f {
                let z = maxima[row * f + j] + b[j]
                out[j] = z > 0 ? z : 0
                index[j] = Int32(positions[row * f + j])
            }
        }
    }

    /// Where `candidate > best`, sets `best = candidate` and `positions = position`.
    @inline(__always)
    static func keepMaximum(
        _ best: UnsafeMutablePointer<Float>, positions: UnsafeMutablePointer<Float>,
        candidate: UnsafePointer<Float>, position: Float, count: Int
    ) {
        typealias Lanes = VectorMath.Lanes
        let width = VectorMath.width
        let here = Lanes(repeating: position)
        var i = 0
        while i + width <= count {
            let z = UnsafeRawPointer(candidate + i).loadUnaligned(as: Lanes.self)
            var m = UnsafeRawPointer(best + i).loadUnaligned(as: Lanes.self)
            var a = UnsafeRawPointer(positions + i).loadUnaligned(as: Lanes.self)
            let larger = z .> m
            m.replace(with: z, where: larger)
            a.replace(with: here, where: larger)
            UnsafeMutableRawPointer(best + i).storeBytes(of: m, as: Lanes.self)
            UnsafeMutableRawPointer(positions + i).storeBytes(of: a, as: Lanes.self)
            i += width
        }
        while i < count {
            if candidate[i] > best[i] {
                best[i] = candidate[i]
                positions[i] = position
            }
            i += 1
        }
    }

    /// Adds the gradient with respect to the input of `batch` sequences to `inputGradient`.
    ///
    /// Only the maximising window of each active `(b, f)` receives gradient:
    /// `dx[b, p* + j] += dy[b, f] * W[f, j]`. The filters of a sequence are grouped by the
    /// position of their maximum, and each group's weighted sum of weight rows is formed in
    /// registers and added to its window once.
    ///
    /// - Parameters:
    ///   - outputGradient: `dy`, laid out like `output` (stride `outputStride`).
    ///   - output, argmax: What ``forward(input:steps:batch:parameters:output:argmax:outputStride:scratch:)`` wrote.
    ///   - inputGradient: `[B, T, E]`, added to.
    public func accumulateInputGradient(
        steps: Int, batch: Int, outputGradient: UnsafePointer<Float>,
        output: UnsafePointer<Float>, argmax: UnsafePointer<Int32>, outputStride: Int,
        parameters: UnsafePointer<Float>, inputGradient: UnsafeMutablePointer<Float>
    ) {
        let k = window * inputWidth
        let w = parameters + weights.offset
        let positionCount = positions(steps: steps)
        withUnsafeTemporaryAllocation(of: Int.self, capacity: positionCount + 1) { starts in
            withUnsafeTemporaryAllocation(of: Float.self, capacity: filterCount) { factors in
                withUnsafeTemporaryAllocation(
                    of: UnsafePointer<Float>.self, capacity: filterCount
                ) { rows in
                    for row in 0..<batch {
                        // Group the active filters by the position of their maximum (a counting
                        // sort), so that each window of the input gradient is written once.
                        let first = row * outputStride
                        starts.initialize(repeating: 0)
                        for j in 0..<filterCount where output[first + j] > 0 {
                            starts[Int(argmax[first + j]) + 1] += 1
                        }
                        for p in 0..<positionCount { starts[p + 1] += starts[p] }
                        for j in 0..<filterCount where output[first + j] > 0 {
                            let g = outputGradient[first + j]
                            let p = Int(argmax[first + j])
                            factors[starts[p]] = g
                            rows[starts[p]] = w + j * k
                            starts[p] += 1
                        }
                        // starts[p] is now the end of position p's group.
                        var start = 0
                        for p in 0..<positionCount {
                            let end = starts[p]
                            if end > start {
                                Convolution1D.addWeightedSum(
                                    of: rows.baseAddress! + start,
                                    factors: factors.baseAddress! + start,
                                    count: end - start, width: k,
                                    to: inputGradient + (row * steps + p) * inputWidth)
                            }
                            start = end
                        }
                    }
                }
            }
        }
    }

    /// Adds the weight and bias gradients of filters `filters` over `batch` sequences to
    /// `gradients` (arena-shaped): `dW[f] += sum over b of dy[b, f] * x[b, p*(b, f) ..< + w]`.
    ///
    /// Disjoint filter ranges write disjoint memory, so the filters can be split between
    /// threads.
    public func accumulateParameterGradients(
        input: UnsafePointer<Float>, steps: Int, batch: Int, outputGradient: UnsafePointer<Float>,
        output: UnsafePointer<Float>, argmax: UnsafePointer<Int32>, outputStride: Int,
        filters: Range<Int>, gradients: UnsafeMutablePointer<Float>
    ) {
        let k = window * inputWidth
        let dW = gradients + weights.offset
        let db = gradients + bias.offset
        withUnsafeTemporaryAllocation(of: Float.self, capacity: batch) { factors in
            withUnsafeTemporaryAllocation(of: UnsafePointer<Float>.self, capacity: batch) {
                windows in
                for j in filters {
                    // The active sequences' maximising windows and their gradients...
                    var active = 0
                    var biasGradient: Float = 0
                    for row in 0..<batch {
                        let index = row * outputStride + j
                        // Only where the ReLU was active.
                        guard output[index] > 0 else { continue }
                        let g = outputGradient[index]
                        factors[active] = g
                        windows[active] = input + (row * steps + Int(argmax[index])) * inputWidth
                        active += 1
                        biasGradient += g
                    }
                    db[j] += biasGradient
                    // ...summed in registers, 64 columns at a time, then added once.
                    Convolution1D.addWeightedSum(
                        of: windows.baseAddress!, factors: factors.baseAddress!, count: active,
                        width: k, to: dW + j * k)
                }
            }
        }
    }

    /// `y[c] += sum over i < count of factors[i] * rows[i][c]` for `c < width`.
    @inline(__always)
    static func addWeightedSum(
        of rows: UnsafePointer<UnsafePointer<Float>>, factors: UnsafePointer<Float>, count: Int,
        width: Int, to y: UnsafeMutablePointer<Float>
    ) {
        typealias Lanes = VectorMath.Lanes
        let lanes = VectorMath.width
        func load(_ p: UnsafePointer<Float>) -> Lanes {
            UnsafeRawPointer(p).loadUnaligned(as: Lanes.self)
        }
        func add(_ v: Lanes, to p: UnsafeMutablePointer<Float>) {
            UnsafeMutableRawPointer(p).storeBytes(of: load(p) + v, as: Lanes.self)
        }
        var c = 0
        while c + 4 * lanes <= width {
            var (a0, a1, a2, a3) = (Lanes(), Lanes(), Lanes(), Lanes())
            for i in 0..<count {
                let f = Lanes(repeating: factors[i])
                let row = rows[i] + c
                a0 += f * load(row)
                a1 += f * load(row + lanes)
                a2 += f * load(row + 2 * lanes)
                a3 += f * load(row + 3 * lanes)
            }
            add(a0, to: y + c)
            add(a1, to: y + c + lanes)
            add(a2, to: y + c + 2 * lanes)
            add(a3, to: y + c + 3 * lanes)
            c += 4 * lanes
        }
        while c < width {
            var sum: Float = 0
            for i in 0..<count { sum += factors[i] * rows[i][c] }
            y[c] += sum
            c += 1
        }
    }
}
