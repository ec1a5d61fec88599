import TensorCore

/// Multinomial sampling from logits.
public enum Sampling {
    /// Draws a class from `softmax(logits / temperature)`.
    ///
    /// One pass turns the row into unnormalised exponentials (the row is overwritten) and
    /// sums them; the draw `u * total` is then located by skipping whole 64-wide blocks by
    /// their sums. No normalisation pass, no allocation.
    ///
    /// - Parameters:
    ///   - logits: `count` logits; overwritten.
    ///   - temperature: Greater than 0; 1 samples the model's own distribution.
    ///   - uniform: A uniform draw in `[0, 1)`.
    /// - Returns: The class index.
    public static func drawIndex(
        fromLogits logits: UnsafeMutablePointer<Float>, count: Int, temperature: Float,
        uniform: Float
    ) -> Int {
        let total = exponentiate(logits, count: count, temperature: temperature)
        return drawIndex(fromWeights: logits, count: count, total: total, uniform: uniform)
    }

    /// Turns `count` logits into the unnormalised weights `exp((z - max z) / temperature)`
    /// in place and returns their sum, for ``drawIndex(fromWeights:count:total:uniform:)``
    /// (several draws from one row).
    public static func exponentiate(
        _ logits: UnsafeMutablePointer<Float>, count: Int, temperature: Float
    ) -> Float {
        let maximum = VectorMath.maximum(logits, count: count)
        return VectorMath.exponentiate(logits, count: count, subtracting: maximum, multiplying: 1 / temperature)
    }

    /// Draws a class with probability proportional to `weights`, whose sum is `total`: the
    /// class where the running sum passes `uniform * total`, found by skipping whole 64-wide
    /// blocks by their sums.
    public static func drawIndex(
        fromWeights weights: UnsafePointer<Float>, count: Int, total: Float, uniform: Float
    ) -> Int {
        var remaining = uniform * total
        var start = 0
        let block = 64
        while start + block < count {
            let blockSum = VectorMath.sum(weights + start, count: block)
            if remaining < blockSum { break }
            remaining -= blockSum
            start += block
        }
        var last = start
        for i in start..<count {
            let p = weights[i]
            if p > 0 { last = i }
            if remaining < p { return i }
            remaining -= p
        }
        // Rounding left a sliver past the end: take the last class with mass.
        return last
    }
}
