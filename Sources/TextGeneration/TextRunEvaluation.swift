import Foundation
import NeuralNetwork
import SeqGAN
import TextEncoding

/// `seqgan evaluate` of a text run: BLEU-N of the model's samples against references (the
/// run's test split, or a file), their self-BLEU and NLL-test; or BLEU and self-BLEU at
/// several temperatures. What `seqgan compare` needs is kept in the run's ``EvaluationFolder``.
public struct TextRunEvaluation {
    /// The run's model.
    public let model: TextModel
    /// The references, as read.
    public let references: [TextCorpus.Entry]
    /// The references file as given, or "the run's test split".
    public let referenceName: String
    /// N of BLEU-N.
    public let order: Int
    /// Where the files go.
    public let folder: EvaluationFolder
    private let evaluation: TextEvaluation
    private let referencesFile: String?

    /// Loads the run's model and the references (read with the run's tokenizer and format).
    ///
    /// - Parameters:
    ///   - directory: The run folder.
    ///   - referencesFile: A text file of references; `nil` for the run's test split.
    ///   - order: N of BLEU-N.
    /// - Throws: ``TextRunError`` for a folder that holds no text run; `TextFileError` naming
    ///   an unreadable references file; `BLEUError` for no references.
    public init(run directory: URL, referencesFile: String?, order: Int) throws {
        model = try TextModel(runDirectory: directory)
        if let referencesFile {
            references = try TextCorpus.read(
                URL(fileURLWithPath: referencesFile), tokenizer: model.settings.tokens,
                format: model.settings.format
            ).entries
        } else {
            references = try model.testSequences()
        }
        referenceName = referencesFile ?? "the run's test split"
        self.referencesFile = referencesFile
        self.order = order
        evaluation = try TextEvaluation(references: references.map(\.tokens), order: order)
        folder = EvaluationFolder(run: directory)
        try folder.create()
    }

    /// Scores one draw of `count` samples and keeps, for `seqgan compare` and for people, the
    /// per-sample BLEU, the ``ReferenceRecord`` and the samples (`samples.txt`).
    ///
    /// - Throws: `BLEUError.tooFewSamples` for fewer than two samples; I/O errors naming the
    ///   file that could not be written.
    public func evaluate(count: Int, temperature: Float, seed: UInt64) throws -> TextEvaluation.Scores {
        let scores = try evaluation.evaluate(model, count: count, temperature: temperature, seed: seed)
        try folder.writeBLEU(scores.bleu, order: order)
        try ReferenceRecord(
            description: referencesFile.map { ReferenceRecord.describe(file: $0) } ?? referenceName,
            sequences: references.map { $0.tokens.joined(separator: " ") }
        ).write(in: folder.url)
        try AtomicFile.write(
            scores.samples.map { model.settings.tokens.line($0) }.joined(separator: "\n") + "\n",
            to: folder.samples)
        return scores
    }

    /// NLL-test: the generator's per-token NLL on the references.
    ///
    /// - Throws: ``TextRunError/onlyUnknownTokens(location:minimumCount:)``.
    public func negativeLogLikelihood() throws -> Double {
        try model.negativeLogLikelihood(of: references)
    }

    /// BLEU and self-BLEU of `count` samples at each temperature (each draw with `seed`), also
    /// written as a table (`sweep.csv`: temperature, bleu, self_bleu).
    ///
    /// - Throws: `BLEUError.tooFewSamples` for fewer than two samples; I/O errors naming the file.
    public func sweep(temperatures: [Float], count: Int, seed: UInt64) throws -> [TextEvaluation.Scores] {
        let rows = try temperatures.map {
            try evaluation.evaluate(model, count: count, temperature: $0, seed: seed)
        }
        let csv = rows.map { String(format: "%g,%.6f,%.6f\n", $0.temperature, $0.meanBLEU, $0.meanSelfBLEU) }
        try AtomicFile.write("temperature,bleu,self_bleu\n" + csv.joined(), to: folder.sweep)
        return rows
    }
}
