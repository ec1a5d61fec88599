import ArgumentParser
import Audio
import Foundation
import RunReports
import TensorCore

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
            the tune-level table of `seqgan evaluate --tunes N` for N = --measured-tunes whole \
            generated tunes against the test tunes (0 leaves it out), and piano rolls of --tunes \
            whole generated tunes next to as many whole real test tunes, each with an audio \
            player and its ABC text. The audio (Ogg Vorbis, or WAV where libsndfile has no Vorbis) \
            and MIDI files go to a folder beside the page, FILE_files/; the page needs nothing \
            else.

              seqgan report runs/mle runs/seqgan -o curves.svg
              seqgan report runs/folk -o report.html
            """)

    @Argument(help: "Run folders (each with a log.csv); one music run for an HTML report.")
    var runs: [String]

    @Option(name: .shortAndLong, help: "The file to write: a picture (.svg) or a music run's report (.html).")
    var output: String

    @Option(help: "SVG: what to draw.")
    var metric: TrainingCurve.Metric = .nllOracle

    @OptionGroup(title: "HTML report (the metric table as `seqgan evaluate` computes it)")
    var sampling: SamplingOptions

    @Option(parsing: .unconditional, help: "HTML: generated tunes shown, and as many real test tunes.")
    var tunes: Int = 4

    @Option(parsing: .unconditional, help: "HTML: whole tunes generated for the tune-level table (structure, form, rhythm, pitch, MGEval) against the test tunes; 0 leaves the table out.")
    var measuredTunes: Int = 50

    @Option(help: ArgumentHelp("HTML: the instrument of the audio.", valueName: "name"))
    var instrument: Instrument = .piano

    /// Whether `-o` names an HTML report.
    var isHTML: Bool { output.lowercased().hasSuffix(".html") || output.lowercased().hasSuffix(".htm") }

    func validate() throws {
        try require(!runs.isEmpty, "name at least one run folder")
        try require(output.lowercased().hasSuffix(".svg") || isHTML, "-o must name an .svg or .html file")
        if isHTML && runs.count != 1 {
            throw ValidationError("an HTML report is of one music run; got \(runs.count) run folders")
        }
        try require((1...32).contains(tunes), "--tunes must be within 1...32")
        guard (0...10_000).contains(measuredTunes) else {
            throw ValidationError("--measured-tunes must be within 0...10000, got \(measuredTunes)")
        }
    }

    func run() throws {
        guard isHTML else {
            let chart = try TrainingCurve.chart(of: metric, runs: runs.map { URL(fileURLWithPath: $0) })
            try chart.svg().write(to: URL(fileURLWithPath: output), atomically: true, encoding: .utf8)
            return print("wrote \(output) (\(runs.count) run\(runs.count == 1 ? "" : "s"))")
        }
        BLAS.threadCount = 1
        var settings = MusicRunReport.Settings()
        (settings.samples, settings.temperature, settings.seed) = (sampling.samples, sampling.temperature, sampling.seed)
        (settings.tunes, settings.instrument, settings.measuredTunes) = (tunes, instrument, measuredTunes)
        let report = try MusicRunReport(
            run: URL(fileURLWithPath: runs[0]), page: URL(fileURLWithPath: output), settings: settings)
        print("wrote \(output) (\(report.tuneCount) tunes with audio in \(report.files.path)/)")
    }
}
