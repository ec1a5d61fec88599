import ArgumentParser
import Audio
import Foundation
import Reports
import SeqGAN

/// `seqgan report`: training curves of one or more runs as an SVG picture, or the HTML report
/// of one music run.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Draw a metric against training progress for one or more runs (like the paper's Figure 2), or write the HTML report of a music run.",
        discussion: """
            -o FILE.svg: the x axis counts MLE epochs, then continues with the rounds of the \
            phase after pre-training (a dashed line marks where it starts), so MLE, SS, PG-BLEU \
            and SeqGAN runs from the same pre-training line up.

            -o FILE.html (one music run): a page with the training curves, the metric table of \
            `seqgan evaluate` (same --samples, --seed and --temperature give the same numbers), \
            and piano rolls of --tunes generated tunes next to as many real test tunes, each \
            with an audio player. The audio (Ogg Vorbis, or WAV where libsndfile has no Vorbis) \
            and MIDI files go to a folder beside the page, FILE_files/; the page needs nothing \
            else.

              seqgan report runs/mle runs/seqgan -o curves.svg
              seqgan report runs/folk -o report.html
            """)

    enum Metric: String, ExpressibleByArgument, CaseIterable {
        case nllOracle = "nll-oracle", nllTest = "nll-test", bleu, trainNLL = "train-nll", dAccuracy = "d-accuracy"

        func value(_ row: RunLogRow) -> Double? {
            switch self {
            case .nllOracle: row.nllOracle
            case .nllTest: row.nllTest
            case .bleu: row.bleu
            case .trainNLL: row.trainNLL
            case .dAccuracy: row.discriminatorAccuracy
            }
        }
    }

    @Argument(help: "Run folders (each with a log.csv); one music run for an HTML report.")
    var runs: [String]

    @Option(name: .shortAndLong, help: "The file to write: a picture (.svg) or a music run's report (.html).")
    var output: String

    @Option(help: "SVG: what to draw: \(Metric.allCases.map(\.rawValue).joined(separator: ", ")).")
    var metric: Metric = .nllOracle

    @Option(help: "HTML: generated windows scored for the metric table (as `seqgan evaluate --samples`).")
    var samples: Int = 2000

    @Option(help: "HTML: generated tunes shown, and as many real test tunes.")
    var tunes: Int = 4

    @Option(help: "HTML: sampling temperature of the metric table and the tunes.")
    var temperature: Float = 1

    @Option(help: "HTML: seed of the sampling and of the renderer.")
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("HTML: the instrument of the audio: \(Instrument.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "name"))
    var instrument: Instrument = .piano

    /// Whether `-o` names an HTML report.
    var isHTML: Bool { output.lowercased().hasSuffix(".html") || output.lowercased().hasSuffix(".htm") }

    func validate() throws {
        guard !runs.isEmpty else { throw ValidationError("name at least one run folder") }
        guard output.lowercased().hasSuffix(".svg") || isHTML else {
            throw ValidationError("-o must name an .svg or .html file")
        }
        if isHTML && runs.count != 1 {
            throw ValidationError("an HTML report is of one music run; got \(runs.count) run folders")
        }
        guard samples > 0, (1...32).contains(tunes) else { throw ValidationError("--samples must be positive and --tunes within 1...32") }
        guard temperature > 0, temperature.isFinite else { throw ValidationError("--temperature must be positive") }
    }

    func run() throws {
        if isHTML {
            try writeMusicReport()
            return
        }
        var series: [LineChart.Series] = []
        var markers: [(x: Double, label: String)] = []
        for run in runs {
            let rows = try RunLogRow.read(csv: URL(fileURLWithPath: run).appendingPathComponent("log.csv"))
            let name = URL(fileURLWithPath: run).lastPathComponent
            guard let line = ReportCommand.series(of: metric, in: rows, name: name) else {
                throw ValidationError("\(run)/log.csv has no \(metric.rawValue) values")
            }
            series.append(line.series)
            if let marker = line.marker, !markers.contains(where: { $0.x == marker.x }) { markers.append(marker) }
        }
        var chart = LineChart(
            title: "\(metric.rawValue) during training", xLabel: "MLE epochs, then rounds",
            yLabel: metric.rawValue, series: series)
        chart.markers = markers
        try chart.svg().write(to: URL(fileURLWithPath: output), atomically: true, encoding: .utf8)
        print("wrote \(output) (\(series.count) run\(series.count == 1 ? "" : "s"))")
    }

    /// One run's values of `metric` against MLE epochs, then rounds; with the marker where
    /// the phase after pre-training starts, if it has started. `nil` when there are no values.
    static func series(of metric: Metric, in rows: [RunLogRow], name: String)
        -> (series: LineChart.Series, marker: (x: Double, label: String)?)?
    {
        let pretrainEpochs = rows.filter { $0.phase == "pretrain" }.map(\.epoch).max() ?? 0
        let points = rows.compactMap { row -> (x: Double, y: Double)? in
            guard let y = metric.value(row), row.phase != "discriminator" else { return nil }
            let x = row.phase == "pretrain" ? row.epoch : pretrainEpochs + row.epoch
            return (Double(x), y)
        }
        guard !points.isEmpty else { return nil }
        let continued = rows.contains { $0.phase != "pretrain" && $0.phase != "discriminator" }
        return (
            LineChart.Series(name: name, points: points),
            continued ? (Double(pretrainEpochs), "rounds after \(pretrainEpochs) epochs") : nil
        )
    }
}
