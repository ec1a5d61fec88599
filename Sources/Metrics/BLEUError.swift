/// Inputs that BLEU and self-BLEU cannot score.
public enum BLEUError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The maximum n-gram order was below 1.
    case invalidOrder(Int)
    /// There was no reference sequence to compare against.
    case emptyReferenceSet
    /// Self-BLEU needs at least two samples, so that each has another to be compared with.
    case tooFewSamples(Int)
    /// A token id was negative or did not fit in 32 bits.
    case tokenOutOfRange(token: Int, sequence: Int)

    public var description: String {
        switch self {
        case .invalidOrder(let order):
            return "BLEU order n must be at least 1 (got \(order))"
        case .emptyReferenceSet:
            return "the reference set is empty"
        case .tooFewSamples(let count):
            return "self-BLEU needs at least 2 samples (got \(count))"
        case .tokenOutOfRange(let token, let sequence):
            return "token id \(token) in sequence \(sequence) is outside 0..<4294967295"
        }
    }
}
