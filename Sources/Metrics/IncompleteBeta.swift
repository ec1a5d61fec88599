import Foundation

/// Special functions behind the Student-t distribution.
public enum IncompleteBeta {
    /// The regularized incomplete beta function I_x(a, b).
    ///
    /// Evaluated with the continued fraction of DLMF 8.17.22 by the modified Lentz method, on
    /// whichever of I_x(a, b) and 1 - I_{1-x}(b, a) converges faster.
    ///
    /// - Parameters:
    ///   - a: The first shape parameter, > 0.
    ///   - b: The second shape parameter, > 0.
    ///   - x: The point in [0, 1].
    ///   - complement: 1 - x when the caller knows it more precisely than `1 - x` rounds it.
    /// - Returns: I_x(a, b) in [0, 1].
    public static func regularized(a: Double, b: Double, x: Double, complement: Double? = nil)
        -> Double
    {
        precondition(a > 0 && b > 0, "incomplete beta needs a > 0 and b > 0 (a \(a), b \(b))")
        precondition((0...1).contains(x), "incomplete beta needs 0 <= x <= 1 (x \(x))")
        let y = complement ?? (1 - x)
        if x == 0 { return 0 }
        if y == 0 { return 1 }
        // x^a (1-x)^b / (a B(a, b)), in logarithms.
        let logFront = a * log(x) + b * log(y) - logBeta(a, b)
        if x < (a + 1) / (a + b + 2) {
            return exp(logFront) * continuedFraction(a: a, b: b, x: x) / a
        } else {
            return 1 - exp(logFront) * continuedFraction(a: b, b: a, x: y) / b
        }
    }

    /// log B(a, b) = log Γ(a) + log Γ(b) - log Γ(a + b).
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        lgamma(a) + lgamma(b) - lgamma(a + b)
    }

    /// The continued fraction 1 / (1 + d1 / (1 + d2 / (1 + ...))) of I_x(a, b).
    private static func continuedFraction(a: Double, b: Double, x: Double) -> Double {
        let tiny = 1e-300
        let tolerance = 1e-16
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var result = d
        for m in 1...100_000 {
            let m = Double(m)
            // Even step: d_{2m} = m (b - m) x / ((a + 2m - 1)(a + 2m)).
            var coefficient = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + coefficient * d
            if abs(d) < tiny { d = tiny }
            c = 1 + coefficient / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            result *= d * c
            // Odd step: d_{2m+1} = -(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)).
            coefficient = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + coefficient * d
            if abs(d) < tiny { d = tiny }
            c = 1 + coefficient / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            result *= delta
            if abs(delta - 1) < tolerance { break }
        }
        return result
    }
}
