internal import COpenBLAS

/// Matrix products through OpenBLAS's CBLAS interface (row-major throughout).
///
/// This is the only file that imports `COpenBLAS`.
public enum BLAS {
    /// `C = alpha * op(A) * op(B) + beta * C` with `op(A)` of shape `m x k`, `op(B)` of shape
    /// `k x n` and `C` of shape `m x n`, all row-major. Calls `cblas_sgemm`.
    ///
    /// - Parameters:
    ///   - transposeA: Use `A` transposed (then `A` is stored `k x m`).
    ///   - transposeB: Use `B` transposed (then `B` is stored `n x k`).
    ///   - lda: Row stride of `A` as stored; `ldb`, `ldc` likewise.
    @inline(__always)
    public static func gemm(
        transposeA: Bool = false, transposeB: Bool = false, m: Int, n: Int, k: Int,
        alpha: Float = 1, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        guard m > 0, n > 0 else { return }
        if k == 0 {
            if beta != 1 {
                for row in 0..<m { scale(c + row * ldc, count: n, by: beta) }
            }
            return
        }
        cblas_sgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans,
            transposeB ? CblasTrans : CblasNoTrans, Int32(m), Int32(n), Int32(k), alpha, a,
            Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// `y = alpha * op(A) * x + beta * y` for a row-major `m x n` matrix `A`. Calls `cblas_sgemv`.
    @inline(__always)
    public static func gemv(
        transpose: Bool = false, m: Int, n: Int, alpha: Float = 1, a: UnsafePointer<Float>,
        lda: Int, x: UnsafePointer<Float>, beta: Float = 0, y: UnsafeMutablePointer<Float>
    ) {
        cblas_sgemv(
            CblasRowMajor, transpose ? CblasTrans : CblasNoTrans, Int32(m), Int32(n), alpha, a,
            Int32(lda), x, 1, beta, y, 1)
    }

    /// OpenBLAS's build and the kernels it chose for this CPU, e.g.
    /// `OpenBLAS 0.3.21 DYNAMIC_ARCH ... Haswell/Haswell` (`openblas_get_config`,
    /// `openblas_get_corename`). The last bits of a product depend on the kernels.
    public static var kernelDescription: String {
        String(cString: openblas_get_config()) + "/" + String(cString: openblas_get_corename())
    }

    /// The number of threads OpenBLAS uses inside one call (`openblas_get_num_threads`).
    public static var threadCount: Int {
        get { Int(openblas_get_num_threads()) }
        set { openblas_set_num_threads(Int32(max(1, newValue))) }
    }

    @inline(__always)
    static func scale(_ x: UnsafeMutablePointer<Float>, count: Int, by factor: Float) {
        if factor == 0 {
            x.update(repeating: 0, count: count)
        } else {
            for i in 0..<count { x[i] *= factor }
        }
    }
}
