import ArgumentParser
import Foundation
import MusicGeneration
import SeqGAN
import SyntheticGeneration
import TensorCore
import TextGeneration

/// `seqgan evaluate RUN`: the quality metrics of a trained model, next to the real data's.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score a trained model's samples: BLEU, self-BLEU, NLL-test, and for music the musical statistics.",
        discussion: """
            Text runs: BLEU-N of --samples generated sequences against --references (default \
            the run's test split), their self-BLEU, and the generator's NLL on the test split; \
            --sweep gives BLEU and self-BLEU at several temperatures.

            Music runs: BLEU-4 over token windows, the MSE of pitch numbers, and musical \
            statistics (pitch-class and interval histogram distances, notes in key, pitch \
            range, repeated 4-note patterns), for the model's samples and for the real tunes \
            side by side; per-sample BLEU and MSE go to RUN/evaluation/ for `seqgan compare`. \
            They are measured against the test tunes, or against --references: token windows, \
            one per line, as RUN/train.txt holds the training windows.

            Synthetic runs: NLL-oracle of --samples fresh samples under the run's oracle, and \
            how many of them are distinct (a collapsed generator scores well on NLL-oracle \
            alone), at --temperature or each --sweep temperature.

              seqgan evaluate runs/poems --references test.txt --metric bleu -n 2 --samples 2000
              seqgan evaluate runs/poems --sweep 0.5,0.75,1,1.25,1.5
              seqgan evaluate runs/folk
              seqgan evaluate runs/folk --references runs/folk/train.txt --metric bleu
              seqgan evaluate runs/seqgan --samples 10000
            """)

    /// What to compute.
    enum Metric: String, ExpressibleByArgument, CaseIterable {
        case all, bleu
    }

    @OptionGroup var runFolder: RunOptions

    @Option(help: "Reference sequences, one per line (default: the run's test split); for music, token windows as in RUN/train.txt.")
    var references: String?

    @Option(help: "What to report: \(choices(Metric.self)).")
    var metric: Metric = .all

    @Option(name: .customShort("n"), parsing: .unconditional, help: "BLEU order N (default 2 for text, 4 for music).")
    var order: Int?

    @OptionGroup var sampling: SamplingOptions

    @Option(help: "Temperatures to sweep, comma separated, e.g. 0.5,0.75,1,1.25,1.5.")
    var sweep: String?

    @Flag(help: "Print the metrics as JSON instead of a table (music runs).")
    var json = false

    @OptionGroup var tuneLevel: TuneLevelOptions

    func validate() throws {
        if let order, !(1...8).contains(order) { throw ValidationError("-n must be within 1...8, got \(order)") }
        if let sweep, sweepTemperatures == nil { throw ValidationError("--sweep must be positive numbers separated by commas, got '\(sweep)'") }
    }

    /// The temperatures of `--sweep` (empty without it), or nil when one is not a positive number.
    var sweepTemperatures: [Float]? {
        guard let sweep else { return [] }
        return TemperatureList.parse(sweep)
    }

    func run() throws {
        let directory = runFolder.url
        switch try RunKind(of: directory) {
        case .music: try evaluateMusic(directory)
        case .text: try evaluateText(directory)
        case .synthetic: try evaluateSynthetic(directory)
        }
    }

    /// The metric table of a music run (or JSON), per-sample values to `RUN/evaluation/`.
    func evaluateMusic(_ directory: URL) throws {
        if sweep != nil { throw ValidationError("--sweep is for text runs") }
        BLAS.threadCount = 1
        let (samples, temperature, seed) = (sampling.samples, sampling.temperature, sampling.seed)
        let result = try MusicRunEvaluation(
            run: directory, references: references.map { URL(fileURLWithPath: $0) }, sampleCount: samples,
            temperature: temperature, seed: seed, bleuOrder: order ?? 4,
            tuneCount: metric == .all && !json ? tuneLevel.tunes : 0)
        if json { return print(try result.evaluation.jsonText()) }
        result.reportLines(
            run: directory, references: references, sampleCount: samples, temperature: temperature, seed: seed,
            tuneCount: tuneLevel.tunes, bleuOnly: metric == .bleu
        ).forEach { print($0) }
    }

    /// BLEU, self-BLEU and NLL-test of a text run, or a temperature sweep.
    func evaluateText(_ directory: URL) throws {
        let (samples, temperature, seed) = (sampling.samples, sampling.temperature, sampling.seed)
        try require(samples >= 2, "--samples must be at least 2 (self-BLEU compares samples with each other)")
        let evaluation = try TextRunEvaluation(run: directory, referencesFile: references, order: order ?? 2)
        try evaluation.reportLines(
            count: samples, temperature: temperature, seed: seed, sweep: sweepTemperatures ?? [], bleuOnly: metric == .bleu
        ).forEach { print($0) }
    }

    /// NLL-oracle and distinct samples of a synthetic run, at each temperature.
    func evaluateSynthetic(_ directory: URL) throws {
        try require(references == nil && metric == .all && order == nil && !json, "a synthetic run is scored by its oracle: --references, --metric, -n and --json do not apply")
        let (samples, seed) = (sampling.samples, sampling.seed)
        let temperatures = sweep == nil ? [sampling.temperature] : sweepTemperatures ?? []
        print(SyntheticEvaluation.headerLine(run: directory, sampleCount: samples, seed: seed))
        try SyntheticEvaluation(run: directory, sampleCount: samples, temperatures: temperatures, seed: seed).rowLines.forEach { print($0) }
    }
}
