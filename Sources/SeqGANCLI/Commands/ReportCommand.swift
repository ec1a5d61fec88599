import ArgumentParser
import Foundation
import Reports
import SeqGAN

/// `seqgan report`: training curves of one or more runs as an SVG picture.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Draw a metric against training progress for one or more runs (like the paper's Figure 2).",
        discussion: """
            The x axis counts MLE epochs, then continues with the rounds of the phase after
            pre-training (a dashed line marks where it starts), so MLE, SS, PG-BLEU and SeqGAN
            runs from the same pre-training line up.

              seqgan report runs/mle runs/seqgan -o curves.svg
            """)

    enum Metric: String, ExpressibleByArgument, CaseIterable {
        case nllOracle = "nll-oracle", nllTest = "nll-test", bleu

        func value(_ row: RunLogRow) -> Double? {
            switch self {
            case .nllOracle: row.nllOracle
            case .nllTest: row.nllTest
            case .bleu: row.bleu
            }
        }
    }

    @Argument(help: "Run folders (each with a log.csv).")
    var runs: [String]

    @Option(name: .shortAndLong, help: "The picture to write (.svg).")
    var output: String

    @Option(help: "What to draw: \(Metric.allCases.map(\.rawValue).joined(separator: ", ")).")
    var metric: Metric = .nllOracle

    func validate() throws {
        guard !runs.isEmpty else { throw ValidationError("name at least one run folder") }
        guard output.lowercased().hasSuffix(".svg") else {
            throw ValidationError("-o must name an .svg file")
        }
    }

    func run() throws {
        var series: [LineChart.Series] = []
        var markers: [(x: Double, label: String)] = []
        for run in runs {
            let rows = try RunLogRow.read(csv: URL(fileURLWithPath: run).appendingPathComponent("log.csv"))
            let pretrainEpochs = rows.filter { $0.phase == "pretrain" }.map(\.epoch).max() ?? 0
            let points = rows.compactMap { row -> (x: Double, y: Double)? in
                guard let y = metric.value(row), row.phase != "discriminator" else { return nil }
                let x = row.phase == "pretrain" ? row.epoch : pretrainEpochs + row.epoch
                return (Double(x), y)
            }
            guard !points.isEmpty else {
                throw ValidationError("\(run)/log.csv has no \(metric.rawValue) values")
            }
            let name = URL(fileURLWithPath: run).lastPathComponent
            series.append(.init(name: name, points: points))
            if rows.contains(where: { $0.phase != "pretrain" && $0.phase != "discriminator" }),
                !markers.contains(where: { $0.x == Double(pretrainEpochs) })
            {
                markers.append((Double(pretrainEpochs), "adversarial / continued training"))
            }
        }
        var chart = LineChart(
            title: "\(metric.rawValue) during training", xLabel: "MLE epochs, then rounds",
            yLabel: metric.rawValue, series: series)
        chart.markers = markers
        try chart.svg().write(to: URL(fileURLWithPath: output), atomically: true, encoding: .utf8)
        print("wrote \(output) (\(series.count) run\(series.count == 1 ? "" : "s"))")
    }
}
