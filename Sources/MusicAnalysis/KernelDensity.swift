import Foundation

/// A one-dimensional Gaussian kernel density estimate.
///
/// `p(x) = sum_i w_i N(x; c_i, h^2)` over the samples `c_i` with equal weights `1/n`. The
/// bandwidth `h` follows ``BandwidthRule`` from the samples' standard deviation `s` (with
/// `n - 1` in the denominator), as SciPy's `gaussian_kde` computes it in one dimension.
///
/// Large sample sets (more than ``binningThreshold`` values) are linearly binned onto an even
/// grid of spacing at most `h / 20` before the kernels are summed (each sample splits its
/// weight between the two grid points around it); the error this adds is below 1e-3 of the
/// density's peak. ``density(at:)`` sums the kernels within 38 bandwidths of `x`, beyond which
/// a Gaussian underflows in double precision, so it equals the full sum;
/// ``density(at:reach:)`` can stop nearer, where the rest is negligible for the purpose.
public struct KernelDensity: Sendable {
    /// How the bandwidth follows from the samples.
    public enum BandwidthRule: String, Sendable, Codable, CaseIterable {
        /// Scott's rule: `h = s n^(-1/5)` (SciPy's default).
        case scott
        /// Silverman's rule as SciPy states it: `h = s (3n / 4)^(-1/5)`.
        case silverman
    }

    /// Sample sets larger than this are binned.
    public static let binningThreshold = 1000
    /// Bandwidths beyond which a kernel underflows to 0 in double precision.
    public static let fullReach = 38.0

    /// The kernel's standard deviation; 0 when the samples have no spread.
    public let bandwidth: Double
    /// Samples the estimate was made from.
    public let sampleCount: Int
    /// The smallest and largest sample.
    public let lowest: Double, highest: Double
    /// Kernel centres, ascending.
    private let centres: [Double]
    /// Weight of each centre; they sum to 1.
    private let weights: [Double]

    /// Estimates the density of `samples`.
    ///
    /// - Parameters:
    ///   - samples: At least one finite value.
    ///   - rule: The bandwidth rule.
    public init(samples: [Double], rule: BandwidthRule = .scott) {
        precondition(!samples.isEmpty, "a density needs at least one sample")
        let sorted = samples.sorted()
        let n = Double(sorted.count)
        let mean = sorted.reduce(0, +) / n
        let variance =
            sorted.count > 1 ? sorted.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1) : 0
        let factor = rule == .scott ? pow(n, -0.2) : pow(n * 3 / 4, -0.2)
        let spread = variance.squareRoot()
        // Rounding can leave a tiny variance for equal values: no spread below 1e-12 relative.
        bandwidth = spread > 1e-12 * max(1, abs(mean)) ? spread * factor : 0
        sampleCount = sorted.count
        lowest = sorted.first!
        highest = sorted.last!
        if sorted.count <= Self.binningThreshold || bandwidth == 0 {
            centres = sorted
            weights = [Double](repeating: 1 / n, count: sorted.count)
        } else {
            let intervals = min(
                1_000_000, max(1, Int(((sorted.last! - sorted[0]) / (bandwidth / 20)).rounded(.up)))
            )
            let step = (sorted.last! - sorted[0]) / Double(intervals)
            var binned = [Double](repeating: 0, count: intervals + 1)
            for value in sorted {
                let position = (value - sorted[0]) / step
                let low = min(intervals - 1, Int(position))
                let fraction = position - Double(low)
                binned[low] += (1 - fraction) / n
                binned[low + 1] += fraction / n
            }
            let first = sorted[0]
            centres = (0...intervals).map { first + Double($0) * step }
            weights = binned
        }
    }

    /// Whether the samples have no spread (the estimate is a point mass at ``lowest``).
    public var isPointMass: Bool { bandwidth == 0 }

    /// The density at `x` (0 for a point mass).
    ///
    /// - Parameters:
    ///   - x: Where to evaluate.
    ///   - reach: Kernels centred further than this many bandwidths from `x` are left out
    ///     (9 leaves out less than 1e-18 of each kernel's weight).
    public func density(at x: Double, reach: Double = KernelDensity.fullReach) -> Double {
        guard bandwidth > 0 else { return 0 }
        let reach = reach * bandwidth
        var index = firstCentre(notBelow: x - reach)
        var sum = 0.0
        let scale = 1 / bandwidth
        while index < centres.count && centres[index] <= x + reach {
            let z = (x - centres[index]) * scale
            sum += weights[index] * exp(-0.5 * z * z)
            index += 1
        }
        return sum * scale / (2 * Double.pi).squareRoot()
    }

    /// The index of the first centre at or above `value`.
    private func firstCentre(notBelow value: Double) -> Int {
        var low = 0
        var high = centres.count
        while low < high {
            let middle = (low + high) / 2
            if centres[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
