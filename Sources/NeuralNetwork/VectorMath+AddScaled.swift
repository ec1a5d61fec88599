import TensorCore

extension VectorMath {
    /// `y[i] += factor * x[i]` for `count` values (BLAS's `axpy`), 16 lanes at a time.
    @inline(__always)
    static func addScaled(
        _ x: UnsafePointer<Float>, by factor: Float, to y: UnsafeMutablePointer<Float>, count: Int
    ) {
        var i = 0
        let f = Lanes(repeating: factor)
        while i + width <= count {
            let sum =
                UnsafeRawPointer(y + i).loadUnaligned(as: Lanes.self)
                + f * UnsafeRawPointer(x + i).loadUnaligned(as: Lanes.self)
            UnsafeMutableRawPointer(y + i).storeBytes(of: sum, as: Lanes.self)
            i += width
        }
        while i < count {
            y[i] += factor * x[i]
            i += 1
        }
    }
}
