/// Student's t distribution with a real number of degrees of freedom.
public struct StudentTDistribution: Sendable, Equatable {
    /// The degrees of freedom ν (> 0; need not be an integer, as in Welch's test).
    public let degreesOfFreedom: Double

    /// A t distribution with `degreesOfFreedom` > 0.
    public init(degreesOfFreedom: Double) {
        precondition(degreesOfFreedom > 0, "degrees of freedom must be > 0 (\(degreesOfFreedom))")
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// P(T <= t).
    public func cumulativeProbability(_ t: Double) -> Double {
        let tail = twoSidedTailProbability(t) / 2
        return t > 0 ? 1 - tail : tail
    }

    /// P(|T| >= |t|), the two-sided p-value of an observed t:
    /// I_{ν/(ν+t²)}(ν/2, 1/2), with 1 - x = t²/(ν+t²) passed exactly.
    public func twoSidedTailProbability(_ t: Double) -> Double {
        if t.isNaN { return .nan }
        if t.isInfinite { return 0 }
        let squared = t * t
        let x = degreesOfFreedom / (degreesOfFreedom + squared)
        let complement = squared / (degreesOfFreedom + squared)
        return IncompleteBeta.regularized(
            a: degreesOfFreedom / 2, b: 0.5, x: x, complement: complement)
    }
}
