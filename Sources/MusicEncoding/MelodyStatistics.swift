/// Musical statistics of one melody, given as its pitches in time order (MIDI keys).
///
/// Only the order of pitches matters, not their durations, so the same numbers come out of a
/// tune whatever its tempo and token scheme:
/// - pitch classes: how many notes fall on C, C#, ... B;
/// - intervals: the steps between consecutive notes in semitones, -12...+12 (larger leaps
///   count in the outer bins);
/// - key: the major scale (or its relative natural minor: the same seven pitch classes) that
///   holds the most notes, ties going to the lowest tonic; the share in key is that count over
///   all notes (a C major scale: 1; twelve chromatic notes: 7/12);
/// - range: highest minus lowest pitch in semitones;
/// - repetition: the share of the melody's pitch 4-grams (4 consecutive notes) that repeat
///   an earlier 4-gram of the same melody (`C D C D C D C D`: 3 of 5).
public struct MelodyStatistics: Sendable, Hashable {
    /// Bins of the interval histogram: -12...+12 semitones.
    public static let largestInterval = 12
    /// Notes per n-gram of the repetition measure.
    public static let repetitionLength = 4
    /// The pitch classes of a major scale on C.
    static let majorScale: Set<Int> = [0, 2, 4, 5, 7, 9, 11]

    /// Notes in the melody.
    public var noteCount: Int
    /// Notes per pitch class, C (0) to B (11).
    public var pitchClassCounts: [Int]
    /// Intervals between consecutive notes: index `i` counts steps of `i - 12` semitones.
    public var intervalCounts: [Int]
    /// The tonic pitch class of the best-fitting major scale, `nil` without notes.
    public var keyTonic: Int?
    /// Notes in that scale.
    public var notesInKey: Int
    /// Highest minus lowest pitch, `nil` without notes.
    public var range: Int?
    /// Pitch 4-grams, and how many of them repeat an earlier one.
    public var fourGrams: Int, repeatedFourGrams: Int

    /// Computes the statistics of a melody.
    ///
    /// - Parameter pitches: MIDI keys in time order (a monophonic line).
    public init(pitches: [Int]) {
        noteCount = pitches.count
        var classes = [Int](repeating: 0, count: 12)
        for pitch in pitches { classes[((pitch % 12) + 12) % 12] += 1 }
        pitchClassCounts = classes
        let largest = Self.largestInterval
        var intervals = [Int](repeating: 0, count: 2 * largest + 1)
        for (previous, next) in zip(pitches, pitches.dropFirst()) {
            intervals[min(largest, max(-largest, next - previous)) + largest] += 1
        }
        intervalCounts = intervals
        var best: (tonic: Int, count: Int)?
        for tonic in 0..<12 {
            let count = Self.majorScale.reduce(0) { $0 + classes[($1 + tonic) % 12] }
            if best == nil || count > best!.count { best = (tonic, count) }
        }
        keyTonic = pitches.isEmpty ? nil : best?.tonic
        notesInKey = pitches.isEmpty ? 0 : best?.count ?? 0
        range = pitches.max().flatMap { high in pitches.min().map { high - $0 } }
        let n = Self.repetitionLength
        var seen = Set<[Int]>()
        var repeated = 0
        if pitches.count >= n {
            for start in 0...(pitches.count - n) where !seen.insert(Array(pitches[start..<start + n])).inserted {
                repeated += 1
            }
        }
        fourGrams = max(0, pitches.count - n + 1)
        repeatedFourGrams = repeated
    }

    /// The share of notes in the best-fitting key, `nil` without notes.
    public var inKeyShare: Double? {
        noteCount == 0 ? nil : Double(notesInKey) / Double(noteCount)
    }

    /// The share of 4-grams that repeat an earlier one, `nil` with fewer than 4 notes.
    public var repetition: Double? {
        fourGrams == 0 ? nil : Double(repeatedFourGrams) / Double(fourGrams)
    }
}
