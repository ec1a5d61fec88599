import ArgumentParser
import Audio
import RunReports

/// `seqgan report`: training curves of one or more runs as an SVG picture, or the HTML report
/// of one music run.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Draw a metric against training progress for one or more runs (like the paper's Figure 2), or write the HTML report of a music run.",
        discussion: """
            -o FILE.svg: the x axis counts MLE epochs, then the rounds after pre-training (from a \
            dashed line), so runs from the same pre-training line up.

            -o FILE.html (one music run): training curves, the metric table of `seqgan evaluate` \
            (same --samples, --seed, --temperature: same numbers), the tune-level table of \
            --measured-tunes whole tunes, and piano rolls of --tunes generated and as many test \
            tunes, each with audio and ABC text; audio and MIDI files go to FILE_files/ beside it.
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

    func validate() throws {
        try asValidationError { try request.validate() }
    }

    func run() throws {
        print(try request.write())
    }

    /// The options as a library request.
    var request: ReportRequest {
        ReportRequest(
            runs: runs, output: output, metric: metric,
            settings: .init(
                samples: sampling.samples, temperature: sampling.temperature, seed: sampling.seed, tunes: tunes,
                measuredTunes: measuredTunes, instrument: instrument))
    }
}
