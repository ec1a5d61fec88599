/// Welch's unequal-variance t-test between two groups of per-sample values.
///
/// t = (mean_a - mean_b) / sqrt(s_a²/n_a + s_b²/n_b) with Welch-Satterthwaite degrees of
/// freedom; the p-value is two-sided, from the Student-t distribution (as SciPy's
/// `ttest_ind(a, b, equal_var=False)`).
public struct WelchTTest: Sendable, Equatable, Codable {
    /// The mean of the first group.
    public let meanA: Double
    /// The mean of the second group.
    public let meanB: Double
    /// The t statistic (positive when the first group's mean is larger).
    public let t: Double
    /// The Welch-Satterthwaite degrees of freedom.
    public let degreesOfFreedom: Double
    /// The two-sided p-value: the probability of a |t| at least this large if the means were
    /// equal.
    public let pValue: Double

    /// Runs the test.
    ///
    /// When both groups have zero variance the test is degenerate: equal means give t = 0 and
    /// p = 1, different means give t = ±infinity and p = 0.
    ///
    /// - Throws: `StatisticsError.tooFewValues` when a group has fewer than two values.
    public init(_ a: [Double], _ b: [Double]) throws(StatisticsError) {
        guard a.count >= 2 else { throw .tooFewValues(group: "first", count: a.count) }
        guard b.count >= 2 else { throw .tooFewValues(group: "second", count: b.count) }
        meanA = Statistics.mean(a)
        meanB = Statistics.mean(b)
        let shareA = Statistics.sampleVariance(a) / Double(a.count)
        let shareB = Statistics.sampleVariance(b) / Double(b.count)
        let standardErrorSquared = shareA + shareB
        let denominator =
            shareA * shareA / Double(a.count - 1) + shareB * shareB / Double(b.count - 1)
        if standardErrorSquared == 0 {
            degreesOfFreedom = Double(a.count + b.count - 2)
            t = meanA == meanB ? 0 : (meanA > meanB ? .infinity : -.infinity)
            pValue = meanA == meanB ? 1 : 0
            return
        }
        t = (meanA - meanB) / standardErrorSquared.squareRoot()
        degreesOfFreedom = standardErrorSquared * standardErrorSquared / denominator
        pValue = StudentTDistribution(degreesOfFreedom: degreesOfFreedom)
            .twoSidedTailProbability(t)
    }
}
