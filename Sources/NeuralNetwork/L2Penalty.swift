import TensorCore

/// The L2 penalty `coefficient * sum of x² / 2` over the tensors `slots` (TensorFlow's
/// `coefficient * tf.nn.l2_loss` convention), and optionally its gradient
/// `coefficient * x`, added to `gradients`.
///
/// - Returns: The penalty, summed in `Double`.
@discardableResult
public func l2Penalty(
    of slots: [ParameterSlot], coefficient: Float, parameters: UnsafePointer<Float>,
    gradients: UnsafeMutablePointer<Float>? = nil
) -> Double {
    var sum = 0.0
    for slot in slots {
        sum += VectorMath.sumOfSquares(parameters + slot.offset, count: slot.count)
        if let gradients {
            for i in 0..<slot.count {
                gradients[slot.offset + i] += coefficient * parameters[slot.offset + i]
            }
        }
    }
    return Double(coefficient) * sum / 2
}
