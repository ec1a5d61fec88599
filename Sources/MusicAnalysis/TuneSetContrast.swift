import Metrics
import Randomness

/// Two sets of generated tunes (for example SeqGAN's and MLE's) measured against the same real
/// tunes, with the significance of their differences.
///
/// - MGEval's mean overlap (``MGEval/meanOverlap``) is one number per set, so its difference
///   is tested by permutation: the two sets' tunes are pooled and split at random into sets of
///   the same sizes `permutations` times; the p-value is the share of splits whose difference
///   is at least as large in size as the one observed (two-sided, counting the observed split
///   itself, so it is never 0). The mean overlap of the bar-repetition features alone
///   (``repetitionOverlap(_:)``: which set repeats bars more as the real tunes do) is tested on
///   the same splits.
/// - The bar-repetition shares (``TuneFeature/repeatedBars``, ``TuneFeature/barRepeat4``,
///   ``TuneFeature/barRepeat8``) are per-tune values, tested by Welch's t-test (two-sided).
public struct TuneSetContrast: Sendable, Codable {
    /// One feature's per-tune means and the test of their difference.
    public struct FeatureTest: Sendable, Codable {
        /// The feature.
        public var feature: TuneFeature
        /// The feature's mean over the first and the second set's tunes that have it.
        public var firstMean: Double?, secondMean: Double?
        /// Welch's t-test between the first and the second set; `nil` when a set has fewer
        /// than two tunes with the feature (a repeat 8 bars back needs 9 bars).
        public var test: WelchTTest?
    }

    /// The first set's comparison with the real tunes.
    public var first: TuneSetComparison
    /// The second set's comparison with the real tunes.
    public var second: TuneSetComparison
    /// Random splits drawn for the permutation test.
    public var permutations: Int
    /// Two-sided permutation p-value of the difference of the mean overlaps; `nil` when a set
    /// has no overlap.
    public var overlapPValue: Double?
    /// Two-sided permutation p-value of the difference of the bar-repetition overlaps
    /// (``repetitionOverlap(_:)``); `nil` when a set has none.
    public var repetitionOverlapPValue: Double?
    /// The bar-repetition features tested.
    public var repetitionTests: [FeatureTest]

    /// The features whose per-tune values are compared by t-test.
    public static let repetitionFeatures: [TuneFeature] = [.repeatedBars, .barRepeat4, .barRepeat8]

    /// Measures both sets against `real` and tests their differences.
    ///
    /// - Parameters:
    ///   - first: Statistics of the first set's tunes.
    ///   - second: Statistics of the second set's tunes.
    ///   - real: Statistics of the real tunes.
    ///   - permutations: Random splits for the overlap's test (at least 1).
    ///   - seed: Seeds the splits.
    ///   - rule: The bandwidth rule of MGEval's densities.
    public init(
        first: [TuneStatistics], second: [TuneStatistics], real: [TuneStatistics],
        permutations: Int = 200, seed: UInt64 = 1, rule: KernelDensity.BandwidthRule = .scott
    ) {
        precondition(permutations >= 1, "at least one permutation")
        self.first = TuneSetComparison(generated: first, real: real, rule: rule)
        self.second = TuneSetComparison(generated: second, real: real, rule: rule)
        self.permutations = permutations
        repetitionTests = Self.repetitionFeatures.map { feature in
            let a = first.compactMap(feature.values(of:)).map { $0[0] }
            let b = second.compactMap(feature.values(of:)).map { $0[0] }
            return FeatureTest(
                feature: feature, firstMean: a.isEmpty ? nil : Statistics.mean(a),
                secondMean: b.isEmpty ? nil : Statistics.mean(b), test: try? WelchTTest(a, b))
        }
        // The observed difference of each tested overlap, and the splits at least as far apart.
        let measures: [(MGEval) -> Double?] = [\.meanOverlap, Self.repetitionOverlap]
        let observed = measures.map { measure in
            measure(self.first.mgeval).flatMap { a in measure(self.second.mgeval).map { b in abs(a - b) } }
        }
        var atLeast = [1, 1]
        var pooled = first + second
        var random = SplitMix64(seed: seed)
        if observed.contains(where: { $0 != nil }) {
            for _ in 0..<permutations {
                random.shuffle(&pooled)
                let left = MGEval(generated: Array(pooled[..<first.count]), real: real, rule: rule)
                let right = MGEval(generated: Array(pooled[first.count...]), real: real, rule: rule)
                for (index, measure) in measures.enumerated() {
                    if let difference = observed[index], let x = measure(left), let y = measure(right),
                        abs(x - y) >= difference - 1e-12
                    {
                        atLeast[index] += 1
                    }
                }
            }
        }
        let pValues = (0..<measures.count).map { index in
            observed[index].map { _ in Double(atLeast[index]) / Double(permutations + 1) }
        }
        (overlapPValue, repetitionOverlapPValue) = (pValues[0], pValues[1])
    }

    /// The mean MGEval overlap of the bar-repetition features (``repetitionFeatures``) that
    /// have one; `nil` when none has.
    public static func repetitionOverlap(_ mgeval: MGEval) -> Double? {
        mgeval.meanOverlap(over: repetitionFeatures)
    }

    /// The contrast as aligned text: each set's mean overlap, bar-repetition overlap and
    /// bar-repetition means, with the p-values.
    ///
    /// - Parameters:
    ///   - firstName: Name of the first set.
    ///   - secondName: Name of the second set.
    public func tableText(firstName: String, secondName: String) -> String {
        func format(_ value: Double?) -> String { value.map { String(format: "%.3f", $0) } ?? "-" }
        func pText(_ p: Double?) -> String {
            guard let p else { return "-" }
            return p < 0.001 ? String(format: "%.1e", p) : String(format: "%.3f", p)
        }
        var rows: [[String]] = [["", firstName, secondName, "p"]]
        rows.append([
            "MGEval overlap: mean", format(first.mgeval.meanOverlap), format(second.mgeval.meanOverlap),
            pText(overlapPValue) + " (\(permutations) permutations)",
        ])
        rows.append([
            "MGEval overlap: bar repetition", format(Self.repetitionOverlap(first.mgeval)),
            format(Self.repetitionOverlap(second.mgeval)), pText(repetitionOverlapPValue) + " (same splits)",
        ])
        for result in repetitionTests {
            rows.append([
                result.feature.label, format(result.firstMean), format(result.secondMean),
                result.test.map { pText($0.pValue) + " (Welch)" } ?? "- (too few tunes)",
            ])
        }
        let widths = (0..<4).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row[0].padding(toLength: widths[0], withPad: " ", startingAt: 0)
                + (1..<4).map { column in
                    "  " + String(repeating: " ", count: widths[column] - row[column].count) + row[column]
                }.joined()
        }.joined(separator: "\n")
    }
}
