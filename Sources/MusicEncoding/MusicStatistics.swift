/// Musical statistics of a set of melodies (a model's samples, or real tunes), and how far
/// two sets are apart.
///
/// Histograms are pooled over all notes of the set; the other numbers are means over the
/// melodies that have them (see ``MelodyStatistics`` for each definition). The distance of two
/// histograms is their total variation, half the L1 distance of the normalised histograms:
/// 0 for the same shape, 1 for histograms with no bin in common (one minus the overlapping
/// area).
public struct MusicStatistics: Sendable, Hashable, Codable {
    /// Melodies in the set.
    public var melodyCount: Int
    /// Notes in all melodies.
    public var noteCount: Int
    /// Notes per pitch class over the set, C (0) to B (11).
    public var pitchClassCounts: [Int]
    /// Intervals over the set: index `i` counts steps of `i - 12` semitones.
    public var intervalCounts: [Int]
    /// Mean share of a melody's notes in its best-fitting key; `nil` when no melody has notes.
    public var inKeyShare: Double?
    /// Mean pitch range of a melody in semitones; `nil` when no melody has notes.
    public var pitchRange: Double?
    /// Mean share of a melody's pitch 4-grams that repeat an earlier one; `nil` when no
    /// melody has 4 notes.
    public var repetition: Double?

    /// Pools the statistics of `melodies`, each the pitches of one melody in time order.
    public init(melodies: [[Int]]) {
        self.init(melodies.map(MelodyStatistics.init(pitches:)))
    }

    /// Pools the statistics of melodies already measured.
    public init(_ melodies: [MelodyStatistics]) {
        melodyCount = melodies.count
        noteCount = melodies.reduce(0) { $0 + $1.noteCount }
        var classes = [Int](repeating: 0, count: 12)
        var intervals = [Int](repeating: 0, count: 2 * MelodyStatistics.largestInterval + 1)
        for melody in melodies {
            for i in classes.indices { classes[i] += melody.pitchClassCounts[i] }
            for i in intervals.indices { intervals[i] += melody.intervalCounts[i] }
        }
        pitchClassCounts = classes
        intervalCounts = intervals
        inKeyShare = Self.mean(melodies.compactMap(\.inKeyShare))
        pitchRange = Self.mean(melodies.compactMap { $0.range.map(Double.init) })
        repetition = Self.mean(melodies.compactMap(\.repetition))
    }

    /// Mean notes per melody.
    public var notesPerMelody: Double {
        melodyCount == 0 ? 0 : Double(noteCount) / Double(melodyCount)
    }

    /// The total variation between this set's pitch-class histogram and `other`'s, 0...1;
    /// `nil` when either set has no notes.
    public func pitchClassDistance(to other: MusicStatistics) -> Double? {
        Self.totalVariation(pitchClassCounts, other.pitchClassCounts)
    }

    /// The total variation between this set's interval histogram and `other`'s, 0...1;
    /// `nil` when either set has no intervals.
    public func intervalDistance(to other: MusicStatistics) -> Double? {
        Self.totalVariation(intervalCounts, other.intervalCounts)
    }

    /// Half the L1 distance of two count histograms after normalising each to sum 1; `nil`
    /// when either is empty.
    public static func totalVariation(_ a: [Int], _ b: [Int]) -> Double? {
        precondition(a.count == b.count, "histograms must have the same bins")
        let totalA = a.reduce(0, +), totalB = b.reduce(0, +)
        guard totalA > 0, totalB > 0 else { return nil }
        var sum = 0.0
        for (x, y) in zip(a, b) { sum += abs(Double(x) / Double(totalA) - Double(y) / Double(totalB)) }
        return sum / 2
    }

    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
}
