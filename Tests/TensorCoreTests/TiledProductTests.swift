import Testing
@testable import TensorCore

@Suite("Tiled matrix product")
struct TiledProductTests {
    /// `count` values in [-1, 1] from a fixed linear congruential sequence.
    func values(_ count: Int, seed: UInt64) -> [Float] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(Int(state >> 40) % 2001 - 1000) / 1000
        }
    }

    /// `C + A B` summed in the order of `k` with fused multiply-adds from zero, then added.
    func reference(
        m: Int, n: Int, k: Int, a: [Float], transposedA: Bool, b: [Float], c: [Float], overwrite: Bool
    ) -> [Float] {
        var result = c
        for i in 0..<m {
            for j in 0..<n {
                var sum: Float = 0
                for p in 0..<k { sum = sum.addingProduct(transposedA ? a[p * m + i] : a[i * k + p], b[p * n + j]) }
                result[i * n + j] = overwrite ? sum : c[i * n + j] + sum
            }
        }
        return result
    }

    @Test(
        "every tile shape and remainder equals the k-ordered fused sum, bit for bit",
        arguments: [
            (16, 512, 128), (16, 128, 512), (13, 88, 7), (3, 81, 33), (9, 36, 1), (1, 1, 5), (24, 60, 20),
            (12, 64, 9), (2, 32, 3),
        ])
    func matchesReference(shape: (Int, Int, Int)) {
        let (m, n, k) = shape
        for transposedA in [false, true] {
            for overwrite in [false, true] {
                let a = values(m * k, seed: 1)
                let b = values(k * n, seed: 2)
                var c = values(m * n, seed: 3)
                let expected = reference(
                    m: m, n: n, k: k, a: a, transposedA: transposedA, b: b, c: c, overwrite: overwrite)
                c.withUnsafeMutableBufferPointer { c in
                    TiledProduct.multiply(
                        m: m, n: n, k: k, a: a, aRowStride: transposedA ? 1 : k,
                        aDepthStride: transposedA ? m : 1, b: b, ldb: n, c: c.baseAddress!, ldc: n,
                        overwrite: overwrite)
                }
                #expect(c == expected, "m \(m) n \(n) k \(k) transposed \(transposedA) overwrite \(overwrite)")
            }
        }
    }

    @Test("agrees with cblas_sgemm within rounding, and a row alone equals the row within a batch")
    func agreesWithBLAS() {
        let (m, n, k) = (16, 512, 128)
        let a = values(m * k, seed: 4)
        let b = values(k * n, seed: 5)
        let start = values(m * n, seed: 6)
        var ours = start
        var blas = start
        ours.withUnsafeMutableBufferPointer { c in
            TiledProduct.multiply(
                m: m, n: n, k: k, a: a, aRowStride: k, aDepthStride: 1, b: b, ldb: n, c: c.baseAddress!, ldc: n)
        }
        blas.withUnsafeMutableBufferPointer { c in
            BLAS.gemm(m: m, n: n, k: k, a: a, lda: k, b: b, ldb: n, beta: 1, c: c.baseAddress!, ldc: n)
        }
        let largest = zip(ours, blas).map { abs($0 - $1) }.max() ?? 0
        #expect(largest < 1e-4)
        var row = Array(start[(5 * n)..<(6 * n)])
        row.withUnsafeMutableBufferPointer { c in
            a.withUnsafeBufferPointer { a in
                TiledProduct.multiply(
                    m: 1, n: n, k: k, a: a.baseAddress! + 5 * k, aRowStride: k, aDepthStride: 1, b: b, ldb: n,
                    c: c.baseAddress!, ldc: n)
            }
        }
        #expect(row == Array(ours[(5 * n)..<(6 * n)]))
    }

    @Test("a start row replaces C's rows: bias + A B", arguments: [(13, 88, 7), (16, 512, 9), (3, 3, 2)])
    func startRow(shape: (Int, Int, Int)) {
        let (m, n, k) = shape
        let a = values(m * k, seed: 8)
        let b = values(k * n, seed: 9)
        let bias = values(n, seed: 10)
        let expected = reference(
            m: m, n: n, k: k, a: a, transposedA: false, b: b, c: (0..<m).flatMap { _ in bias }, overwrite: false)
        var c = [Float](repeating: .nan, count: m * n)
        c.withUnsafeMutableBufferPointer { c in
            TiledProduct.multiply(
                m: m, n: n, k: k, a: a, aRowStride: k, aDepthStride: 1, b: b, ldb: n, c: c.baseAddress!, ldc: n,
                startRow: bias)
        }
        #expect(c == expected)
    }

    @Test("transpose swaps rows and columns")
    func transposes() {
        let b = values(7 * 20, seed: 7)
        var t = [Float](repeating: 0, count: 7 * 20)
        t.withUnsafeMutableBufferPointer { TiledProduct.transpose(b, rows: 7, columns: 20, ldb: 20, into: $0.baseAddress!) }
        for p in 0..<7 { for j in 0..<20 { #expect(t[j * 7 + p] == b[p * 20 + j]) } }
    }
}
