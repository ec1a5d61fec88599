/// Counts a hypothesis's clipped n-gram matches against `ReferenceNGramCounts`.
///
/// One counter per worker thread: it owns the scratch buffers, so counting allocates nothing.
struct ClippedMatchCounter: ~Copyable {
    private let maximumOrder: Int
    /// Occurrences so far in the current hypothesis, by n-gram id (all zero between calls).
    private let seen: UnsafeMutableBufferPointer<Int32>
    /// The ids whose `seen` entry must be reset after the current hypothesis.
    private let touched: UnsafeMutableBufferPointer<Int32>
    /// Clipped matches of orders 1...maximumOrder for the last hypothesis.
    let matches: UnsafeMutableBufferPointer<Int>

    init(distinctNGrams: Int, maximumOrder: Int, maximumHypothesisLength: Int) {
        self.maximumOrder = maximumOrder
        seen = .allocate(capacity: max(1, distinctNGrams))
        seen.initialize(repeating: 0)
        touched = .allocate(capacity: max(1, maximumHypothesisLength * maximumOrder))
        touched.initialize(repeating: 0)
        matches = .allocate(capacity: maximumOrder)
        matches.initialize(repeating: 0)
    }

    deinit {
        seen.deallocate()
        touched.deallocate()
        matches.deallocate()
    }

    /// Fills `matches` with the clipped match counts of `hypothesis`.
    ///
    /// An n-gram occurring c times in the hypothesis contributes min(c, limit), where the limit
    /// is its largest count in one reference, or, when `excludedSequence` owns that largest
    /// count, the largest count in any other reference.
    func count(
        _ hypothesis: UnsafeBufferPointer<UInt32>, in references: ReferenceNGramCounts,
        excluding excludedSequence: Int32 = -1
    ) {
        for order in 0..<maximumOrder { matches[order] = 0 }
        var touchedCount = 0
        references.largest.withUnsafeBufferPointer { largest in
            references.owner.withUnsafeBufferPointer { owner in
                references.second.withUnsafeBufferPointer { second in
                    let length = hypothesis.count
                    for position in 0..<length {
                        var prefix = NGramTable.unigramPrefix
                        for order in 1...min(maximumOrder, length - position) {
                            let token = hypothesis[position + order - 1]
                            let found = references.table.id(
                                of: NGramTable.key(prefix: prefix, token: token))
                            // An n-gram absent from the references has no longer extension there.
                            if found < 0 { break }
                            let id = Int(found)
                            let limit = owner[id] == excludedSequence ? second[id] : largest[id]
                            let occurrences = seen[id] + 1
                            seen[id] = occurrences
                            if occurrences == 1 {
                                touched[touchedCount] = found
                                touchedCount += 1
                            }
                            if occurrences <= limit { matches[order - 1] += 1 }
                            prefix = UInt64(id)
                        }
                    }
                }
            }
        }
        for index in 0..<touchedCount { seen[Int(touched[index])] = 0 }
    }
}
