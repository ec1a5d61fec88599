import Foundation
import Metrics
import TextEncoding

/// BLEU and self-BLEU of a text model's samples against a fixed reference set.
///
/// BLEU-N is NLTK's `sentence_bleu` of each sample against all references (uniform weights,
/// smoothing method1, as `seqgan bleu`), on text tokens: a token matches only an equal string,
/// so a generated `<unk>` never matches a rare reference word. Self-BLEU-N scores each sample
/// against all the other samples of the same draw (never itself), recomputed on every call.
public struct TextEvaluation: Sendable {
    /// The scores of one draw of samples.
    public struct Scores: Sendable {
        /// The sampling temperature.
        public var temperature: Float
        /// The samples, each up to its end token.
        public var samples: [[String]]
        /// BLEU-N of each sample against the references, in sample order.
        public var bleu: [Double]
        /// Self-BLEU-N of each sample against the other samples, in sample order.
        public var selfBLEU: [Double]

        /// The mean BLEU: the number papers report.
        public var meanBLEU: Double { Statistics.mean(bleu) }
        /// The mean self-BLEU (higher means less diverse).
        public var meanSelfBLEU: Double { Statistics.mean(selfBLEU) }
    }

    /// N, the highest n-gram order.
    public let order: Int
    /// The number of references.
    public let referenceCount: Int
    private let scorer: TextBLEUScorer

    /// Precomputes the n-gram counts of `references`.
    ///
    /// - Throws: `BLEUError` for an order below 1 or no references.
    public init(references: [[String]], order: Int) throws(BLEUError) {
        scorer = try TextBLEUScorer(references: references, order: order, smoothing: .method1)
        self.order = order
        referenceCount = references.count
    }

    /// Samples `count` sequences from `model` at `temperature` and scores them.
    ///
    /// - Throws: `BLEUError.tooFewSamples` for fewer than two samples (self-BLEU needs two).
    public func evaluate(_ model: TextModel, count: Int, temperature: Float, seed: UInt64)
        throws(BLEUError) -> Scores
    {
        try scores(
            of: model.sample(count: count, temperature: temperature, seed: seed),
            temperature: temperature)
    }

    /// Scores `samples` (drawn at `temperature`): BLEU against the references, self-BLEU
    /// against each other.
    ///
    /// - Throws: `BLEUError.tooFewSamples` for fewer than two samples.
    public func scores(of samples: [[String]], temperature: Float = 1) throws(BLEUError) -> Scores {
        Scores(
            temperature: temperature, samples: samples, bleu: scorer.scores(samples),
            selfBLEU: try SelfBLEU.scores(text: samples, order: order, smoothing: .method1))
    }
}
