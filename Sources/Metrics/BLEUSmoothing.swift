/// How a sentence-level BLEU score treats an n-gram order with no matching n-gram.
///
/// Both choices follow NLTK's `SmoothingFunction` exactly, so scores agree with
/// `nltk.translate.bleu_score.sentence_bleu` to rounding.
public enum BLEUSmoothing: String, Codable, Sendable, CaseIterable {
    /// No smoothing (NLTK's `method0`): a zero precision becomes the smallest normal double,
    /// which makes the score practically zero.
    case none
    /// NLTK's `method1`: a zero numerator becomes epsilon = 0.1, divided by the n-gram count.
    case method1

    /// One line describing the smoothing, for `--help`.
    public var summary: String {
        switch self {
        case .none: "none: a zero precision makes the score practically zero"
        case .method1: "NLTK's method1: a zero count becomes epsilon 0.1"
        }
    }
}
