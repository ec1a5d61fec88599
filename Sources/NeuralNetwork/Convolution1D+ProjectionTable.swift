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
        forward(
            tokens: tokens, steps: steps, batch: batch, table: table, parameters: parameters,
            output: output, outputStride: outputStride
        ) { _ in (0, nil) }
    }

    /// Floats that ``runningMaxima(tokens:steps:batch:table:into:)`` writes: `[B, P, F]` for
    /// `P` window positions.
    public func runningMaximaCount(steps: Int, batch: Int) -> Int {
        batch * positions(steps: steps) * filterCount
    }

    /// The running maxima of the raw window sums (before bias and ReLU) of `batch` sequences:
    /// `maxima[b, p, f]` = max over `q` in `0...p` of `z[b, q, f]`.
    ///
    /// A sequence that keeps the first `t` tokens of sequence `b` shares its windows at
    /// positions `0...(t - w)` with it; pass `maxima[b, t - w]` and first position `t - w + 1`
    /// to ``forward(tokens:steps:batch:table:parameters:output:outputStride:sharedPrefix:)``
    /// and only the other positions are summed, with bit-identical results: every window is
    /// summed in the same order, and the positions are compared in the same order as when the
    /// whole sequence is pooled.
    ///
    /// - Parameter maxima: ``runningMaximaCount(steps:batch:)`` floats.
    public func runningMaxima(
        tokens: UnsafePointer<Int32>, steps: Int, batch: Int, table: UnsafePointer<Float>,
        into maxima: UnsafeMutablePointer<Float>
    ) {
        let positionCount = positions(steps: steps)
        precondition(positionCount > 0, "window \(window) longer than the sequence (\(steps))")
        for row in 0..<batch {
            let rowMaxima = maxima + row * positionCount * filterCount
            for p in 0..<positionCount {
                maximumOfSums(
                    tokens: tokens + row * steps, positions: p..<(p + 1), table: table,
                    initial: p == 0 ? nil : UnsafePointer(rowMaxima + (p - 1) * filterCount),
                    into: rowMaxima + p * filterCount)
            }
        }
    }

    /// Pooled features of `batch` sequences whose leading windows are already pooled:
    /// `sharedPrefix(row)` gives the first position to sum and the running maxima
    /// (``runningMaxima(tokens:steps:batch:table:into:)``) of the positions before it, or
    /// `nil` when it is 0.
    ///
    /// - Parameters:
    ///   - tokens: `[B, T]` token ids.
    ///   - output: Receives `y[b, f]` at `output[b * outputStride + f]`.
    public func forward(
        tokens: UnsafePointer<Int32>, steps: Int, batch: Int, table: UnsafePointer<Float>,
        parameters: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>, outputStride: Int,
        sharedPrefix: (_ row: Int) -> (firstPosition: Int, maxima: UnsafePointer<Float>?)
    ) {
        let positionCount = positions(steps: steps)
        precondition(positionCount > 0, "window \(window) longer than the sequence (\(steps))")
        let bias = parameters + self.bias.offset
        for row in 0..<batch {
            let (first, maxima) = sharedPrefix(row)
            precondition(first < positionCount && (first == 0) == (maxima == nil), "bad shared prefix")
            let out = output + row * outputStride
            maximumOfSums(
                tokens: tokens + row * steps, positions: first..<positionCount, table: table,
                initial: maxima, into: out)
            for f in 0..<filterCount {
                let y = out[f] + bias[f]
                out[f] = y < 0 ? 0 : y  // ReLU that keeps a NaN visible
            }
        }
    }

    /// `into[f]` = max of `initial[f]` (or -infinity) and the raw window sums `z[p, f]` of one
    /// sequence over `positions`, taken in position order.
    private func maximumOfSums(
        tokens sequence: UnsafePointer<Int32>, positions: Range<Int>, table: UnsafePointer<Float>,
        initial: UnsafePointer<Float>?, into out: UnsafeMutablePointer<Float>
    ) {
        typealias Lanes = VectorMath.Lanes
        let width = VectorMath.width
        let rowWidth = window * filterCount
        let zero = Lanes()
        func load(_ p: UnsafePointer<Float>) -> Lanes { UnsafeRawPointer(p).loadUnaligned(as: Lanes.self) }
        func store(_ v: Lanes, _ p: UnsafeMutablePointer<Float>) {
            UnsafeMutableRawPointer(p).storeBytes(of: v, as: Lanes.self)
        }
        func start(_ f: Int) -> Lanes { initial.map { load($0 + f) } ?? Lanes(repeating: -.infinity) }
        var f = 0
        // 64 filters at a time: each table entry read is four contiguous cache lines, and
        // the token lookups are shared by four vectors.
        while f + 4 * width <= filterCount {
            var (best0, best1, best2, best3) = (start(f), start(f + width), start(f + 2 * width), start(f + 3 * width))
            for p in positions {
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
            store(best0, out + f)
            store(best1, out + f + width)
            store(best2, out + f + 2 * width)
            store(best3, out + f + 3 * width)
            f += 4 * width
        }
        // The rest one vector at a time, the last vector ending at the last filter (it overlaps
        // the one before: those filters get the same sums again); single filters only when
        // there are fewer than one vector's worth.
        while f < filterCount && filterCount >= width {
            f = Swift.min(f, filterCount - width)
            var best = start(f)
            for p in positions {
                var sum = zero
                for j in 0..<window {
                    sum += load(table + Int(sequence[p + j]) * rowWidth + j * filterCount + f)
                }
                best.replace(with: sum, where: sum .> best)
            }
            store(best, out + f)
            f += width
        }
        while f < filterCount {
            var best = initial?[f] ?? -Float.infinity
            for p in positions {
                var sum: Float = 0
                for j in 0..<window {
                    sum += table[Int(sequence[p + j]) * rowWidth + j * filterCount + f]
                }
                if sum > best { best = sum }
            }
            out[f] = best
            f += 1
        }
    }
}
