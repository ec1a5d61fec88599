import TensorCore

/// Fills `count` values with N(0, `scale`) draws.
func fillNormal(_ values: UnsafeMutablePointer<Float>, count: Int, scale: Float, seed: UInt64) {
    var random = SplitMix64(seed: seed)
    for i in 0..<count { values[i] = Float(random.nextNormal()) * scale }
}
