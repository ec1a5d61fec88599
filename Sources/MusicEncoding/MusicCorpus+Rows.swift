extension MusicCorpus {
    /// The rows a model of this corpus trains on, tune after tune: the windows of the grid and
    /// paper schemes; for the tune scheme each tune whole, then ``TuneScheme/padding`` up to
    /// the settings' `windowLength` (call ``leaveOutTunesLongerThanRows()`` first).
    public func rows(_ split: Split) -> [[Int]] {
        let windows = sequences(split)
        guard settings.scheme == .tune else { return windows }
        let length = settings.windowLength
        return windows.map { Array($0.prefix(length)) + Array(repeating: TuneScheme.padding, count: max(0, length - $0.count)) }
    }

    /// Tune scheme: moves every tune of more tokens than a row holds (`windowLength`) from its
    /// split to ``skipped``, with its length as the reason. Other schemes: nothing to do.
    public mutating func leaveOutTunesLongerThanRows() {
        guard settings.scheme == .tune else { return }
        let length = settings.windowLength
        func keep(_ tunes: inout [Tune]) {
            for tune in tunes where tune.encoded.tokens.count > length {
                skipped.append(.init(
                    path: tune.name,
                    reason: "\(tune.encoded.tokens.count) tokens, more than a row of \(length) holds (--window)"))
            }
            tunes.removeAll { $0.encoded.tokens.count > length }
        }
        keep(&train)
        keep(&validation)
        keep(&test)
    }
}
