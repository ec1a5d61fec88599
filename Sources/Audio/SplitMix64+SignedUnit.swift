import Randomness

extension SplitMix64 {
    /// A uniform value in -1..<1.
    mutating func nextSignedUnit() -> Float {
        Float(next() >> 40) * (2 / Float(1 << 24)) - 1
    }
}
