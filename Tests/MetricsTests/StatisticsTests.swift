import Metrics
import Testing

@Suite("Welch t-test, Student t and the incomplete beta function against SciPy")
struct StatisticsTests {
    @Test("Welch's t, degrees of freedom and two-sided p-value equal SciPy's ttest_ind")
    func welch() throws {
        for (index, golden) in GoldenFixtures.statistics.welch.enumerated() {
            let result = try WelchTTest(golden.a, golden.b)
            #expect(abs(result.t - golden.t) <= 1e-9 * max(1, abs(golden.t)), "case \(index)")
            #expect(
                abs(result.degreesOfFreedom - golden.degreesOfFreedom)
                    <= 1e-9 * golden.degreesOfFreedom, "case \(index)")
            #expect(abs(result.pValue - golden.pValue) <= 1e-10, "case \(index)")
        }
    }

    @Test("the regularized incomplete beta function equals scipy.special.betainc")
    func incompleteBeta() {
        for golden in GoldenFixtures.statistics.incompleteBeta {
            let value = IncompleteBeta.regularized(a: golden.a, b: golden.b, x: golden.x)
            #expect(
                abs(value - golden.value) <= 1e-12 * max(1e-3, golden.value),
                "I_\(golden.x)(\(golden.a), \(golden.b)) = \(value), SciPy \(golden.value)")
        }
    }

    @Test("the Student-t CDF equals scipy.stats.t.cdf")
    func studentCDF() {
        for golden in GoldenFixtures.statistics.studentCDF {
            let value = StudentTDistribution(degreesOfFreedom: golden.degreesOfFreedom)
                .cumulativeProbability(golden.t)
            #expect(
                abs(value - golden.cdf) <= 1e-12 * max(1e-3, golden.cdf),
                "t \(golden.t), df \(golden.degreesOfFreedom): \(value) vs \(golden.cdf)")
        }
    }

    @Test("degenerate groups: constant values and too few values")
    func degenerate() throws {
        let same = try WelchTTest([1, 1, 1], [1, 1])
        #expect(same.pValue == 1)
        let apart = try WelchTTest([1, 1, 1], [2, 2])
        #expect(apart.pValue == 0)
        #expect(apart.t == -.infinity)
        #expect(throws: StatisticsError.tooFewValues(group: "second", count: 1)) {
            try WelchTTest([1, 2], [3])
        }
    }

    @Test("mean and sample variance")
    func summary() {
        #expect(Statistics.mean([]) == 0)
        #expect(Statistics.mean([1, 2, 3, 4]) == 2.5)
        #expect(Statistics.sampleVariance([1, 2, 3, 4]) == 5.0 / 3.0)
    }
}
