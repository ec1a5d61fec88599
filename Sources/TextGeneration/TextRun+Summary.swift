import Foundation
import SeqGAN

extension TextRun {
    /// What was read, as lines for the terminal: the files and their formats, the splits, the
    /// rows and vocabulary, the model and any settings adjusted to the data.
    public var summaryLines: [String] {
        var lines = corpus.formats.map { "read \($0.path) as \($0.format.rawValue)" }
        let t = settings.length ?? 0
        let overflow = settings.windows ? "windowed every \(settings.windowStride ?? max(1, t / 2)) tokens" : "cut"
        lines.append("sequences (\(settings.tokens.rawValue) tokens): train \(corpus.train.count), validation \(corpus.validation.count), test \(corpus.test.count)\(settings.test == nil ? " (seeded split)" : "")")
        lines.append("rows of T = \(t) (longer sequences \(overflow)): train \(train.count), validation \(validation.count), test \(test.count); vocabulary \(vocabulary.count) (min count \(settings.minimumCount))")
        lines.append(experiment.config.modelSummary)
        return lines + adjustments.map { "note: \($0)" }
    }
}
