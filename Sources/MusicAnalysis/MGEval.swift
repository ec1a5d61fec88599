/// The MGEval protocol of Yang and Lerch (2018), "On the evaluation of generative models in
/// music": how well a generated set of tunes matches a real set, feature by feature.
///
/// For each feature (``TuneFeature/mgevalFeatures``):
/// 1. intra-set distances: the feature's distance (``TuneFeature/distance(_:_:)``) between
///    every pair of distinct real tunes (each unordered pair once; MGEval's leave-one-out
///    lists each pair twice, which gives the same density);
/// 2. inter-set distances: between every generated tune and every real tune;
/// 3. a Gaussian kernel density estimate of each list (``KernelDensity``, Scott's rule unless
///    told otherwise);
/// 4. the overlapping area of the two densities (``DensityComparison/overlap(_:_:)``,
///    integrated over the whole line where MGEval's code stops at the samples' range) and the
///    KL divergence of the intra-set density from the inter-set one
///    (``DensityComparison/divergence(_:from:)``).
///
/// An overlap near 1 means a generated tune is as far from the real tunes as real tunes are
/// from each other. Tunes without a value for a feature (a repeat 8 bars back in an 8-bar
/// tune) are left out of that feature. The distances are sorted before estimating, so the
/// result does not depend on the order of the tunes.
public struct MGEval: Sendable, Codable {
    /// The comparison of one feature.
    public struct FeatureResult: Sendable, Codable {
        /// The feature.
        public var feature: TuneFeature
        /// Generated and real tunes that have the feature.
        public var generatedTunes: Int, realTunes: Int
        /// Mean and standard deviation of the intra-set (real-real) distances.
        public var intraMean: Double?, intraDeviation: Double?
        /// Mean and standard deviation of the inter-set (generated-real) distances.
        public var interMean: Double?, interDeviation: Double?
        /// Overlapping area of the two densities, 0...1; `nil` when a set has too few tunes
        /// (fewer than 2 real, or no generated).
        public var overlap: Double?
        /// KL divergence of the intra-set density from the inter-set density, in nats.
        public var divergence: Double?
    }

    /// The bandwidth rule of every density.
    public var bandwidthRule: KernelDensity.BandwidthRule
    /// One result per feature, in ``TuneFeature`` order.
    public var features: [FeatureResult]

    /// Compares `generated` with `real`.
    ///
    /// - Parameters:
    ///   - generated: Statistics of the tunes under test.
    ///   - real: Statistics of the real tunes.
    ///   - features: Features to compare.
    ///   - rule: The bandwidth rule.
    public init(
        generated: [TuneStatistics], real: [TuneStatistics],
        features: [TuneFeature] = TuneFeature.mgevalFeatures,
        rule: KernelDensity.BandwidthRule = .scott
    ) {
        bandwidthRule = rule
        self.features = features.map { feature in
            let g = generated.compactMap(feature.values(of:))
            let r = real.compactMap(feature.values(of:))
            var intra: [Double] = []
            intra.reserveCapacity(r.count * max(0, r.count - 1) / 2)
            for i in r.indices {
                for j in (i + 1)..<r.count { intra.append(feature.distance(r[i], r[j])) }
            }
            var inter: [Double] = []
            inter.reserveCapacity(g.count * r.count)
            for a in g {
                for b in r { inter.append(feature.distance(a, b)) }
            }
            intra.sort()
            inter.sort()
            var result = FeatureResult(
                feature: feature, generatedTunes: g.count, realTunes: r.count)
            (result.intraMean, result.intraDeviation) = Self.meanAndDeviation(intra)
            (result.interMean, result.interDeviation) = Self.meanAndDeviation(inter)
            if !intra.isEmpty && !inter.isEmpty {
                let p = KernelDensity(samples: intra, rule: rule)
                let q = KernelDensity(samples: inter, rule: rule)
                result.overlap = DensityComparison.overlap(p, q)
                result.divergence = DensityComparison.divergence(p, from: q)
            }
            return result
        }
    }

    /// The mean overlap over the features that have one; `nil` when none has.
    public var meanOverlap: Double? { meanOverlap(over: TuneFeature.allCases) }

    /// The mean overlap over those of `chosen` that have one; `nil` when none has.
    public func meanOverlap(over chosen: [TuneFeature]) -> Double? {
        let overlaps = features.filter { chosen.contains($0.feature) }.compactMap(\.overlap)
        return overlaps.isEmpty ? nil : overlaps.reduce(0, +) / Double(overlaps.count)
    }

    /// The feature with the lowest overlap (the first in feature order on a tie).
    public var lowest: FeatureResult? {
        features.filter { $0.overlap != nil }.min { $0.overlap! < $1.overlap! }
    }

    /// Mean and sample standard deviation (`n - 1`); `nil`s for an empty list, deviation `nil`
    /// for one value.
    static func meanAndDeviation(_ values: [Double]) -> (Double?, Double?) {
        guard !values.isEmpty else { return (nil, nil) }
        let mean = values.reduce(0, +) / Double(values.count)
        guard values.count > 1 else { return (mean, nil) }
        let variance =
            values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
        return (mean, variance.squareRoot())
    }
}
