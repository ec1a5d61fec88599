import Foundation
import TensorCore

/// Adam (Kingma and Ba), in the form TensorFlow's `AdamOptimizer` computes it:
/// `lr_t = lr * sqrt(1 - β2^t) / (1 - β1^t)`, `θ -= lr_t * m / (sqrt(v) + ε)`.
///
/// The moments live in two buffers parallel to the parameter arena, so one update is one
/// flat loop.
public final class Adam: @unchecked Sendable {
    /// The step size.
    public var learningRate: Float
    /// Decay of the first moment.
    public let beta1: Float
    /// Decay of the second moment.
    public let beta2: Float
    /// Added to the root of the second moment.
    public let epsilon: Float
    /// First moments, laid out like the arena.
    public let firstMoments: FloatBuffer
    /// Second moments, laid out like the arena.
    public let secondMoments: FloatBuffer
    /// Updates applied so far.
    public var step: Int = 0

    /// Creates an optimiser for `parameterCount` parameters with zero moments.
    public init(
        parameterCount: Int, learningRate: Float, beta1: Float = 0.9, beta2: Float = 0.999,
        epsilon: Float = 1e-8
    ) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        firstMoments = FloatBuffer(count: parameterCount)
        secondMoments = FloatBuffer(count: parameterCount)
    }

    /// Applies one update to `arena.values` from `arena.gradients`.
    ///
    /// - Parameters:
    ///   - learningRate: The step size of this update; `nil` for ``learningRate``.
    ///   - partitions: The flat parameter range is cut into this many equal chunks, which
    ///     `schedule` hands to the threads (each element's update is independent, so the
    ///     result depends neither on the number of chunks nor on which thread runs which).
    ///   - schedule: Hands the chunks to threads.
    public func update(
        _ arena: ParameterArena, learningRate: Float? = nil, partitions: Int = 1,
        schedule: ChunkSchedule = ChunkSchedule()
    ) {
        precondition(arena.values.count == firstMoments.count, "Adam sized for another arena")
        step += 1
        let t = Double(step)
        let correction = Float(
            Double(learningRate ?? self.learningRate) * (1 - Foundation.pow(Double(beta2), t)).squareRoot()
                / (1 - Foundation.pow(Double(beta1), t)))
        let count = arena.values.count
        let share = (count + partitions - 1) / partitions
        schedule.run(partitions) { p, _ in
            let range = min(count, p * share)..<min(count, (p + 1) * share)
            apply(correction: correction, to: arena, range: range)
        }
    }

    /// The update of elements `range` with the bias-corrected step size `correction`, 16
    /// lanes at a time (lane arithmetic is IEEE like the scalar tail, so the result does not
    /// depend on where a range starts).
    private func apply(correction: Float, to arena: ParameterArena, range: Range<Int>) {
        typealias Lanes = VectorMath.Lanes
        let theta = arena.values.base
        let grad = arena.gradients.base
        let m = firstMoments.base
        let v = secondMoments.base
        func load(_ p: UnsafeMutablePointer<Float>) -> Lanes {
            UnsafeRawPointer(p).loadUnaligned(as: Lanes.self)
        }
        func store(_ value: Lanes, _ p: UnsafeMutablePointer<Float>) {
            UnsafeMutableRawPointer(p).storeBytes(of: value, as: Lanes.self)
        }
        let (b1, b2) = (Lanes(repeating: beta1), Lanes(repeating: beta2))
        let (c1, c2) = (Lanes(repeating: 1 - beta1), Lanes(repeating: 1 - beta2))
        let step = Lanes(repeating: correction)
        let e = Lanes(repeating: epsilon)
        var i = range.lowerBound
        while i + VectorMath.width <= range.upperBound {
            let g = load(grad + i)
            let mi = b1 * load(m + i) + c1 * g
            let vi = b2 * load(v + i) + c2 * g * g
            store(mi, m + i)
            store(vi, v + i)
            store(load(theta + i) - step * mi / (VectorMath.squareRoot(vi) + e), theta + i)
            i += VectorMath.width
        }
        while i < range.upperBound {
            let g = grad[i]
            let mi = beta1 * m[i] + (1 - beta1) * g
            let vi = beta2 * v[i] + (1 - beta2) * g * g
            m[i] = mi
            v[i] = vi
            theta[i] -= correction * mi / (vi.squareRoot() + epsilon)
            i += 1
        }
    }
}

/// Scales `gradients` so that their global L2 norm is at most `maxNorm`, as TensorFlow's
/// `clip_by_global_norm` does.
///
/// - Returns: The norm before clipping.
@discardableResult
public func clipByGlobalNorm(_ gradients: FloatBuffer, maxNorm: Float) -> Float {
    let norm = Float(VectorMath.sumOfSquares(gradients.base, count: gradients.count).squareRoot())
    if norm > maxNorm {
        VectorMath.scale(gradients.base, count: gradients.count, by: maxNorm / norm)
    }
    return norm
}
