extension MusicCorpus {
    /// The rows a model of this corpus trains on, tune after tune: the windows of the grid and
    /// paper schemes; for the tune scheme each tune whole, then ``TuneScheme/padding`` up to
    /// the settings' `windowLength`, tunes of more tokens left out (the held-out tunes stay
    /// in the corpus for the whole-tune statistics, which read their notes).
    public func rows(_ split: Split) -> [[Int]] {
        let windows = sequences(split)
        guard settings.scheme == .tune else { return windows }
        let length = settings.windowLength
        return windows.filter { $0.count <= length }.map { $0 + Array(repeating: TuneScheme.padding, count: length - $0.count) }
    }

    /// Tune scheme: moves every training tune of more tokens than a row holds (`windowLength`)
    /// to ``skipped``, with its length as the reason. Other schemes: nothing to do.
    public mutating func leaveOutTrainingTunesLongerThanRows() {
        guard settings.scheme == .tune else { return }
        let length = settings.windowLength
        for tune in train where tune.encoded.tokens.count > length {
            skipped.append(.init(
                path: tune.name, reason: "\(tune.encoded.tokens.count) tokens, more than a row of \(length) holds (--window)"))
        }
        train.removeAll { $0.encoded.tokens.count > length }
    }
}
