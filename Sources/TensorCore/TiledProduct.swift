/// Matrix products `C (+)= A B` for the LSTM's shapes, in register tiles of 16-lane vectors,
/// reading `B` where it lies (no packing).
///
/// OpenBLAS packs both operands of every call into its own layout first: for the LSTM's
/// per-step products (`[16, 128] x [128, 512]`, a 256 KB matrix repacked for 1 MFLOP of
/// work) packing costs as much as the product, and on CPUs it does not know it runs its
/// AVX2 kernels. These tiles of 8 rows by 32 columns (16 accumulators of 16 lanes) compile to
/// AVX-512 where the build targets it and read `B`'s rows in place, which stay in cache for
/// the whole of `A`.
///
/// Every element is summed in the order of `k` with fused multiply-adds starting from zero,
/// then added to `C` (or stored): the result does not depend on the tiling, on `m` or on
/// which rows of `A` are multiplied together, so a row computed alone (a sampling step) equals
/// the same row computed within a sequence.
public enum TiledProduct {
    typealias Lanes = SIMD16<Float>

    /// `C = C + A B` (or `C = A B` with `overwrite`), `A` of shape `m x k` read with any
    /// strides, `B` of shape `k x n` row-major, `C` of shape `m x n` row-major.
    ///
    /// - Parameters:
    ///   - a: Element `(i, p)` of `A` is `a[i * aRowStride + p * aDepthStride]`: a row-major
    ///     `A` has strides `(lda, 1)`, the transpose of a row-major `[k, m]` matrix `(1, lda)`.
    ///   - b: `k` rows of `n` values, `ldb` apart.
    ///   - c: `m` rows of `n` values, `ldc` apart.
    ///   - overwrite: Stores `A B` instead of adding it to `C`.
    ///   - startRow: `[n]` values every row of `C` starts from instead of its own (a bias):
    ///     `C = startRow + A B`, without writing the rows first.
    public static func multiply(
        m: Int, n: Int, k: Int, a: UnsafePointer<Float>, aRowStride: Int, aDepthStride: Int,
        b: UnsafePointer<Float>, ldb: Int, c: UnsafeMutablePointer<Float>, ldc: Int,
        overwrite: Bool = false, startRow: UnsafePointer<Float>? = nil
    ) {
        guard m > 0, n > 0 else { return }
        let operands = Operands(
            k: k, a: a, aRowStride: aRowStride, aDepthStride: aDepthStride, b: b, ldb: ldb, c: c,
            ldc: ldc, overwrite: overwrite, startRow: startRow)
        // A last tile of fewer than 8 rows repeats its last row in the missing ones and
        // stores only its own: a one-row tile would wait on the latency of one chain of
        // multiply-adds (a step of packed sequences with a few rows left is mostly such
        // tiles). Up to 4 rows take a tile of 4 rows, whose 8 chains still fill the
        // multiply-add units, at half the work of 8.
        var column = 0
        while column + 32 <= n {
            var row = 0
            while row < m {
                let rows = min(8, m - row)
                if rows <= 4 {
                    operands.tile32(row: row, rows: rows, column: column, tall: false)
                } else {
                    operands.tile32(row: row, rows: rows, column: column, tall: true)
                }
                row += 8
            }
            column += 32
        }
        if column + 16 <= n {
            operands.columnBlock(rows: m, column: column, as: Lanes.self)
            column += 16
        }
        if column + 8 <= n {
            operands.columnBlock(rows: m, column: column, as: SIMD8<Float>.self)
            column += 8
        }
        if column + 4 <= n {
            operands.columnBlock(rows: m, column: column, as: SIMD4<Float>.self)
            column += 4
        }
        while column < n {
            for row in 0..<m { operands.scalar(row: row, column: column) }
            column += 1
        }
    }

    /// `C = C + Aᵀ B` for a row-major `A` of shape `k x m` (`lda` apart), `B` of shape `k x n`:
    /// a weight gradient summed over `k` rows of a batch.
    ///
    /// The `k` rows are taken in blocks of ``depthBlock``, each block's products summed in
    /// order and added to `C` (see ``multiply(m:n:k:a:aRowStride:aDepthStride:b:ldb:c:ldc:overwrite:)``),
    /// so that a block of `B` stays in cache while every tile of `C` reads it.
    public static func accumulateTransposed(
        m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>,
        ldb: Int, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        var p = 0
        while p < k {
            let depth = min(depthBlock, k - p)
            multiply(
                m: m, n: n, k: depth, a: a + p * lda, aRowStride: 1, aDepthStride: lda, b: b + p * ldb,
                ldb: ldb, c: c, ldc: ldc)
            p += depth
        }
    }

    /// Rows of `B` per block in ``accumulateTransposed(m:n:k:a:lda:b:ldb:c:ldc:)``: 256 rows
    /// of the LSTM's `[*, 512]` gate gradients are 512 KB; blocks of 2,048 rows ran at half the
    /// speed.
    public static let depthBlock = 256

    /// `B`'s transpose: `[n, k]` row-major from `[k, n]` row-major (`ldb` apart), for products
    /// with a transposed right operand.
    public static func transpose(
        _ b: UnsafePointer<Float>, rows k: Int, columns n: Int, ldb: Int,
        into destination: UnsafeMutablePointer<Float>
    ) {
        var p = 0
        while p < k {
            let block = min(16, k - p)
            for j in 0..<n {
                let target = destination + j * k + p
                for q in 0..<block { target[q] = b[(p + q) * ldb + j] }
            }
            p += block
        }
    }

    /// The operands of one product, shared by its tiles.
    struct Operands {
        let k: Int
        let a: UnsafePointer<Float>
        let aRowStride: Int
        let aDepthStride: Int
        let b: UnsafePointer<Float>
        let ldb: Int
        let c: UnsafeMutablePointer<Float>
        let ldc: Int
        let overwrite: Bool
        let startRow: UnsafePointer<Float>?

        @inline(__always)
        func load<V: SIMD>(_ p: UnsafePointer<Float>, as _: V.Type) -> V where V.Scalar == Float {
            UnsafeRawPointer(p).loadUnaligned(as: V.self)
        }

        @inline(__always)
        func finish<V: SIMD>(_ sum: V, at p: UnsafeMutablePointer<Float>) where V.Scalar == Float {
            let start: UnsafePointer<Float>? =
                startRow.map { $0 + (p - c) % ldc } ?? (overwrite ? nil : UnsafePointer(p))
            let value = start.map { load($0, as: V.self) + sum } ?? sum
            UnsafeMutableRawPointer(p).storeBytes(of: value, as: V.self)
        }

        /// Rows `row..<row+rows`, columns `column..<column+32`: a tile of 8 rows (`rows` at most
        /// 8) or, when not `tall`, of 4 (`rows` at most 4). Always inlined where `tall` is a
        /// constant, so that each height compiles to its own loop.
        @inline(__always)
        func tile32(row: Int, rows: Int, column: Int, tall: Bool) {
            var c00 = Lanes(), c01 = Lanes(), c10 = Lanes(), c11 = Lanes()
            var c20 = Lanes(), c21 = Lanes(), c30 = Lanes(), c31 = Lanes()
            var c40 = Lanes(), c41 = Lanes(), c50 = Lanes(), c51 = Lanes()
            var c60 = Lanes(), c61 = Lanes(), c70 = Lanes(), c71 = Lanes()
            let last = rows - 1
            let s = aRowStride
            let a0 = a + row * s
            let a1 = a0 + min(1, last) * s, a2 = a0 + min(2, last) * s, a3 = a0 + min(3, last) * s
            let a4 = a0 + min(4, last) * s, a5 = a0 + min(5, last) * s, a6 = a0 + min(6, last) * s
            let a7 = a0 + min(7, last) * s
            var p = 0
            var bp = b + column
            for _ in 0..<k {
                let b0 = load(bp, as: Lanes.self)
                let b1 = load(bp + 16, as: Lanes.self)
                // Row `ar`'s element `p` times the 32 columns of `B`'s row `p`.
                @inline(__always) func add(_ ar: UnsafePointer<Float>, _ low: inout Lanes, _ high: inout Lanes) {
                    let x = Lanes(repeating: ar[p])
                    low = low.addingProduct(x, b0)
                    high = high.addingProduct(x, b1)
                }
                add(a0, &c00, &c01)
                add(a1, &c10, &c11)
                add(a2, &c20, &c21)
                add(a3, &c30, &c31)
                if tall {
                    add(a4, &c40, &c41)
                    add(a5, &c50, &c51)
                    add(a6, &c60, &c61)
                    add(a7, &c70, &c71)
                }
                p += aDepthStride
                bp += ldb
            }
            let cp = c + row * ldc + column
            finish(c00, at: cp)
            finish(c01, at: cp + 16)
            guard rows > 1 else { return }
            finish(c10, at: cp + ldc)
            finish(c11, at: cp + ldc + 16)
            guard rows > 2 else { return }
            finish(c20, at: cp + 2 * ldc)
            finish(c21, at: cp + 2 * ldc + 16)
            guard rows > 3 else { return }
            finish(c30, at: cp + 3 * ldc)
            finish(c31, at: cp + 3 * ldc + 16)
            guard rows > 4 else { return }
            finish(c40, at: cp + 4 * ldc)
            finish(c41, at: cp + 4 * ldc + 16)
            guard rows > 5 else { return }
            finish(c50, at: cp + 5 * ldc)
            finish(c51, at: cp + 5 * ldc + 16)
            guard rows > 6 else { return }
            finish(c60, at: cp + 6 * ldc)
            finish(c61, at: cp + 6 * ldc + 16)
            guard rows > 7 else { return }
            finish(c70, at: cp + 7 * ldc)
            finish(c71, at: cp + 7 * ldc + 16)
        }

        /// One vector of columns from `column` for all `rows`: eight rows at a time, then one.
        @inline(__always)
        func columnBlock<V: SIMD>(rows: Int, column: Int, as _: V.Type) where V.Scalar == Float {
            var row = 0
            while row + 8 <= rows {
                tile8(row: row, column: column, as: V.self)
                row += 8
            }
            while row < rows {
                tile1(row: row, column: column, as: V.self)
                row += 1
            }
        }

        /// Rows `row..<row+8`, one vector of columns from `column`.
        @inline(__always)
        func tile8<V: SIMD>(row: Int, column: Int, as _: V.Type) where V.Scalar == Float {
            var c0 = V(), c1 = V(), c2 = V(), c3 = V(), c4 = V(), c5 = V(), c6 = V(), c7 = V()
            let s = aRowStride
            var ap = a + row * s
            var bp = b + column
            for _ in 0..<k {
                let b0 = load(bp, as: V.self)
                c0 = c0.addingProduct(V(repeating: ap[0]), b0)
                c1 = c1.addingProduct(V(repeating: ap[s]), b0)
                c2 = c2.addingProduct(V(repeating: ap[2 * s]), b0)
                c3 = c3.addingProduct(V(repeating: ap[3 * s]), b0)
                c4 = c4.addingProduct(V(repeating: ap[4 * s]), b0)
                c5 = c5.addingProduct(V(repeating: ap[5 * s]), b0)
                c6 = c6.addingProduct(V(repeating: ap[6 * s]), b0)
                c7 = c7.addingProduct(V(repeating: ap[7 * s]), b0)
                ap += aDepthStride
                bp += ldb
            }
            let cp = c + row * ldc + column
            finish(c0, at: cp)
            finish(c1, at: cp + ldc)
            finish(c2, at: cp + 2 * ldc)
            finish(c3, at: cp + 3 * ldc)
            finish(c4, at: cp + 4 * ldc)
            finish(c5, at: cp + 5 * ldc)
            finish(c6, at: cp + 6 * ldc)
            finish(c7, at: cp + 7 * ldc)
        }

        /// Row `row`, one vector of columns from `column`.
        @inline(__always)
        func tile1<V: SIMD>(row: Int, column: Int, as _: V.Type) where V.Scalar == Float {
            var sum = V()
            var ap = a + row * aRowStride
            var bp = b + column
            for _ in 0..<k {
                sum = sum.addingProduct(V(repeating: ap[0]), load(bp, as: V.self))
                ap += aDepthStride
                bp += ldb
            }
            finish(sum, at: c + row * ldc + column)
        }

        /// One element.
        @inline(__always)
        func scalar(row: Int, column: Int) {
            var sum: Float = 0
            for p in 0..<k { sum = sum.addingProduct(a[row * aRowStride + p * aDepthStride], b[p * ldb + column]) }
            let target = c + row * ldc + column
            if let startRow {
                target.pointee = startRow[column] + sum
            } else {
                target.pointee = overwrite ? sum : target.pointee + sum
            }
        }
    }
}
