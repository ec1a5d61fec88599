import ArgumentParser
import TrainedRuns

/// `seqgan evaluate RUN`: the quality metrics of a trained model, next to the real data's.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score a trained model's samples: BLEU, self-BLEU, NLL-test, and for music the musical statistics.",
        discussion: """
            Text runs: BLEU-N of --samples generated sequences against --references (default the \
            test split), their self-BLEU, and NLL on the test split; --sweep gives BLEU and \
            self-BLEU at several temperatures.

            Music runs: BLEU-4 over token windows, the MSE of pitch numbers and musical statistics \
            (pitch-class and interval histograms, notes in key, range, repeated patterns) of the \
            samples and of the real tunes side by side, against the test tunes or --references \
            (token windows as in RUN/train.txt); per-sample values go to RUN/evaluation/ for \
            `seqgan compare`.

            Synthetic runs: NLL-oracle of --samples fresh samples and how many are distinct (a \
            collapsed generator scores well on NLL-oracle alone), at each temperature.
              seqgan evaluate runs/poems --references test.txt --metric bleu -n 2
              seqgan evaluate runs/poems --sweep 0.5,0.75,1,1.25,1.5
              seqgan evaluate runs/folk
              seqgan evaluate runs/seqgan --samples 10000
            """)

    @OptionGroup var runFolder: RunOptions

    @Option(help: "Reference sequences, one per line (default: the run's test split); for music, token windows as in RUN/train.txt.")
    var references: String?

    @Option(help: "What to report.")
    var metric: EvaluationRequest.Metric = .all

    @Option(name: .customShort("n"), parsing: .unconditional, help: "BLEU order N (default 2 for text, 4 for music).")
    var order: Int?

    @OptionGroup var sampling: SamplingOptions

    @Option(help: "Temperatures to sweep, comma separated, e.g. 0.5,0.75,1,1.25,1.5.", transform: parseTemperatures)
    var sweep: [Float]?

    @Flag(help: "Print the metrics as JSON instead of a table (music runs).")
    var json = false

    @Option(parsing: .unconditional, help: "Music runs: whole tunes to generate for the tune-level statistics and MGEval against the test tunes (0 leaves the table out).")
    var tunes: Int = 200

    func validate() throws {
        try asValidationError { try request.validate() }
    }

    func run() throws {
        try request.evaluate(run: runFolder.path).forEach { print($0) }
    }

    /// The options as a library request.
    var request: EvaluationRequest {
        EvaluationRequest(
            references: references, metric: metric, order: order, samples: sampling.samples,
            temperature: sampling.temperature, seed: sampling.seed, sweep: sweep, json: json, tunes: tunes)
    }
}
