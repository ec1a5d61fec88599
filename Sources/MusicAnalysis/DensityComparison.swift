import Foundation

/// How much two kernel density estimates agree: their overlapping area and the
/// Kullback-Leibler divergence, computed as Yang and Lerch (2018) do for MGEval.
public enum DensityComparison {
    /// Points of the KL divergence's evaluation grid.
    public static let divergencePoints = 1000

    /// The area under `min(p(x), q(x))` over the whole line: from 9 bandwidths (the wider
    /// one) below the smallest sample of either estimate to 9 above the largest, where both
    /// densities have vanished, by the trapezoid rule on an even grid of at least 2,000
    /// intervals and spacing at most an eighth of the narrower bandwidth (at most 50,000
    /// intervals), with kernels summed within 9 bandwidths.
    ///
    /// MGEval's code integrates only between the smallest and the largest sample; that cuts
    /// off half of any density piled up at the ends (distances between tune lengths of 16 and
    /// 32 bars are 0 or 16), so that two equal sets would overlap by 0.5. Here equal
    /// estimates overlap by 1.
    ///
    /// Estimates without spread are point masses: two at the same value overlap fully (1),
    /// otherwise a point mass overlaps nothing (0).
    ///
    /// - Returns: The overlap, 0...1.
    public static func overlap(_ p: KernelDensity, _ q: KernelDensity) -> Double {
        if p.isPointMass || q.isPointMass {
            return p.isPointMass && q.isPointMass
                && abs(p.lowest - q.lowest) <= 1e-12 * max(1, abs(p.lowest)) ? 1 : 0
        }
        let reach = 9 * max(p.bandwidth, q.bandwidth)
        let low = min(p.lowest, q.lowest) - reach
        let high = max(p.highest, q.highest) + reach
        let finest = min(p.bandwidth, q.bandwidth) / 8
        let intervals = min(50_000, max(2_000, Int(((high - low) / finest).rounded(.up))))
        let step = (high - low) / Double(intervals)
        var area = 0.0
        for index in 0...intervals {
            let x = low + Double(index) * step
            let value = min(p.density(at: x, reach: 9), q.density(at: x, reach: 9))
            area += index == 0 || index == intervals ? value / 2 : value
        }
        return min(1, area * step)
    }

    /// The Kullback-Leibler divergence `KL(p || q)` as MGEval computes it: both densities
    /// evaluated at ``divergencePoints`` even points from `p`'s smallest to its largest
    /// sample, each set of values normalised to sum 1, then `sum p_i log(p_i / q_i)`.
    ///
    /// - Returns: The divergence in nats; `nil` when it is undefined (an estimate without
    ///   spread, or `q` vanishing where `p` does not).
    public static func divergence(_ p: KernelDensity, from q: KernelDensity) -> Double? {
        guard !p.isPointMass, !q.isPointMass else { return nil }
        let count = divergencePoints
        let step = (p.highest - p.lowest) / Double(count - 1)
        let xs = (0..<count).map { p.lowest + Double($0) * step }
        let ps = xs.map { p.density(at: $0) }
        let qs = xs.map { q.density(at: $0) }
        let totalP = ps.reduce(0, +)
        let totalQ = qs.reduce(0, +)
        guard totalP > 0, totalQ > 0 else { return nil }
        var sum = 0.0
        for (a, b) in zip(ps, qs) where a > 0 {
            guard b > 0 else { return nil }
            let pa = a / totalP
            let qb = b / totalQ
            sum += pa * Foundation.log(pa / qb)
        }
        return sum
    }
}
