/// Token sequences stored end to end in one contiguous buffer, as BLEU's hot loops want them.
struct TokenSequences: Sendable {
    /// Every token of every sequence, in order.
    private(set) var tokens: [UInt32] = []
    /// `starts[i] ..< starts[i + 1]` is the range of sequence `i` in `tokens`.
    private(set) var starts: [Int] = [0]

    /// The number of sequences.
    var count: Int { starts.count - 1 }

    /// The length of sequence `index`.
    func length(of index: Int) -> Int { starts[index + 1] - starts[index] }

    /// The length of the longest sequence (0 when there is none).
    var maximumLength: Int { (0..<count).map(length(of:)).max() ?? 0 }

    /// Copies `sequences`, checking that every token fits in 32 bits.
    ///
    /// - Throws: `BLEUError.tokenOutOfRange` naming the first bad token and its sequence.
    init(_ sequences: [[Int]]) throws(BLEUError) {
        tokens.reserveCapacity(sequences.reduce(0) { $0 + $1.count })
        starts.reserveCapacity(sequences.count + 1)
        for (index, sequence) in sequences.enumerated() {
            for token in sequence {
                guard token >= 0, token < Int(UInt32.max) else {
                    throw .tokenOutOfRange(token: token, sequence: index)
                }
                tokens.append(UInt32(token))
            }
            starts.append(tokens.count)
        }
    }
}
