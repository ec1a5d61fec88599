import Foundation
import Reports
import RunFiles
import SeqGAN

/// A metric of a run's `log.csv` against training progress: MLE epochs, then the rounds of
/// the phase after pre-training, so that runs sharing a pre-training line up (like the
/// paper's Figure 2).
///
/// Discriminator pre-training steps (which only the discriminator's own metrics have) are
/// drawn between the last MLE epoch and the first round, evenly spaced.
public struct TrainingCurve: Sendable {
    /// What is drawn: a column of `log.csv`.
    public enum Metric: String, Sendable, CaseIterable {
        case nllOracle = "nll-oracle", nllTest = "nll-test", bleu, trainNLL = "train-nll"
        case dAccuracy = "d-accuracy"

        /// The metric's value in `row`, if the row has one.
        public func value(_ row: RunLogRow) -> Double? {
            switch self {
            case .nllOracle: row.nllOracle
            case .nllTest: row.nllTest
            case .bleu: row.bleu
            case .trainNLL: row.trainNLL
            case .dAccuracy: row.discriminatorAccuracy
            }
        }
    }

    /// The points, named after the run.
    public let series: LineChart.Series
    /// Where the phase after pre-training starts, if it has started.
    public let marker: (x: Double, label: String)?

    /// The curve of `metric` in `rows`; `nil` when no row has a value.
    public init?(_ metric: Metric, rows: [RunLogRow], name: String) {
        let pretrainEpochs = rows.filter { $0.phase == .pretraining }.map(\.epoch).max() ?? 0
        let discriminatorSteps = rows.filter { $0.phase == .discriminatorPretraining }.map(\.epoch).max() ?? 0
        let points = rows.compactMap { row -> (x: Double, y: Double)? in
            guard let y = metric.value(row) else { return nil }
            if row.phase == .pretraining { return (Double(row.epoch), y) }
            if row.phase == .discriminatorPretraining {
                return (Double(pretrainEpochs) + Double(row.epoch) / Double(discriminatorSteps + 1), y)
            }
            return (Double(pretrainEpochs + row.epoch), y)
        }
        guard !points.isEmpty else { return nil }
        let continued = rows.contains { $0.phase.isAfterPretraining }
        series = LineChart.Series(name: name, points: points)
        marker = continued ? (Double(pretrainEpochs), "rounds after \(pretrainEpochs) epochs") : nil
    }

    /// One chart of `metric` for several runs, each read from its `log.csv`, with the markers
    /// of every run (once per position).
    ///
    /// - Throws: `RunError` naming an unreadable log; ``ReportError/noValues(run:metric:)``
    ///   for a run whose log has no value of `metric`.
    public static func chart(of metric: Metric, runs: [URL]) throws -> LineChart {
        var series: [LineChart.Series] = []
        var markers: [(x: Double, label: String)] = []
        for run in runs {
            let rows = try RunLogRow.read(csv: RunFolder(run).url(of: .log))
            guard let curve = TrainingCurve(metric, rows: rows, name: run.lastPathComponent) else {
                throw ReportError.noValues(run: run.relativePath, metric: metric.rawValue)
            }
            series.append(curve.series)
            if let marker = curve.marker, !markers.contains(where: { $0.x == marker.x }) { markers.append(marker) }
        }
        var chart = LineChart(
            title: "\(metric.rawValue) during training", xLabel: "MLE epochs, then rounds",
            yLabel: metric.rawValue, series: series)
        chart.markers = markers
        return chart
    }
}
