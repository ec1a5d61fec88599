/// One measured property of a tune, as compared between sets of tunes.
///
/// Scalar features are compared by absolute difference, histograms by Euclidean distance
/// (as in Yang and Lerch 2018); yes/no features (the ending) are summarised as shares and
/// left out of MGEval, whose kernel densities need graded distances.
public enum TuneFeature: String, Sendable, Hashable, Codable, CaseIterable {
    case repeatedBars, barRepeat4, barRepeat8, barSelfSimilarity
    case bars, lengthMultipleOf8, endsOnTonic, endsOnTonicTriad, endsOnStrongBeat, endsHeld
    case noteCount, notesPerBar, noteLengths, onBeat, grooveSimilarity
    case pitchClasses, intervals, pitchRange, inKey

    /// What a feature's values are.
    public enum Kind: Sendable, Hashable {
        /// One number; distance: absolute difference.
        case scalar
        /// A yes/no answer (1 or 0); summarised as a share.
        case yesNo
        /// A histogram of shares; distance: Euclidean.
        case histogram
    }

    /// The kind of the feature's values.
    public var kind: Kind {
        switch self {
        case .lengthMultipleOf8, .endsOnTonic, .endsOnTonicTriad, .endsOnStrongBeat, .endsHeld:
            .yesNo
        case .noteLengths, .pitchClasses, .intervals: .histogram
        default: .scalar
        }
    }

    /// Features compared by MGEval: the scalars and the histograms.
    public static var mgevalFeatures: [TuneFeature] { allCases.filter { $0.kind != .yesNo } }

    /// A label for tables.
    public var label: String {
        switch self {
        case .repeatedBars: "bars equal to an earlier bar"
        case .barRepeat4: "bars equal to the bar 4 back"
        case .barRepeat8: "bars equal to the bar 8 back"
        case .barSelfSimilarity: "bar self-similarity"
        case .bars: "length in bars"
        case .lengthMultipleOf8: "length a multiple of 8 bars"
        case .endsOnTonic: "last note on the tonic"
        case .endsOnTonicTriad: "last note in the tonic triad"
        case .endsOnStrongBeat: "last note on a strong beat"
        case .endsHeld: "last note held"
        case .noteCount: "notes"
        case .notesPerBar: "notes per bar"
        case .noteLengths: "note-length histogram"
        case .onBeat: "onsets on a beat"
        case .grooveSimilarity: "grooving similarity of bars"
        case .pitchClasses: "pitch-class histogram"
        case .intervals: "interval histogram"
        case .pitchRange: "pitch range (semitones)"
        case .inKey: "notes in key"
        }
    }

    /// The feature's value for one tune, `nil` when the tune does not have it; scalars and
    /// yes/no answers (1 or 0) are one-element arrays.
    public func values(of statistics: TuneStatistics) -> [Double]? {
        func flag(_ value: Bool?) -> [Double]? { value.map { [$0 ? 1 : 0] } }
        func number(_ value: Double?) -> [Double]? { value.map { [$0] } }
        switch self {
        case .repeatedBars: return number(statistics.repeatedBarShare)
        case .barRepeat4: return number(statistics.barRepeat4Share)
        case .barRepeat8: return number(statistics.barRepeat8Share)
        case .barSelfSimilarity: return number(statistics.barSelfSimilarity)
        case .bars: return [Double(statistics.bars)]
        case .lengthMultipleOf8: return flag(statistics.lengthIsMultipleOf8)
        case .endsOnTonic: return flag(statistics.endsOnTonic)
        case .endsOnTonicTriad: return flag(statistics.endsOnTonicTriad)
        case .endsOnStrongBeat: return flag(statistics.endsOnStrongBeat)
        case .endsHeld: return flag(statistics.endsHeld)
        case .noteCount: return [Double(statistics.noteCount)]
        case .notesPerBar: return number(statistics.notesPerBar)
        case .noteLengths: return statistics.noteCount == 0 ? nil : statistics.noteLengthHistogram
        case .onBeat: return number(statistics.onBeatShare)
        case .grooveSimilarity: return number(statistics.grooveSimilarity)
        case .pitchClasses: return statistics.noteCount == 0 ? nil : statistics.pitchClassHistogram
        case .intervals: return statistics.noteCount < 2 ? nil : statistics.intervalHistogram
        case .pitchRange: return number(statistics.pitchRange.map(Double.init))
        case .inKey: return number(statistics.inKeyShare)
        }
    }

    /// The distance of two values of this feature: absolute difference of scalars, Euclidean
    /// distance of histograms.
    public func distance(_ a: [Double], _ b: [Double]) -> Double {
        precondition(a.count == b.count, "values of one feature have one size")
        var sum = 0.0
        for (x, y) in zip(a, b) { sum += (x - y) * (x - y) }
        return sum.squareRoot()
    }
}
