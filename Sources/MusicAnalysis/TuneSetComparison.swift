import Foundation

/// Generated tunes measured beside real tunes: each set's tune-level statistics (mean and
/// spread) and the MGEval overlap of each feature.
public struct TuneSetComparison: Sendable, Codable {
    /// The generated tunes' summary.
    public var generated: TuneSetSummary
    /// The real tunes' summary.
    public var real: TuneSetSummary
    /// The per-feature comparison.
    public var mgeval: MGEval

    /// Measures both sets.
    ///
    /// - Parameters:
    ///   - generated: The tunes under test.
    ///   - real: The real tunes they are measured against.
    ///   - rule: The bandwidth rule of MGEval's densities.
    public init(generated: [Tune], real: [Tune], rule: KernelDensity.BandwidthRule = .scott) {
        self.init(
            generated: generated.map(TuneStatistics.init), real: real.map(TuneStatistics.init),
            rule: rule
        )
    }

    /// Compares statistics already measured.
    public init(
        generated: [TuneStatistics], real: [TuneStatistics],
        rule: KernelDensity.BandwidthRule = .scott
    ) {
        self.generated = TuneSetSummary(generated)
        self.real = TuneSetSummary(real)
        mgeval = MGEval(generated: generated, real: real, rule: rule)
    }

    /// The comparison as rows of four cells: a header row (empty, real, generated, "MGEval
    /// overlap"), then one row per feature (histogram features have only their overlap), the
    /// mean overlap and the lowest; ``tableText(generatedName:realName:)`` aligns them.
    ///
    /// - Parameters:
    ///   - generatedName: Heading of the generated column.
    ///   - realName: Heading of the real column.
    public func tableRows(generatedName: String = "generated", realName: String = "real") -> [[String]] {
        func cell(_ entry: TuneSetSummary.Entry?) -> String {
            guard let entry, let mean = entry.mean else { return "-" }
            if entry.feature.kind == .yesNo { return String(format: "%.1f%%", mean * 100) }
            let digits = abs(mean) >= 10 ? 1 : 3
            let spread = entry.deviation.map { String(format: " ± %.\(digits)f", $0) } ?? ""
            return String(format: "%.\(digits)f", mean) + spread
        }
        var rows: [[String]] = [
            [
                "", "\(realName) (\(real.tuneCount))", "\(generatedName) (\(generated.tuneCount))",
                "MGEval overlap",
            ]
        ]
        for feature in TuneFeature.allCases {
            let overlap = mgeval.features.first { $0.feature == feature }?.overlap
            let isHistogram = feature.kind == .histogram
            rows.append([
                feature.label,
                isHistogram ? "" : cell(real.entry(feature)),
                isHistogram ? "" : cell(generated.entry(feature)),
                overlap.map { String(format: "%.3f", $0) } ?? "",
            ])
        }
        rows.append([
            "MGEval overlap: mean", "", "",
            mgeval.meanOverlap.map { String(format: "%.3f", $0) } ?? "-",
        ])
        if let lowest = mgeval.lowest, let overlap = lowest.overlap {
            rows.append([
                "MGEval overlap: lowest (\(lowest.feature.label))", "", "",
                String(format: "%.3f", overlap),
            ])
        }
        return rows
    }

    /// The comparison as aligned plain text: one line per feature with the real and the
    /// generated mean ± standard deviation (shares of yes/no features in percent) and the
    /// MGEval overlap, then the mean overlap and the lowest.
    ///
    /// - Parameters:
    ///   - generatedName: Heading of the generated column.
    ///   - realName: Heading of the real column.
    public func tableText(generatedName: String = "generated", realName: String = "real") -> String
    {
        let rows = tableRows(generatedName: generatedName, realName: realName)
        let widths = (0..<4).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            var line = row[0].padding(toLength: widths[0], withPad: " ", startingAt: 0)
            for column in 1..<4 {
                line +=
                    "  " + String(repeating: " ", count: widths[column] - row[column].count)
                    + row[column]
            }
            return line
        }.joined(separator: "\n")
    }
}
