import Foundation
import Testing
@testable import TensorCore

@Suite("VectorMath")
struct VectorMathTests {
    @Test("exp matches Foundation within 2e-7 relative over [-87, 88]")
    func expAccuracy() {
        var worst = 0.0
        var x: Float = -87
        while x <= 88 {
            let approx = Double(VectorMath.exp(x))
            let exact = Foundation.exp(Double(x))
            worst = max(worst, abs(approx - exact) / exact)
            x += 0.0137
        }
        #expect(worst < 2e-7, "worst relative error \(worst)")
    }

    @Test("exponentiate writes exp((x - shift) * factor) and returns the sum, tail included")
    func exponentiateWithTail() {
        let count = 37  // two full lanes and a tail
        let buffer = FloatBuffer(count: count)
        for i in 0..<count { buffer[i] = Float(i) * 0.25 - 3 }
        let original = buffer.array
        let sum = VectorMath.exponentiate(buffer.base, count: count, subtracting: 1.5, multiplying: 0.5)
        var expected = 0.0
        for i in 0..<count {
            let e = Foundation.exp(Double((original[i] - 1.5) * 0.5))
            expected += e
            #expect(abs(Double(buffer[i]) - e) <= 1e-6 * e)
        }
        #expect(abs(Double(sum) - expected) <= 1e-5 * expected)
    }

    @Test("maximum, sum and sum of squares agree with plain loops", arguments: [1, 15, 16, 17, 100, 5000])
    func reductions(count: Int) {
        var random = SplitMix64(seed: UInt64(count))
        let buffer = FloatBuffer(count: count)
        for i in 0..<count { buffer[i] = Float(random.nextNormal()) }
        let values = buffer.array
        #expect(VectorMath.maximum(buffer.base, count: count) == values.max()!)
        let sum = values.reduce(0.0) { $0 + Double($1) }
        #expect(abs(Double(VectorMath.sum(buffer.base, count: count)) - sum) < 1e-3)
        let squares = values.reduce(0.0) { $0 + Double($1) * Double($1) }
        #expect(abs(VectorMath.sumOfSquares(buffer.base, count: count) - squares) < 1e-3)
    }
}

@Suite("SplitMix64")
struct SplitMix64Tests {
    @Test("the same seed gives the same stream; other seeds and streams differ")
    func determinism() {
        var a = SplitMix64(seed: 42)
        var b = SplitMix64(seed: 42)
        var c = SplitMix64(seed: 43)
        let first = (0..<8).map { _ in a.next() }
        #expect(first == (0..<8).map { _ in b.next() })
        #expect(first != (0..<8).map { _ in c.next() })
        var s1 = SplitMix64(seed: 42, stream: 1, 2)
        var s2 = SplitMix64(seed: 42, stream: 2, 1)
        #expect(s1.next() != s2.next())
    }

    @Test("normal draws have mean 0 and variance 1")
    func normalMoments() {
        var random = SplitMix64(seed: 7)
        let n = 200_000
        var sum = 0.0
        var squares = 0.0
        for _ in 0..<n {
            let x = random.nextNormal()
            sum += x
            squares += x * x
        }
        let mean = sum / Double(n)
        #expect(abs(mean) < 0.01)
        #expect(abs(squares / Double(n) - mean * mean - 1) < 0.02)
    }
}

@Suite("BLAS")
struct BLASTests {
    @Test("gemm with every transpose combination matches a naive product")
    func gemmTransposes() {
        let (m, n, k) = (5, 7, 3)
        var random = SplitMix64(seed: 3)
        let a = (0..<(m * k)).map { _ in Float(random.nextNormal()) }
        let b = (0..<(k * n)).map { _ in Float(random.nextNormal()) }
        func transpose(_ x: [Float], rows: Int, columns: Int) -> [Float] {
            var y = [Float](repeating: 0, count: x.count)
            for r in 0..<rows { for c in 0..<columns { y[c * rows + r] = x[r * columns + c] } }
            return y
        }
        var expected = [Float](repeating: 0, count: m * n)
        for i in 0..<m { for j in 0..<n { for p in 0..<k { expected[i * n + j] += a[i * k + p] * b[p * n + j] } } }
        for ta in [false, true] {
            for tb in [false, true] {
                let aa = ta ? transpose(a, rows: m, columns: k) : a
                let bb = tb ? transpose(b, rows: k, columns: n) : b
                var c = [Float](repeating: 1, count: m * n)
                c.withUnsafeMutableBufferPointer { cp in
                    BLAS.gemm(
                        transposeA: ta, transposeB: tb, m: m, n: n, k: k, a: aa, lda: ta ? m : k,
                        b: bb, ldb: tb ? k : n, beta: 0, c: cp.baseAddress!, ldc: n)
                }
                for i in 0..<(m * n) { #expect(abs(c[i] - expected[i]) < 1e-5) }
            }
        }
    }
}

@Suite("VectorMath: fused passes and vector square roots")
struct VectorMathFusedTests {
    @Test("scale(accumulatingInto:) scales in place and adds the scaled values, tail included")
    func scaleAccumulating() {
        let count = 37  // two full lanes and a tail
        let x = FloatBuffer(count: count)
        let sums = FloatBuffer(count: count)
        for i in 0..<count {
            x[i] = Float(i) * 0.5 - 7
            sums[i] = Float(i % 5)
        }
        VectorMath.scale(x.base, count: count, by: -0.25, accumulatingInto: sums.base)
        for i in 0..<count {
            let scaled = (Float(i) * 0.5 - 7) * -0.25
            #expect(x[i] == scaled)
            #expect(sums[i] == Float(i % 5) + scaled)
        }
    }

    @Test("squareRoot equals Float.squareRoot in every lane, bit for bit")
    func squareRootIsExact() {
        var random = SplitMix64(seed: 21)
        for _ in 0..<1000 {
            var lanes = VectorMath.Lanes()
            for lane in 0..<VectorMath.width {
                // Magnitudes from 1e-30 to 1e30, zero, and subnormals.
                let exponent = Float(random.next() % 61) - 30
                lanes[lane] = random.nextUnitFloat() * Float(pow(10, Double(exponent)))
            }
            lanes[0] = 0
            lanes[1] = .leastNonzeroMagnitude
            let roots = VectorMath.squareRoot(lanes)
            for lane in 0..<VectorMath.width {
                #expect(roots[lane].bitPattern == lanes[lane].squareRoot().bitPattern)
            }
        }
    }
}
