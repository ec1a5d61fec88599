// Finite-difference gradient checks shared by the test targets.

/// Central finite differences of `loss` with respect to `count` values at `values`,
/// compared with `analytic`.
///
/// - Returns: The largest mismatch, relative to `max(|analytic|, |numeric|, floor)`.
public func worstGradientError(
    values: UnsafeMutablePointer<Float>, count: Int, analytic: [Float], epsilon: Float = 1e-2,
    floor: Double = 1e-2, loss: () -> Double
) -> Double {
    var worst = 0.0
    for i in 0..<count {
        let saved = values[i]
        values[i] = saved + epsilon
        let plus = loss()
        values[i] = saved - epsilon
        let minus = loss()
        values[i] = saved
        let numeric = (plus - minus) / (2 * Double(epsilon))
        let a = Double(analytic[i])
        let error = abs(numeric - a) / max(abs(a), abs(numeric), floor)
        worst = max(worst, error)
    }
    return worst
}
