/// For every n-gram (orders 1...n) of a set of sequences: the largest count it has in any one
/// sequence, which sequence that is, and the largest count in any *other* sequence.
///
/// The largest count is BLEU's clipping limit against the whole set. The runner-up is the
/// limit against the set without the owner, which is what self-BLEU needs: scoring sample i
/// against all the others uses `second` for the n-grams that sample i owns, `largest` for the
/// rest, so one table serves every sample and no sample is ever compared with itself.
struct ReferenceNGramCounts: Sendable {
    /// The highest n-gram order counted.
    let maximumOrder: Int
    /// Interned n-grams of orders 1...maximumOrder.
    private(set) var table: NGramTable
    /// The largest count of n-gram `id` in one sequence.
    private(set) var largest: [Int32] = []
    /// The sequence holding `largest[id]` (the first one, on ties).
    private(set) var owner: [Int32] = []
    /// The largest count of n-gram `id` in a sequence other than `owner[id]`.
    private(set) var second: [Int32] = []

    init(_ sequences: TokenSequences, maximumOrder: Int) {
        self.maximumOrder = maximumOrder
        // A first guess: one distinct n-gram per token; the table grows as needed.
        table = NGramTable(minimumCapacity: sequences.tokens.count)
        var countInSequence: [Int32] = []
        var touched: [Int32] = []
        countInSequence.reserveCapacity(sequences.tokens.count)
        largest.reserveCapacity(sequences.tokens.count)
        owner.reserveCapacity(sequences.tokens.count)
        second.reserveCapacity(sequences.tokens.count)
        // The id of the n-gram of the current order starting at each position of a sequence.
        var prefixes = [UInt64](repeating: 0, count: sequences.maximumLength)
        sequences.tokens.withUnsafeBufferPointer { tokens in
            for sequence in 0..<sequences.count {
                let start = sequences.starts[sequence]
                let length = sequences.starts[sequence + 1] - start
                touched.removeAll(keepingCapacity: true)
                for position in 0..<length { prefixes[position] = NGramTable.unigramPrefix }
                // Order by order, so that the look-ups of one order are independent of each
                // other and their cache misses overlap.
                for order in 1...maximumOrder where order <= length {
                    for position in 0...(length - order) {
                        let token = tokens[start + position + order - 1]
                        let key = NGramTable.key(prefix: prefixes[position], token: token)
                        let id = Int(table.intern(key))
                        if id == countInSequence.count {
                            countInSequence.append(0)
                            largest.append(0)
                            owner.append(-1)
                            second.append(0)
                        }
                        if countInSequence[id] == 0 { touched.append(Int32(id)) }
                        countInSequence[id] += 1
                        prefixes[position] = UInt64(id)
                    }
                }
                for touchedID in touched {
                    let id = Int(touchedID)
                    let count = countInSequence[id]
                    countInSequence[id] = 0
                    if count > largest[id] {
                        second[id] = largest[id]
                        largest[id] = count
                        owner[id] = Int32(sequence)
                    } else if count > second[id] {
                        second[id] = count
                    }
                }
            }
        }
    }

    /// The number of distinct n-grams counted.
    var distinctCount: Int { largest.count }
}
