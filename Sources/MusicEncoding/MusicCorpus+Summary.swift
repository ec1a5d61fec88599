extension MusicCorpus {
    /// What `seqgan midi tokens` prints after writing `sequenceCount` sequences of the split
    /// named `splitName` to `output`: the files and tunes read, the sequences, the vocabulary,
    /// the irregularities repaired and every file skipped with its reason.
    public func summaryLines(sequenceCount: Int, splitName: String, output: String) -> [String] {
        let shape = settings.scheme == .tune ? "whole tunes" : "of \(settings.windowLength) tokens"
        var lines = [
            "files: \(filesRead)",
            "tunes: \(allTunes.count) (train \(train.count), validation \(validation.count), test \(test.count))",
            "sequences: \(sequenceCount) \(shape) (\(splitName)) -> \(output)",
            "vocabulary: \(vocabularySize) (\(settings.scheme.rawValue) scheme)",
        ]
        if warningCount > 0 { lines.append("warnings: \(warningCount) irregularities repaired") }
        lines.append("skipped: \(skipped.count)")
        return lines + skipped.map { "  \($0)" }
    }
}
