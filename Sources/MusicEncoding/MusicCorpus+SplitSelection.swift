extension MusicCorpus {
    /// Which tunes of a corpus to take: all of them, or those of one split.
    public enum SplitSelection: String, Sendable, CaseIterable {
        case all, train, validation, test

        /// The corpus split, `nil` for all tunes.
        public var split: Split? {
            switch self {
            case .all: nil
            case .train: .train
            case .validation: .validation
            case .test: .test
            }
        }
    }
}
