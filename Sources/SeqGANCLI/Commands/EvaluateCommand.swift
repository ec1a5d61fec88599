import ArgumentParser
import Foundation
import MusicGeneration
import NeuralNetwork

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

    @Argument(help: ArgumentHelp("The run folder written by `seqgan train`.", valueName: "run"))
    var runFolder: String

    @Option(help: "Reference sequences, one per line (default: the run's test split); for music, token windows as in RUN/train.txt.")
    var references: String?

    @Option(help: "What to report: \(Metric.allCases.map(\.rawValue).joined(separator: ", ")).")
    var metric: Metric = .all

    @Option(name: .customShort("n"), help: "BLEU order N (default 2 for text, 4 for music).")
    var order: Int?

    @Option(help: "Generated sequences to score.")
    var samples: Int = 2000

    @Option(help: "Sampling temperature.")
    var temperature: Float = 1

    @Option(help: "Temperatures to sweep, comma separated, e.g. 0.5,0.75,1,1.25,1.5.")
    var sweep: String?

    @Option(help: "Seed of the sampling.")
    var seed: UInt64 = 1

    @Flag(help: "Print the metrics as JSON instead of a table (music runs).")
    var json = false

    @OptionGroup var tuneLevel: TuneLevelOptions

    func validate() throws {
        if let order, !(1...8).contains(order) { throw ValidationError("-n must be within 1...8, got \(order)") }
        guard samples > 0 else { throw ValidationError("--samples must be positive") }
        guard temperature > 0, temperature.isFinite else { throw ValidationError("--temperature must be positive") }
        if let sweep, sweepTemperatures == nil { throw ValidationError("--sweep must be positive numbers separated by commas, got '\(sweep)'") }
    }

    /// The temperatures of `--sweep`, or nil when one is not a positive number.
    var sweepTemperatures: [Float]? {
        guard let sweep else { return [] }
        let values = sweep.split(separator: ",").map { Float($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ $0 != nil && $0! > 0 && $0!.isFinite }) else { return nil }
        return values.map { $0! }
    }

    /// Writes one value per line to `url`, atomically, each with `format`.
    static func writeValues(_ values: [Double], to url: URL, format: String = "%.6f") throws {
        try AtomicFile.write(values.map { String(format: format, $0) }.joined(separator: "\n") + "\n", to: url)
    }

    /// Writes per-sample BLEU-`order` values as `bleu_per_sample.txt` (the latest evaluation)
    /// and `bleu<order>_per_sample.txt` (kept per order, for `seqgan compare -n`) in `folder`.
    ///
    /// - Returns: The first file.
    @discardableResult
    static func writePerSampleBLEU(_ values: [Double], order: Int, in folder: URL) throws -> URL {
        let latest = folder.appendingPathComponent("bleu_per_sample.txt")
        try writeValues(values, to: latest)
        try writeValues(values, to: folder.appendingPathComponent("bleu\(order)_per_sample.txt"))
        return latest
    }

    /// A references file as ``ReferenceRecord`` describes it: its absolute path.
    static func describeFile(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    func run() throws {
        let directory = URL(fileURLWithPath: runFolder)
        switch RunKind(of: directory) {
        case .music: try runMusic(directory)
        case .synthetic: try runSynthetic(directory)
        case .text, .unknown: try runText(directory)
        }
    }
}
