import TensorCore

/// Inverted dropout: while training, each value is kept with probability `keepProbability`
/// and scaled by `1 / keepProbability`, otherwise zeroed, so that scoring needs no rescaling
/// (the layer is then the identity and is simply skipped).
///
/// The mask is drawn explicitly from a caller's generator and kept, so the forward and the
/// backward pass apply the same one and a run is reproducible from its seed.
public struct Dropout: Sendable {
    /// The probability of keeping a value, in `(0, 1]`.
    public let keepProbability: Float

    /// A dropout layer keeping each value with probability `keepProbability`.
    public init(keepProbability: Float) {
        precondition(
            keepProbability > 0 && keepProbability <= 1, "keep probability must be in (0, 1]")
        self.keepProbability = keepProbability
    }

    /// Fills `mask` with `count` independent draws: `1 / keepProbability` with probability
    /// `keepProbability`, else 0. Inlinable, so that a caller's generator is specialized.
    @inlinable
    public func drawMask(
        _ mask: UnsafeMutablePointer<Float>, count: Int,
        using generator: inout some RandomNumberGenerator
    ) {
        let kept = 1 / keepProbability
        for i in 0..<count {
            mask[i] = generator.nextUnitFloat() < keepProbability ? kept : 0
        }
    }

    /// `output = input ⊙ mask` for `count` values. The backward pass is the same product of
    /// the output gradient with the mask.
    public func apply(
        mask: UnsafePointer<Float>, to input: UnsafePointer<Float>, count: Int,
        into output: UnsafeMutablePointer<Float>
    ) {
        typealias Lanes = VectorMath.Lanes
        let width = VectorMath.width
        var i = 0
        while i + width <= count {
            let product =
                UnsafeRawPointer(input + i).loadUnaligned(as: Lanes.self)
                * UnsafeRawPointer(mask + i).loadUnaligned(as: Lanes.self)
            UnsafeMutableRawPointer(output + i).storeBytes(of: product, as: Lanes.self)
            i += width
        }
        while i < count {
            output[i] = input[i] * mask[i]
            i += 1
        }
    }
}
