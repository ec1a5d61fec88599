/// The tune-level statistics of one tune: structure, form and ending, rhythm and pitch.
///
/// Bars are the tune's full bars (``Tune/bars``; a pickup bar is not counted, and MIDI files
/// find it by ``Tune/detectedPickupTicks(notes:ticksPerQuarter:metres:)``); a note belongs
/// to the bar its onset falls in. Shares are fractions 0...1; a value that a tune cannot have
/// (a repeat 8 bars back in a tune of 8 bars) is `nil` and is left out of a set's means.
///
/// Structure:
/// - ``repeatedBarShare``: bars equal to some earlier bar, over all bars. Two bars are equal
///   when they have the same length and the same notes: the same onsets and durations in ticks
///   after the bar line and the same pitches. A bar without onsets never counts as a repeat.
/// - ``barRepeat4Share``, ``barRepeat8Share``: bars `i` (from bar 5, resp. 9) equal to bar
///   `i - 4` (resp. `i - 8`), over the bars that have such a bar.
/// - ``barSelfSimilarity``: the mean, over bars from the second, of the highest similarity of
///   the bar to any earlier bar; the similarity of two bars is the Jaccard index of their sets
///   of (onset after the bar line, pitch) (1 for equal bars, 0 when nothing is shared or both
///   are empty). A soft form of the repeated-bar share that also credits varied repeats.
///
/// Form and ending (the last note is the one with the latest onset):
/// - ``bars``; ``lengthIsMultipleOf8``.
/// - ``endsOnTonic``, ``endsOnTonicTriad``: its pitch class is the key's tonic, or in the
///   tonic triad (root, third of the mode, fifth).
/// - ``endsOnStrongBeat``: its onset is a strong beat of its bar (``Bar/isStrongBeat(offset:)``:
///   the downbeat, and in bars of an even number of beats the beat halfway).
/// - ``endsHeld``: it lasts at least one counted beat, or up to the end of its bar (the last
///   bar taken as shorter by the pickup's length, ``Tune/pickupLength``).
///
/// Rhythm:
/// - ``notesPerBar``: notes with onsets in the full bars, over the bars.
/// - ``noteLengthHistogram``: shares of notes by duration in quarter notes, each note in the
///   bin nearest on a log scale among ``noteLengthBins`` (a sixteenth 0.25 up to a whole 4).
/// - ``onBeatShare``: notes whose onset falls exactly on a counted beat (``Bar/beatTicks``);
///   pickup notes are placed in a bar of the first metre that ends at the first bar line.
/// - ``grooveSimilarity``: the grooving similarity of Yang and Lerch (2018, after Dixon):
///   each bar's onsets on a sixteenth-note grid (4 steps a quarter, onsets rounded to the
///   nearest step) form a binary vector of `Q` steps; for consecutive bars of equal length,
///   `1 - hamming(a, b) / Q`; the mean over those pairs.
///
/// Pitch:
/// - ``pitchClassHistogram``: shares of notes by semitones above the tonic, 0...11.
/// - ``intervalHistogram``: shares of steps between consecutive notes by semitones -12...+12
///   (larger leaps in the outer bins).
/// - ``pitchRange``: highest minus lowest pitch in semitones.
/// - ``inKeyShare``: notes in the key's scale (``TuneKey/contains(pitch:)``).
public struct TuneStatistics: Sendable, Hashable, Codable {
    /// Centres of the note-length bins in quarter notes: sixteenth, triplet eighth, eighth,
    /// dotted eighth, quarter, dotted quarter, half, dotted half, whole.
    public static let noteLengthBins: [Double] = [0.25, 1.0 / 3, 0.5, 0.75, 1, 1.5, 2, 3, 4]
    /// Bins of the interval histogram on each side of 0.
    public static let largestInterval = 12
    /// Grid steps per quarter note of the grooving similarity.
    public static let grooveStepsPerQuarter = 4

    /// The key the pitch statistics refer to.
    public var key: TuneKey
    /// Notes in the tune (pickup included).
    public var noteCount: Int
    /// Full bars.
    public var bars: Int
    /// Bars equal to an earlier bar, over all bars; `nil` without bars.
    public var repeatedBarShare: Double?
    /// Bars equal to the bar 4 before, over bars 5 onwards; `nil` with 4 bars or fewer.
    public var barRepeat4Share: Double?
    /// Bars equal to the bar 8 before, over bars 9 onwards; `nil` with 8 bars or fewer.
    public var barRepeat8Share: Double?
    /// Mean best Jaccard similarity of a bar to an earlier bar; `nil` with fewer than 2 bars.
    public var barSelfSimilarity: Double?
    /// Whether the length in bars is a positive multiple of 8.
    public var lengthIsMultipleOf8: Bool
    /// Whether the last note is on the tonic; `nil` without notes.
    public var endsOnTonic: Bool?
    /// Whether the last note is in the tonic triad; `nil` without notes.
    public var endsOnTonicTriad: Bool?
    /// Whether the last note starts on a strong beat; `nil` without notes.
    public var endsOnStrongBeat: Bool?
    /// Whether the last note lasts a beat or to the end of its bar; `nil` without notes.
    public var endsHeld: Bool?
    /// Notes per full bar; `nil` without bars.
    public var notesPerBar: Double?
    /// Shares of notes per ``noteLengthBins`` bin (all 0 without notes).
    public var noteLengthHistogram: [Double]
    /// Share of onsets on a counted beat; `nil` without notes.
    public var onBeatShare: Double?
    /// Mean grooving similarity of consecutive bars; `nil` without such a pair.
    public var grooveSimilarity: Double?
    /// Shares of notes by semitones above the tonic (all 0 without notes).
    public var pitchClassHistogram: [Double]
    /// Shares of intervals -12...+12 (all 0 with fewer than 2 notes).
    public var intervalHistogram: [Double]
    /// Highest minus lowest pitch; `nil` without notes.
    public var pitchRange: Int?
    /// Share of notes in the key's scale; `nil` without notes.
    public var inKeyShare: Double?
}
