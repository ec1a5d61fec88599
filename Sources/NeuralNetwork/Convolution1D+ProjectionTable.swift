import TensorCore

/// Scoring with frozen weights by table lookup.
///
/// A filter's response at a position is a sum over its window's offsets `j` of one token's
/// embedding times the filter's slice `j`: `z[p, f] = sum over j of E[y(p + j)] · W[f, j]`. With
/// the embedding table and the weights fixed, every product `E[v] · W[f, j]` can be computed
/// once for all tokens `v` (one GEMM per offset), after which a convolution is `w` table rows
/// added per position: about `2 E` times less arithmetic than the GEMM per sequence.
extension Convolution1D {
    /// Floats in the projection table for `vocabularySize` tokens: `[V, w F]`.
    public func projectionTableCount(vocabularySize: Int) -> Int {
        vocabularySize * window * filterCount
    }

    /// Fills rows `tokens` of the projection table: `table[v, j F + f] = E[v] · W[f, j]`.
    ///
    /// - Parameters:
    ///   - embeddings: The `[V, E]` embedding table.
    ///   - tokens: The rows to fill (disjoint ranges can be filled by different threads).
    ///   - table: `[V, w F]`.
    public func fillProjectionTable(
        embeddings: UnsafePointer<Float>, tokens: Range<Int>, parameters: UnsafePointer<Float>,
        table: UnsafeMutablePointer<Float>
    ) {
        let k = window * inputWidth
        let rowWidth = window * filterCount
        for j in 0..<window {
            BLAS.gemm(
                transposeB: true, m: tokens.count, n: filterCount, k: inputWidth,
                a: embeddings + tokens.lowerBound * inputWidth, lda: inputWidth,
                b: parameters + weights.offset + j * inputWidth, ldb: k,
                c: table + tokens.lowerBound * rowWidth + j * filterCount, ldc: rowWidth)
        }
    }

    /// The pooled features of `batch` token sequences from a projection table: the same values
    /// as ``forward(input:steps:batch:parameters:output:argmax:outputStride:scratch:)`` on their
    /// embeddings, up to rounding (the sums run in another order), without the positions.
    ///
    /// Each sequence is computed on its own, so its result does not depend on the batch.
    ///
    /// - Parameters:
    ///   - tokens: `[B, T]` token ids.
    ///   - table: Filled by ``fillProjectionTable(embeddings:tokens:parameters:table:)``.
    ///   - output: Receives `y[b, f]` at `output[b * outputStride + f]`.
    public func forward(
        tokens: UnsafePointer<Int32>, steps: Int, batch: Int, table: UnsafePointer<Float>,
        parameters: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>, outputStride: Int
    ) {
        typealias Lanes = VectorMath.Lanes
        let width = VectorMath.width
        let positionCount = positions(steps: steps)
        precondition(positionCount > 0, "window \(window) longer than the sequence (\(steps))")
        let rowWidth = window * filterCount
        let b = parameters + bias.offset
        let zero = Lanes()
        func load(_ p: UnsafePointer<Float>) -> Lanes { UnsafeRawPointer(p).loadUnaligned(as: Lanes.self) }
        func store(_ v: Lanes, _ p: UnsafeMutablePointer<Float>) {
            UnsafeMutableRawPointer(p).storeBytes(of: v, as: Lanes.self)
        }
        for row in 0..<batch {
            let sequence = tokens + row * steps
            let out = output + row * outputStride
            var f = 0
            // 64 filters at a time: each table entry read is four contiguous cache lines, and
            // the token lookups are shared by four vectors.
            while f + 4 * width <= filterCount {
                var best0 = Lanes(repeating: -.infinity)
                var (best1, best2, best3) = (best0, best0, best0)
                for p in 0..<positionCount {
                    var (s0, s1, s2, s3) = (zero, zero, zero, zero)
                    for j in 0..<window {
                        let entry = table + Int(sequence[p + j]) * rowWidth + j * filterCount + f
                        s0 += load(entry)
                        s1 += load(entry + width)
                        s2 += load(entry + 2 * width)
                        s3 += load(entry + 3 * width)
                    }
                    best0.replace(with: s0, where: s0 .> best0)
                    best1.replace(with: s1, where: s1 .> best1)
                    best2.replace(with: s2, where: s2 .> best2)
                    best3.replace(with: s3, where: s3 .> best3)
                }
                for (k, best) in [best0, best1, best2, best3].enumerated() {
                    var y = best + load(b + f + k * width)
                    y.replace(with: zero, where: y .< zero)
                    store(y, out + f + k * width)
                }
                f += 4 * width
            }
            while f + width <= filterCount {
                var best = Lanes(repeating: -.infinity)
                for p in 0..<positionCount {
                    var sum = zero
                    for j in 0..<window {
                        let entry = table + Int(sequence[p + j]) * rowWidth + j * filterCount + f
                        sum += load(entry)
                    }
                    best.replace(with: sum, where: sum .> best)
                }
                var y = best + load(b + f)
                y.replace(with: zero, where: y .< zero)
                store(y, out + f)
                f += width
            }
            while f < filterCount {
                var best = -Float.infinity
                for p in 0..<positionCount {
                    var sum: Float = 0
                    for j in 0..<window {
                        sum += table[Int(sequence[p + j]) * rowWidth + j * filterCount + f]
                    }
                    if sum > best { best = sum }
                }
                out[f] = Swift.max(0, best + b[f])
                f += 1
            }
        }
    }
}
