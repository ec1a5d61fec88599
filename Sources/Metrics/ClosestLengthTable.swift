/// The lengths of a reference set, sorted, for NLTK's `closest_ref_length` in O(log R).
///
/// NLTK picks the reference length r minimising `(abs(r - h), r)`: the closest length to the
/// hypothesis length h, and the shorter of two equally close lengths.
struct ClosestLengthTable: Sendable {
    /// The distinct lengths, ascending.
    private var lengths: [Int] = []
    /// How many references have `lengths[i]`.
    private var multiplicities: [Int] = []

    init(lengths all: some Sequence<Int>) {
        for length in all.sorted() {
            if length == lengths.last {
                multiplicities[multiplicities.count - 1] += 1
            } else {
                lengths.append(length)
                multiplicities.append(1)
            }
        }
    }

    /// The reference length closest to `hypothesisLength`, ties to the shorter.
    ///
    /// - Parameters:
    ///   - hypothesisLength: The length of the hypothesis.
    ///   - excludedLength: The length of one reference to leave out (self-BLEU leaves out the
    ///     hypothesis itself), or `nil`.
    /// - Returns: The length, or `nil` when no reference is left.
    func closest(to hypothesisLength: Int, excluding excludedLength: Int? = nil) -> Int? {
        func available(_ index: Int) -> Bool {
            multiplicities[index] > (lengths[index] == excludedLength ? 1 : 0)
        }
        // The first index whose length is >= hypothesisLength.
        var low = 0
        var high = lengths.count
        while low < high {
            let middle = (low + high) / 2
            if lengths[middle] < hypothesisLength { low = middle + 1 } else { high = middle }
        }
        var above = low
        while above < lengths.count, !available(above) { above += 1 }
        var below = low - 1
        while below >= 0, !available(below) { below -= 1 }
        switch (below >= 0, above < lengths.count) {
        case (false, false): return nil
        case (true, false): return lengths[below]
        case (false, true): return lengths[above]
        case (true, true):
            let shorter = lengths[below]
            let longer = lengths[above]
            return hypothesisLength - shorter <= longer - hypothesisLength ? shorter : longer
        }
    }
}
