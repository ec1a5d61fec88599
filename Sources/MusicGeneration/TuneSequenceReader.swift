import MusicEncoding
import SeqGAN

/// The whole-tune grammar (``TuneTokenReader``) as the generator's ``SequenceReader``: before
/// each step it tells the generator where the tune is (position in the bar, bar in the
/// section, repeat and ending: ``TuneTokenReader/featureCount`` features) and which tokens
/// may come next, so that sampled tunes always have full bars, closed repeats, at least one
/// bar and an end;
/// a bar line (`|`, `:|`, `||`) or `end` closes a unit for roll-outs and rewards.
public struct TuneSequenceReader: SequenceReader {
    private var reader: TuneTokenReader
    /// Whether the last token read closed a bar or ended the tune.
    public private(set) var isAtBoundary = false

    /// A reader of tunes of `scheme`, at the start of a tune.
    public init(scheme: TuneScheme = TuneScheme()) {
        reader = TuneTokenReader(scheme: scheme)
    }

    public mutating func reset() {
        reader.reset()
        isAtBoundary = false
    }

    @discardableResult
    public mutating func read(_ token: Int) -> Bool {
        guard reader.read(token) else { return false }
        isAtBoundary = Self.closesUnit(token)
        return true
    }

    /// Whether `token` closes a unit of roll-outs and rewards: a bar line (`|`, `:|`, `||`)
    /// or `end`.
    public static func closesUnit(_ token: Int) -> Bool {
        switch token {
        case TuneScheme.barLine, TuneScheme.repeatEnd, TuneScheme.sectionEnd, TuneScheme.end: true
        default: false
        }
    }

    public func fillFeatures(_ features: UnsafeMutableBufferPointer<Float>) {
        reader.fillFeatures(features)
    }

    public func fillMask(_ mask: UnsafeMutableBufferPointer<Float>, allowed: Float, forbidden: Float) {
        reader.fillMask(mask, allowed: allowed, forbidden: forbidden)
    }
}

extension SequenceConditioning {
    /// Whole tunes of `scheme` read by a ``TuneSequenceReader`` per row.
    public static func tunes(_ scheme: TuneScheme = TuneScheme()) -> SequenceConditioning {
        SequenceConditioning(featureCount: TuneTokenReader.featureCount) { TuneSequenceReader(scheme: scheme) }
    }
}
