/// Inputs a statistical test cannot use.
public enum StatisticsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A group had fewer values than the test needs.
    case tooFewValues(group: String, count: Int)

    public var description: String {
        switch self {
        case .tooFewValues(let group, let count):
            return "the t-test needs at least 2 values per group; the \(group) group has \(count)"
        }
    }
}
