/// What a generator is told before each step besides the previous token: which tokens may
/// come next, and a few numbers about the position that the tokens so far imply.
///
/// The neural core knows nothing of what the tokens mean. A task whose tokens follow a
/// grammar (the music task's whole-tune tokens: bars, beats, repeats) supplies a reader; the
/// generator keeps one per row. For each row: ``reset()`` at the start, then before every
/// step ``fillFeatures(_:)`` (appended to the token's embedding as the LSTM's input) and, when
/// sampling, ``fillMask(_:allowed:forbidden:)`` (added to the logits); after the step's token
/// is known, ``read(_:)``. None of these may allocate: they run inside training and sampling
/// loops.
public protocol SequenceReader {
    /// Back to the state before a row's first token.
    mutating func reset()
    /// Reads the next token. Returns `false`, leaving the state as it was, when the grammar
    /// does not allow it here.
    @discardableResult mutating func read(_ token: Int) -> Bool
    /// Writes the ``SequenceConditioning/featureCount`` values that describe the position of
    /// the next token.
    func fillFeatures(_ features: UnsafeMutableBufferPointer<Float>)
    /// Writes, for each of the vocabulary's token ids, `allowed` when it may come next and
    /// `forbidden` when it may not.
    func fillMask(_ mask: UnsafeMutableBufferPointer<Float>, allowed: Float, forbidden: Float)
    /// Whether the last token read closed a unit (for tunes, a bar) after which a Monte Carlo
    /// roll-out may start and whose tokens share one reward.
    var isAtBoundary: Bool { get }
}

/// How a generator reads its rows (see ``SequenceReader``): the number of features per step,
/// and a maker of readers, one per row.
///
/// The feature count is part of the model's shape (``GeneratorConfig/featureCount``, saved
/// with the run); the readers are not saved: the task that loads a run attaches them again.
public struct SequenceConditioning: Sendable {
    /// Values written per step by ``SequenceReader/fillFeatures(_:)``; the generator's
    /// ``GeneratorConfig/featureCount`` must equal it.
    public var featureCount: Int
    /// Makes a reader at the start of a row.
    public var makeReader: @Sendable () -> any SequenceReader

    /// A conditioning of `featureCount` features per step, read by readers from `makeReader`.
    public init(featureCount: Int, makeReader: @escaping @Sendable () -> any SequenceReader) {
        self.featureCount = featureCount
        self.makeReader = makeReader
    }
}
