import TensorCore

/// The forward pass over a time-major input, one product per window offset.
///
/// With the input stored `[T, B, E]`, the rows `(p, b)` of every position `p < T - w + 1` are
/// contiguous, and the responses of all positions of the batch are a sum over the window's
/// offsets `j` of one product each: `Z[(p, b)] += X[(p + j, b)] · W[:, j]`, `[P B, E] x [E, F]`.
/// That is `w` tall products per bank instead of `P` short ones, each of which would pack the
/// bank's weights again (the packing was a tenth of the work).
extension Convolution1D {
    /// Floats of scratch space ``forward(timeMajorInput:steps:batch:parameters:output:argmax:outputStride:scratch:)``
    /// needs for `batch` sequences of `steps` steps.
    public func timeMajorScratchCount(steps: Int, batch: Int) -> Int {
        (positions(steps: steps) + 1) * batch * filterCount
    }

    /// Pooled features of `batch` sequences given time-major: the same values as
    /// ``forward(input:steps:batch:parameters:output:argmax:outputStride:scratch:)`` on the
    /// batch-major input, up to rounding (the sums run in another order).
    ///
    /// - Parameters:
    ///   - timeMajorInput: `[T, B, E]`: step `t` of sequence `b` at `(t B + b) E`.
    ///   - output: Receives `y[b, f]` at `output[b * outputStride + f]`.
    ///   - argmax: Receives the maximising position of `(b, f)` (the first on ties).
    ///   - scratch: ``timeMajorScratchCount(steps:batch:)`` floats.
    public func forward(
        timeMajorInput input: UnsafePointer<Float>, steps: Int, batch: Int,
        parameters: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>,
        argmax: UnsafeMutablePointer<Int32>, outputStride: Int, scratch: UnsafeMutablePointer<Float>
    ) {
        let positionCount = positions(steps: steps)
        precondition(positionCount > 0, "window \(window) longer than the sequence (\(steps))")
        guard batch > 0 else { return }
        let f = filterCount
        let n = batch * f
        let responses = scratch  // [P, B, F]
        let bestPosition = scratch + positionCount * n
        let k = window * inputWidth
        for j in 0..<window {
            BLAS.gemm(
                transposeB: true, m: positionCount * batch, n: f, k: inputWidth,
                a: input + j * batch * inputWidth, lda: inputWidth,
                b: parameters + weights.offset + j * inputWidth, ldb: k, beta: j == 0 ? 0 : 1,
                c: responses, ldc: f)
        }
        // The maximum over positions, kept in the first position's block.
        bestPosition.update(repeating: 0, count: n)
        for p in 1..<positionCount {
            Convolution1D.keepMaximum(
                responses, positions: bestPosition, candidate: responses + p * n,
                position: Float(p), count: n)
        }
        writeActivations(
            maxima: responses, positions: bestPosition, batch: batch, parameters: parameters,
            output: output, argmax: argmax, outputStride: outputStride)
    }
}
