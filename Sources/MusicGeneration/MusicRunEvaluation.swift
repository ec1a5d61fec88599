import Foundation
import MusicAnalysis
import SeqGAN
import TensorCore

/// `seqgan evaluate` of a music run: a ``MusicEvaluation`` of the run's model and tunes, with
/// the per-sample values kept in the run's ``EvaluationFolder`` for `seqgan compare`.
///
/// The metrics are rows of ``MusicEvaluation/table``; a new metric is a new row there, and
/// shows here, in `--json` and in the HTML report without other changes.
public struct MusicRunEvaluation: Sendable {
    /// The metrics.
    public let evaluation: MusicEvaluation
    /// Where the per-sample values went.
    public let folder: EvaluationFolder
    /// Whole generated tunes against the test tunes (tune-level statistics and MGEval), when
    /// `tuneCount` was positive.
    public let tunes: TuneSetComparison?

    /// Samples `sampleCount` windows from the run's model and measures them, the validation
    /// windows and the test windows, against the test tunes or against `references`; then writes
    /// per-sample BLEU (latest, and per order) and MSE, and the ``ReferenceRecord``.
    ///
    /// - Parameters:
    ///   - directory: The run folder.
    ///   - references: A file of token windows, one per line (as `RUN/train.txt`), measured
    ///     against instead of the test tunes; `nil` for the test tunes.
    ///   - sampleCount: Windows to sample.
    ///   - temperature: Sampling temperature; `nil` for the model's ``MusicModel/defaultTemperature``.
    ///   - seed: Seed of the sampling.
    ///   - bleuOrder: N of BLEU-N.
    ///   - tuneCount: Whole tunes to generate for ``tunes`` (0 leaves it out).
    /// - Throws: ``MusicRunError`` for a run that cannot be loaded or whose tunes are gone,
    ///   `TokenSequenceFileError` naming the references file and line, I/O errors naming the
    ///   file that could not be written.
    public init(
        run directory: URL, references: URL? = nil, sampleCount: Int, temperature: Float? = nil, seed: UInt64,
        bleuOrder: Int = 4, tuneCount: Int = 0
    ) throws {
        let model = try MusicModel(runDirectory: directory)
        let temperature = temperature ?? model.defaultTemperature
        let referenceWindows = try references.map {
            try TokenSequenceFile.readRows(
                $0, length: model.generator.config.sequenceLength,
                vocabularySize: model.generator.config.vocabularySize)
        }
        let corpus = try MusicRun.savedCorpus(in: directory)
        evaluation = try MusicEvaluation(
            model: model, corpus: corpus, sampleCount: sampleCount, temperature: temperature, seed: seed,
            bleuOrder: bleuOrder, references: referenceWindows)
        folder = EvaluationFolder(run: directory)
        try folder.create()
        try folder.writeBLEU(evaluation.perSampleBLEU, order: bleuOrder)
        try EvaluationFolder.writeValues(evaluation.perSampleMSE, to: folder.mse)
        try ReferenceRecord(
            description: references.map { ReferenceRecord.describe(file: $0.relativePath) } ?? "the test tunes",
            sequences: (referenceWindows ?? corpus.sequences(.test)).map { $0.map(String.init).joined(separator: " ") }
        ).write(in: folder.url)
        tunes = tuneCount > 0
            ? TuneLevelEvaluation.compare(
                model: model, corpus: corpus, tuneCount: tuneCount, temperature: temperature, seed: seed)
            : nil
    }

    /// The metric table as aligned text: a header of column names, then one line per metric;
    /// with `bleuOnly`, the BLEU line alone under the header.
    public func tableLines(bleuOnly: Bool = false) -> [String] {
        let bleuLabel = "BLEU-\(evaluation.bleuOrder)"
        return evaluation.tableText.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { index, line in !bleuOnly || index == 0 || line.hasPrefix(bleuLabel) }
            .map { String($0.element) }
    }
}
