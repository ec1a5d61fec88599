import Foundation

/// Vectorised loops over contiguous `Float` buffers: the elementwise work of the hot paths
/// (softmax, activations) written once with 16-lane SIMD so that it runs at memory speed.
public enum VectorMath {
    public typealias Lanes = SIMD16<Float>
    public static let width = Lanes.scalarCount

    @inline(__always)
    static func load(_ p: UnsafePointer<Float>) -> Lanes {
        UnsafeRawPointer(p).loadUnaligned(as: Lanes.self)
    }

    @inline(__always)
    static func store(_ v: Lanes, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: Lanes.self)
    }

    /// `exp(x)` for 16 lanes at once, with a relative error below 2e-7 for `x` in
    /// `[-87, 88]`; below -87 the result is exactly 0 (an underflow, so that classes without
    /// mass can never be drawn), above 88 it is `exp(88)`.
    ///
    /// Range reduction `x = n ln 2 + r` with `|r| <= ln 2 / 2`, a degree-6 polynomial for
    /// `e^r` (Cephes `expf` coefficients) and `2^n` built in the exponent bits. Every
    /// multiply-add is one fused instruction (`addingProduct`: Swift does not contract
    /// `a * b + c` by itself), which halves the instructions of the plain form.
    @inline(__always)
    public static func exp(_ x: Lanes) -> Lanes {
        // (`replace(with:where:)` lowers to vector selects; `clamped` and `pointwiseMax`
        // do not, and are two orders of magnitude slower.)
        var clamped = x
        clamped.replace(with: Lanes(repeating: -87.0), where: x .< Lanes(repeating: -87.0))
        clamped.replace(with: Lanes(repeating: 88.0), where: x .> Lanes(repeating: 88.0))
        // Round x*log2(e) to the nearest integer with the 1.5 * 2^23 trick.
        let magic = Lanes(repeating: 12_582_912.0)
        let shifted = magic.addingProduct(clamped, Lanes(repeating: 1.442_695_04))
        let n = shifted - magic
        var r = clamped.addingProduct(n, Lanes(repeating: -0.693_359_375))
        r = r.addingProduct(n, Lanes(repeating: 2.121_944_4e-4))
        var p = Lanes(repeating: 1.398_199_95e-3)
            .addingProduct(Lanes(repeating: 1.987_569_15e-4), r)
        p = Lanes(repeating: 8.333_451_9e-3).addingProduct(p, r)
        p = Lanes(repeating: 4.166_579_59e-2).addingProduct(p, r)
        p = Lanes(repeating: 1.666_666_55e-1).addingProduct(p, r)
        p = Lanes(repeating: 5.000_000_12e-1).addingProduct(p, r)
        let y = (r + Lanes(repeating: 1)).addingProduct(p, r * r)
        let nBits = unsafeBitCast(shifted, to: SIMD16<Int32>.self) &- 0x4B40_0000
        let scale = unsafeBitCast((nBits &+ 127) &<< 23, to: Lanes.self)
        var result = y * scale
        result.replace(with: Lanes(), where: x .< Lanes(repeating: -87.0))
        return result
    }

    /// `exp(x)` for one value through the same approximation as the vector version.
    @inline(__always)
    public static func exp(_ x: Float) -> Float { exp(Lanes(repeating: x))[0] }

    /// The largest of `count` values (`-infinity` when `count == 0`).
    public static func maximum(_ x: UnsafePointer<Float>, count: Int) -> Float {
        var i = 0
        var best = -Float.infinity
        if count >= width {
            var lanes = load(x)
            i = width
            while i + width <= count {
                let next = load(x + i)
                lanes.replace(with: next, where: next .> lanes)
                i += width
            }
            for lane in 0..<width where lanes[lane] > best { best = lanes[lane] }
        }
        while i < count {
            best = Swift.max(best, x[i])
            i += 1
        }
        return best
    }

    /// Replaces each `x[i]` by `exp((x[i] - shift) * factor)` and returns their sum.
    public static func exponentiate(
        _ x: UnsafeMutablePointer<Float>, count: Int, subtracting shift: Float,
        multiplying factor: Float = 1
    ) -> Float {
        var i = 0
        var total = Lanes()
        let s = Lanes(repeating: shift)
        let f = Lanes(repeating: factor)
        while i + width <= count {
            let e = exp((load(x + i) - s) * f)
            store(e, x + i)
            total += e
            i += width
        }
        var sum = total.sum()
        while i < count {
            let e = exp((x[i] - shift) * factor)
            x[i] = e
            sum += e
            i += 1
        }
        return sum
    }

    /// `x[i] *= factor` for `count` values.
    public static func scale(_ x: UnsafeMutablePointer<Float>, count: Int, by factor: Float) {
        var i = 0
        let f = Lanes(repeating: factor)
        while i + width <= count {
            store(load(x + i) * f, x + i)
            i += width
        }
        while i < count {
            x[i] *= factor
            i += 1
        }
    }

    /// `y[i] += x[i]` for `count` values.
    public static func add(_ x: UnsafePointer<Float>, to y: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        while i + width <= count {
            store(load(y + i) + load(x + i), y + i)
            i += width
        }
        while i < count {
            y[i] += x[i]
            i += 1
        }
    }

    /// Adds the row vector `bias` (length `columns`) to each of `rows` rows of `x`.
    public static func addRowVector(
        _ bias: UnsafePointer<Float>, to x: UnsafeMutablePointer<Float>, rows: Int, columns: Int
    ) {
        for row in 0..<rows { add(bias, to: x + row * columns, count: columns) }
    }

    /// Sums each column of a row-major `rows x columns` matrix into `result` (added, not set).
    public static func accumulateColumnSums(
        of x: UnsafePointer<Float>, rows: Int, columns: Int, into result: UnsafeMutablePointer<Float>
    ) {
        for row in 0..<rows { add(x + row * columns, to: result, count: columns) }
    }

    /// The sum of squares of `count` values, accumulated in `Double`.
    public static func sumOfSquares(_ x: UnsafePointer<Float>, count: Int) -> Double {
        var i = 0
        var total = Lanes()
        var sum = 0.0
        while i + width <= count {
            let v = load(x + i)
            total += v * v
            i += width
            if i % 4096 == 0 {
                sum += Double(total.sum())
                total = Lanes()
            }
        }
        sum += Double(total.sum())
        while i < count {
            sum += Double(x[i] * x[i])
            i += 1
        }
        return sum
    }
}

extension VectorMath {
    /// The sum of `count` values.
    public static func sum(_ x: UnsafePointer<Float>, count: Int) -> Float {
        var i = 0
        var total = Lanes()
        while i + width <= count {
            total += load(x + i)
            i += width
        }
        var result = total.sum()
        while i < count {
            result += x[i]
            i += 1
        }
        return result
    }
}

extension VectorMath {
    /// `x[i] = 1 / (1 + exp(-x[i]))` for `count` values.
    public static func sigmoid(_ x: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        let one = Lanes(repeating: 1)
        while i + width <= count {
            store(one / (one + exp(-load(x + i))), x + i)
            i += width
        }
        while i < count {
            x[i] = 1 / (1 + exp(-x[i]))
            i += 1
        }
    }

    /// `x[i] = tanh(x[i])` for `count` values, as `2 sigmoid(2x) - 1` (absolute error below
    /// 1e-6).
    public static func tanh(_ x: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        let one = Lanes(repeating: 1)
        let two = Lanes(repeating: 2)
        while i + width <= count {
            store(two / (one + exp(-two * load(x + i))) - one, x + i)
            i += width
        }
        while i < count {
            x[i] = 2 / (1 + exp(-2 * x[i])) - 1
            i += 1
        }
    }
}
