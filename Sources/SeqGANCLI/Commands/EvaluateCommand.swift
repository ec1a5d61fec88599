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
        let values = sweep.split(separator: ",").map { Float($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ $0 != nil && $0! > 0 && $0!.isFinite }) else { return nil }
        return values.map { $0! }
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
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            return print(String(decoding: try encoder.encode(result.evaluation), as: UTF8.self))
        }
        let against = references.map { "the \(result.evaluation.references?.windows ?? 0) windows of \($0)" }
        print("\(directory.path): \(samples) sampled windows (temperature \(temperature), seed \(seed)) against \(against ?? "the test tunes")")
        result.tableLines(bleuOnly: metric == .bleu).forEach { print($0) }
        print("per-sample values (for `seqgan compare --metric bleu|mse`): \(result.folder.url.path)/")
        if let tunes = result.tunes {
            print("\nwhole tunes: \(tuneLevel.tunes) generated (temperature \(temperature), seed \(seed)) against the test tunes")
            print(tunes.tableText(generatedName: "samples", realName: "test"))
        }
    }

    /// BLEU, self-BLEU and NLL-test of a text run, or a temperature sweep.
    func evaluateText(_ directory: URL) throws {
        let (samples, temperature, seed) = (sampling.samples, sampling.temperature, sampling.seed)
        guard samples >= 2 else {
            throw ValidationError("--samples must be at least 2 (self-BLEU compares samples with each other)")
        }
        let evaluation = try TextRunEvaluation(run: directory, referencesFile: references, order: order ?? 2)
        let n = evaluation.order
        let setting = "of \(samples) samples (seed \(seed)) against \(evaluation.references.count) references (\(evaluation.referenceName))"
        if let temperatures = sweepTemperatures, !temperatures.isEmpty {
            print("BLEU-\(n) and self-BLEU-\(n) \(setting):")
            print("temperature  BLEU-\(n)  self-BLEU-\(n)")
            for scores in try evaluation.sweep(temperatures: temperatures, count: samples, seed: seed) {
                print(String(format: "%11.2f  %6.4f  %11.4f", scores.temperature, scores.meanBLEU, scores.meanSelfBLEU))
            }
            return print("table: \(evaluation.folder.sweep.path)")
        }
        let scores = try evaluation.evaluate(count: samples, temperature: temperature, seed: seed)
        let perSample = evaluation.folder.latestBLEU.path
        if metric == .bleu {
            print("BLEU-\(n) (temperature \(temperature)) \(setting); per sample: \(perSample)")
            return print(scores.meanBLEU)
        }
        let nll = try evaluation.negativeLogLikelihood()
        print(String(format: "BLEU-%d %.4f (temperature %g) %@", n, scores.meanBLEU, temperature, setting))
        print(String(format: "self-BLEU-%d %.4f (each sample against the other %d)", n, scores.meanSelfBLEU, samples - 1))
        print(String(format: "NLL-test %.4f (per token, on the %d references)", nll, evaluation.references.count))
        print("per-sample BLEU: \(perSample); samples: \(evaluation.folder.samples.path)")
    }

    /// NLL-oracle and distinct samples of a synthetic run, at each temperature.
    func evaluateSynthetic(_ directory: URL) throws {
        guard references == nil, metric == .all, order == nil, !json else {
            throw ValidationError("a synthetic run is scored by its oracle: --references, --metric, -n and --json do not apply")
        }
        let (samples, seed) = (sampling.samples, sampling.seed)
        let temperatures = sweep == nil ? [sampling.temperature] : sweepTemperatures ?? []
        print("\(directory.path): \(samples) samples per temperature (seed \(seed)), scored by the run's oracle")
        let evaluation = try SyntheticEvaluation(run: directory, sampleCount: samples, temperatures: temperatures, seed: seed)
        for row in evaluation.rows {
            print(String(format: "temperature %.2f: NLL-oracle %.4f, distinct sequences %d of %d", row.temperature, row.nllOracle, row.distinct, samples))
        }
    }
}
