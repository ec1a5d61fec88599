/// Summary statistics of per-sample values, summed with compensation (Neumaier) so that long
/// runs of similar values lose no precision.
public enum Statistics {
    /// The arithmetic mean; 0 for no values.
    public static func mean(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        return compensatedSum(values) / Double(values.count)
    }

    /// The unbiased sample variance (divisor count - 1); 0 for fewer than two values.
    public static func sampleVariance(_ values: [Double]) -> Double {
        guard values.count >= 2 else { return 0 }
        let center = mean(values)
        return compensatedSum(values.lazy.map { ($0 - center) * ($0 - center) })
            / Double(values.count - 1)
    }

    /// The sum of `values` with Neumaier's compensation.
    static func compensatedSum(_ values: some Sequence<Double>) -> Double {
        var sum = 0.0
        var compensation = 0.0
        for value in values {
            let total = sum + value
            compensation += abs(sum) >= abs(value) ? (sum - total) + value : (value - total) + sum
            sum = total
        }
        return sum + compensation
    }
}
