extension VectorMath {
    /// `x[i] *= factor` and then `sums[i] += x[i]` for `count` values: a softmax row turned
    /// into its gradient and added to the bias gradient in one pass.
    public static func scale(
        _ x: UnsafeMutablePointer<Float>, count: Int, by factor: Float,
        accumulatingInto sums: UnsafeMutablePointer<Float>
    ) {
        var i = 0
        let f = Lanes(repeating: factor)
        while i + width <= count {
            let value = load(x + i) * f
            store(value, x + i)
            store(load(sums + i) + value, sums + i)
            i += width
        }
        while i < count {
            x[i] *= factor
            sums[i] += x[i]
            i += 1
        }
    }
}
