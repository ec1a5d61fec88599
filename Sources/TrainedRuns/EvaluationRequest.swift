import Foundation
import MusicGeneration
import SeqGAN
import SyntheticGeneration
import TextGeneration

/// What `seqgan evaluate` asks of a trained run of any kind: BLEU, self-BLEU and NLL-test of a
/// text run, the metric table of a music run, NLL-oracle of a synthetic run.
public struct EvaluationRequest: Sendable {
    /// What to report.
    public enum Metric: String, Sendable, CaseIterable {
        /// Every metric of the run's kind.
        case all
        /// BLEU alone (its mean on the last line for a text run).
        case bleu
    }

    /// Reference sequences, one per line; `nil` for the run's test split.
    public var references: String?
    /// What to report.
    public var metric = Metric.all
    /// The BLEU order; `nil` for 2 (text) or 4 (music).
    public var order: Int?
    /// Samples (music: windows) to score.
    public var samples = 2000
    /// Sampling temperature.
    /// `nil` for 1, or a music model's ``MusicModel/defaultTemperature``.
    public var temperature: Float?
    /// Seed of the sampling.
    public var seed: UInt64 = 1
    /// Temperatures to sweep instead of ``temperature``; `nil` for none.
    public var sweep: [Float]?
    /// Whether a music run's metrics are printed as JSON instead of a table.
    public var json = false
    /// Whole tunes generated for a music run's tune-level table (0 leaves it out).
    public var tunes = 200

    /// A request with every value at its default.
    public init() {}

    /// A request with every value given (the options of `seqgan evaluate`, one to one).
    public init(
        references: String?, metric: Metric, order: Int?, samples: Int, temperature: Float?, seed: UInt64,
        sweep: [Float]?, json: Bool, tunes: Int
    ) {
        (self.references, self.metric, self.order, self.samples) = (references, metric, order, samples)
        (self.temperature, self.seed, self.sweep, self.json, self.tunes) = (temperature, seed, sweep, json, tunes)
    }

    /// Checks the ranges of the values before any run is read.
    ///
    /// - Throws: ``TrainedRunError`` naming the first value out of range.
    public func validate() throws(TrainedRunError) {
        guard samples > 0 else { throw .noSamples }
        if let temperature { guard temperature > 0 && temperature.isFinite else { throw .temperature } }
        if let order { guard (1...8).contains(order) else { throw .bleuOrder(order) } }
        guard tunes >= 0 else { throw .negativeTunes }
    }

    /// Evaluates the run in `path`; per-sample values go to its `evaluation/` folder.
    ///
    /// - Returns: The lines to print.
    /// - Throws: ``RunKindError`` when `path` holds no run, ``TrainedRunError`` for values out of
    ///   range (``validate()``) or options that do not apply to its kind, and the errors of
    ///   loading, sampling and writing.
    public func evaluate(run path: String) throws -> [String] {
        try validate()
        let directory = URL(fileURLWithPath: path)
        switch try RunKind(of: directory) {
        case .music: return try evaluateMusic(directory)
        case .text:
            guard samples >= 2 else { throw TrainedRunError.tooFewSamplesForSelfBLEU }
            return try TextRunEvaluation(run: directory, referencesFile: references, order: order ?? 2).reportLines(
                count: samples, temperature: temperature ?? 1, seed: seed, sweep: sweep ?? [], bleuOnly: metric == .bleu)
        case .synthetic:
            guard references == nil && metric == .all && order == nil && !json else {
                throw TrainedRunError.oracleScoresSynthetic
            }
            let evaluation = try SyntheticEvaluation(
                run: directory, sampleCount: samples, temperatures: sweep ?? [temperature ?? 1], seed: seed)
            return [SyntheticEvaluation.headerLine(run: directory, sampleCount: samples, seed: seed)] + evaluation.rowLines
        }
    }

    /// The metric table of a music run (or JSON).
    private func evaluateMusic(_ directory: URL) throws -> [String] {
        guard sweep == nil else { throw TrainedRunError.sweepOfMusic }
        let result = try MusicRunEvaluation(
            run: directory, references: references.map { URL(fileURLWithPath: $0) }, sampleCount: samples,
            temperature: temperature, seed: seed, bleuOrder: order ?? 4, tuneCount: metric == .all && !json ? tunes : 0)
        if json { return [try result.evaluation.jsonText()] }
        return result.reportLines(
            run: directory, references: references, sampleCount: samples, temperature: result.evaluation.temperature, seed: seed,
            tuneCount: tunes, bleuOnly: metric == .bleu)
    }
}
