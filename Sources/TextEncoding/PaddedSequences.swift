/// Token sequences of one fixed length T, stored row-major as a (B, T) block of ids, with the
/// number of valid positions of each row.
///
/// Each input sequence gets the end token appended. If that fits in T, the rest of the row is
/// padding and the row's length counts the end token; the loss, the rewards and the
/// discriminator's input should mask every position at or after `lengths[b]`. A longer
/// sequence is cut or windowed by the `OverflowPolicy`.
public struct PaddedSequences: Sendable, Equatable {
    /// T, the length of every row.
    public let length: Int
    /// The ids, row after row (B x T).
    public private(set) var tokens: [Int] = []
    /// The number of valid positions of each row (up to and including its end token).
    public private(set) var lengths: [Int] = []

    /// Encodes id sequences (without end tokens) to rows of length T.
    ///
    /// - Parameters:
    ///   - sequences: Id sequences, as from `Vocabulary.encode(_:)`.
    ///   - length: T, at least 1.
    ///   - overflow: What to do with sequences that do not fit with their end token.
    public init(_ sequences: [[Int]], length: Int, overflow: OverflowPolicy = .cut) {
        precondition(length >= 1, "sequence length T must be at least 1 (\(length))")
        if case .windows(let stride) = overflow {
            precondition(stride >= 1, "window stride must be at least 1 (\(stride))")
        }
        self.length = length
        for sequence in sequences {
            let ended = sequence + [Vocabulary.endID]
            if ended.count <= length {
                append(ended)
                continue
            }
            switch overflow {
            case .cut:
                append(ended[..<length])
            case .windows(let stride):
                var start = 0
                while start + length <= ended.count {
                    append(ended[start..<(start + length)])
                    start += stride
                }
                if start - stride + length < ended.count {
                    append(ended[(ended.count - length)...])
                }
            }
        }
    }

    private mutating func append(_ row: ArraySlice<Int>) {
        tokens.append(contentsOf: row)
        tokens.append(contentsOf: repeatElement(Vocabulary.paddingID, count: length - row.count))
        lengths.append(row.count)
    }

    private mutating func append(_ row: [Int]) { append(row[...]) }

    /// B, the number of rows.
    public var count: Int { lengths.count }

    /// Row `index`, all T ids.
    public subscript(index: Int) -> ArraySlice<Int> {
        tokens[(index * length)..<((index + 1) * length)]
    }

    /// The (B x T) mask: 1 where a position is valid, 0 on padding.
    public var mask: [Float] {
        var mask = [Float](repeating: 0, count: tokens.count)
        for (row, valid) in lengths.enumerated() {
            for position in 0..<valid { mask[row * length + position] = 1 }
        }
        return mask
    }
}
