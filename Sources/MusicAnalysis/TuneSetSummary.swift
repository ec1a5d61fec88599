/// The mean and spread of each scalar and yes/no feature over a set of tunes.
public struct TuneSetSummary: Sendable, Codable {
    /// The summary of one feature.
    public struct Entry: Sendable, Codable {
        /// The feature.
        public var feature: TuneFeature
        /// Tunes that have it.
        public var tunes: Int
        /// Mean over those tunes (a share for yes/no features); `nil` when none has it.
        public var mean: Double?
        /// Sample standard deviation (`n - 1`); `nil` with fewer than 2 tunes.
        public var deviation: Double?
    }

    /// Tunes in the set.
    public var tuneCount: Int
    /// One entry per scalar and yes/no feature, in ``TuneFeature`` order.
    public var entries: [Entry]

    /// Summarises `tunes`.
    public init(_ tunes: [TuneStatistics]) {
        tuneCount = tunes.count
        entries = TuneFeature.allCases.filter { $0.kind != .histogram }.map { feature in
            let values = tunes.compactMap { feature.values(of: $0)?.first }
            let (mean, deviation) = MGEval.meanAndDeviation(values)
            return Entry(feature: feature, tunes: values.count, mean: mean, deviation: deviation)
        }
    }

    /// The entry of `feature`, `nil` for a histogram.
    public func entry(_ feature: TuneFeature) -> Entry? { entries.first { $0.feature == feature } }
}
