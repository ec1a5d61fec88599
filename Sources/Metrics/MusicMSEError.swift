/// Inputs the music MSE cannot compare.
public enum MusicMSEError: Error, Equatable, Sendable, CustomStringConvertible {
    /// There was no test sequence.
    case emptyTestSet
    /// The sequences had length 0.
    case emptySequences
    /// A sequence's length differed from the first test sequence's.
    case lengthMismatch(set: String, index: Int, length: Int, expected: Int)

    public var description: String {
        switch self {
        case .emptyTestSet:
            return "music MSE needs at least one test sequence"
        case .emptySequences:
            return "music MSE needs sequences of at least one position"
        case .lengthMismatch(let set, let index, let length, let expected):
            return "\(set) sequence \(index) has length \(length); every sequence must have "
                + "length \(expected)"
        }
    }
}
