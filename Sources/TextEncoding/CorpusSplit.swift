/// A seeded split of a corpus into training and held-out test sequences.
public struct CorpusSplit: Sendable, Equatable {
    /// Indices of the training sequences, ascending.
    public let trainIndices: [Int]
    /// Indices of the test sequences, ascending.
    public let testIndices: [Int]

    /// Chooses `round(count * testFraction)` test indices uniformly with a SplitMix64
    /// generator seeded by `seed`; the same arguments always give the same split.
    public init(count: Int, testFraction: Double, seed: UInt64) {
        precondition(count >= 0 && (0...1).contains(testFraction), "bad split arguments")
        var indices = Array(0..<count)
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        // Fisher-Yates with multiply-shift reduction; deterministic across platforms.
        for position in stride(from: count - 1, to: 0, by: -1) {
            let bound = UInt64(position + 1)
            let other = Int(bound.multipliedFullWidth(by: next()).high)
            indices.swapAt(position, other)
        }
        let testCount = Int((Double(count) * testFraction).rounded())
        testIndices = indices.prefix(testCount).sorted()
        trainIndices = indices.dropFirst(testCount).sorted()
    }
}
