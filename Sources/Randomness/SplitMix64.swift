import Foundation

/// A small, fast, seedable random number generator (Steele, Lea and Flood's SplitMix64).
///
/// Every random choice in the project flows from one of these, created from an explicit seed.
/// Its whole state is one `UInt64`, so it is saved in checkpoints and restored on resume.
public struct SplitMix64: RandomNumberGenerator, Codable, Sendable, Equatable {
    /// The generator's entire state.
    public var state: UInt64

    /// Creates a generator from a seed.
    public init(seed: UInt64) { state = seed }

    /// A generator for one independent task, derived from a seed and a path of indices
    /// (for example `(seed, round, batchIndex)`), so that parallel work gets the same
    /// numbers whatever the scheduling.
    public init(seed: UInt64, stream path: UInt64...) {
        self.init(seed: seed, streamPath: path)
    }

    /// A generator derived from a seed and a path of indices, given as an array (see
    /// ``init(seed:stream:)``).
    public init(seed: UInt64, streamPath path: [UInt64]) {
        var mixed = SplitMix64.mix(seed &+ 0x632B_E59B_D9B4_E019)
        for component in path {
            mixed = SplitMix64.mix(mixed ^ SplitMix64.mix(component &+ 0x9E37_79B9_7F4A_7C15))
        }
        state = mixed
    }

    /// The next 64 random bits.
    @inline(__always)
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension RandomNumberGenerator {
    /// A uniform `Float` in `[0, 1)` with 24 random bits.
    @inline(__always)
    public mutating func nextUnitFloat() -> Float {
        Float(next() >> 40) * 0x1p-24
    }

    /// A uniform `Double` in `[0, 1)` with 53 random bits.
    @inline(__always)
    public mutating func nextUnitDouble() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A standard normal sample (Box-Muller, one value per call).
    public mutating func nextNormal() -> Double {
        let u1 = 1 - nextUnitDouble()  // (0, 1]
        let u2 = nextUnitDouble()
        return (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2)
    }
}

extension RandomNumberGenerator {
    /// Fisher-Yates shuffle with a fixed algorithm (independent of the standard library's,
    /// which may change between toolchains), so a seed always gives the same order.
    public mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            let j = Int(next() % UInt64(i + 1))
            items.swapAt(i, j)
        }
    }
}
