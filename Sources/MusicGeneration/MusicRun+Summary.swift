import Foundation
import MusicEncoding
import SeqGAN

extension MusicRun {
    /// What was read, as lines for the terminal: skipped files with their reasons first, then
    /// repaired files, the splits, the corpus, the model and any settings adjusted to the data.
    public var summaryLines: [String] {
        var lines: [String] = []
        let corpus = self.corpus
        let skipped = corpus.skipped.count == 1 ? "" : "s"
        if !corpus.skipped.isEmpty {
            lines.append("skipped \(corpus.skipped.count) file\(skipped) or tune\(skipped) (also in skipped.txt):")
            lines += corpus.skipped.map { "  \($0)" }
        }
        if !corpus.repaired.isEmpty {
            lines.append("repaired \(corpus.repaired.count) truncated file\(corpus.repaired.count == 1 ? "" : "s") (kept; --strict skips them):")
            lines += corpus.repaired.map { "  \($0)" }
        }
        let settings = corpus.settings
        if let lists = sources.splitLists { lines.append("splits: the lists in \(lists)") }
        lines.append("tunes: \(corpus.allTunes.count) from \(corpus.filesRead) file\(corpus.filesRead == 1 ? "" : "s") (train \(corpus.train.count), validation \(corpus.validation.count), test \(corpus.test.count))")
        let rows = settings.scheme == .tune ? "whole tunes of up to \(settings.windowLength) tokens" : "windows of \(settings.windowLength) tokens"
        let t = settings.windowLength
        let (train, validation, test) = (experiment.train.count / t, experiment.validation.count / t, experiment.test.count / t)
        lines.append("\(rows): train \(train), validation \(validation), test \(test); vocabulary \(corpus.vocabularySize) (\(settings.scheme.rawValue) scheme)")
        lines.append(experiment.config.modelSummary)
        return lines + adjustments.map { "note: \($0)" }
    }
}
