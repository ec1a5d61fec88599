/// One ``SequenceReader`` per row of a batch, made once by a ``SequenceConditioning`` and
/// kept with the buffers of a training or sampling task.
///
/// The readers live in one manually allocated block, so that threads advancing disjoint rows
/// touch disjoint memory (no array copy-on-write checks, no exclusivity conflicts).
final class SequenceReaderRows: @unchecked Sendable {
    /// The number of rows.
    let count: Int
    /// The ``Generator/conditioningVersion`` the readers were made for.
    let version: Int
    /// `F`, the features each reader writes per step.
    let featureCount: Int
    private let readers: UnsafeMutablePointer<any SequenceReader>

    /// `count` fresh readers from `conditioning` (tagged with `version`).
    init(count: Int, conditioning: SequenceConditioning, version: Int) {
        precondition(count >= 0, "negative reader count")
        self.count = count
        self.version = version
        featureCount = conditioning.featureCount
        readers = .allocate(capacity: max(1, count))
        for row in 0..<count { (readers + row).initialize(to: conditioning.makeReader()) }
    }

    deinit {
        readers.deinitialize(count: count)
        readers.deallocate()
    }

    /// Row `row`'s reader (read or replaced).
    subscript(row: Int) -> any SequenceReader {
        get { readers[row] }
        set { readers[row] = newValue }
    }

    /// Resets rows `range`.
    func reset(_ range: Range<Int>) {
        for row in range { readers[row].reset() }
    }

    /// Row `row` reads `token`.
    @inline(__always)
    func read(_ token: Int32, row: Int) {
        readers[row].read(Int(token))
    }

    /// Writes row `row`'s `F` features to `destination`.
    @inline(__always)
    func fillFeatures(row: Int, into destination: UnsafeMutablePointer<Float>) {
        guard featureCount > 0 else { return }
        readers[row].fillFeatures(UnsafeMutableBufferPointer(start: destination, count: featureCount))
    }

    /// Writes row `row`'s mask over `vocabularySize` tokens to `destination`: 0 for allowed
    /// tokens, `-infinity` for forbidden ones.
    @inline(__always)
    func fillMask(row: Int, vocabularySize: Int, into destination: UnsafeMutablePointer<Float>) {
        readers[row].fillMask(
            UnsafeMutableBufferPointer(start: destination, count: vocabularySize), allowed: 0,
            forbidden: -.infinity)
    }

    /// Whether row `row`'s last token closed a unit (``SequenceReader/isAtBoundary``).
    func isAtBoundary(row: Int) -> Bool { readers[row].isAtBoundary }
}
