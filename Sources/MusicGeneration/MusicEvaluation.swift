import Foundation
import Metrics
import MusicEncoding

/// The music metrics of a trained model, next to those of real tunes.
///
/// Everything is measured on token windows of the training length `T`: the model's samples
/// (`T` tokens each, as in training's evaluations), the validation tunes' windows (real tunes
/// the model never trained on) and the test tunes' windows (the reference).
/// - BLEU-N: each window against all test windows (spec section 5).
/// - MSE: ``MusicMSE`` on ``MusicTokenizer/pitchNumbers(of:)`` (MIDI key minus 20, 0 for
///   silence): for each window the smallest mean squared pitch-number difference, position by
///   position, to any test window; the mean over windows.
/// - Musical statistics (``MusicStatistics``) of the notes each window decodes to; the
///   histogram distances are to the test windows' pooled histograms.
///
/// The test column has no BLEU, MSE or distances: it is what the others are measured against.
/// Other reference windows (the training windows, say) can take the test tunes' place; the
/// test tunes are then measured like the others, and a last column describes the references.
public struct MusicEvaluation: Sendable, Codable {
    /// The metrics of one set of windows.
    public struct Column: Sendable, Codable {
        /// "samples", "validation", "test" or "references".
        public var name: String
        /// Windows measured.
        public var windows: Int
        /// Mean BLEU-N against the test windows.
        public var bleu: Double?
        /// Mean music MSE against the test windows.
        public var mse: Double?
        /// Total variation of the pitch-class histogram from the test windows'.
        public var pitchClassDistance: Double?
        /// Total variation of the interval histogram from the test windows'.
        public var intervalDistance: Double?
        /// Pooled and averaged musical statistics.
        public var statistics: MusicStatistics
    }

    /// The BLEU order N.
    public var bleuOrder: Int
    /// Sampling temperature of the model's windows.
    public var temperature: Float
    /// Seed of the sampling.
    public var seed: UInt64
    /// The model's samples.
    public var samples: Column
    /// The validation tunes' windows, when the run has a validation split.
    public var validation: Column?
    /// The test tunes' windows.
    public var test: Column
    /// The reference windows given instead of the test tunes', if any.
    public var references: Column?
    /// BLEU of each sample, in order (for t-tests; not encoded).
    public var perSampleBLEU: [Double] = []
    /// MSE of each sample, in order (for t-tests; not encoded).
    public var perSampleMSE: [Double] = []

    private enum CodingKeys: String, CodingKey {
        case bleuOrder, temperature, seed, samples, validation, test, references
    }

    /// The columns in display order.
    public var columns: [Column] {
        [samples] + (validation.map { [$0] } ?? []) + [test] + (references.map { [$0] } ?? [])
    }

    /// The name of the column the others are measured against: "test" or "references".
    public var referenceName: String { references == nil ? test.name : "references" }

    /// Samples `sampleCount` windows from `model` and measures them, the validation windows
    /// and the test windows of `corpus`.
    ///
    /// - Parameters:
    ///   - model: The trained model.
    ///   - corpus: The run's tunes, split as in training (``MusicRun/savedCorpus(in:)``).
    ///   - sampleCount: Windows to sample.
    ///   - temperature: Sampling temperature.
    ///   - seed: Seed of the sampling.
    ///   - bleuOrder: N of BLEU-N (4 for music).
    ///   - references: Windows to measure against instead of the test tunes' (for example the
    ///     training windows of `RUN/train.txt`); the test windows are then measured too.
    /// - Throws: `BLEUError` or `MusicMSEError` when the corpus does not fit the model.
    public init(
        model: MusicModel, corpus: MusicCorpus, sampleCount: Int, temperature: Float = 1, seed: UInt64,
        bleuOrder: Int = 4, references: [[Int]]? = nil
    ) throws {
        let tokenizer = model.tokenizer
        let comparable = Self.comparableWindow(for: tokenizer.settings)
        let testWindows = corpus.sequences(.test).map(comparable)
        let referenceWindows = references?.map(comparable) ?? testWindows
        let bleu = try BLEUScorer(references: referenceWindows, order: bleuOrder)
        let referencePitches = referenceWindows.map(tokenizer.pitchNumbers(of:))
        let referenceStatistics = MusicStatistics(melodies: referenceWindows.map(tokenizer.melodyPitches(of:)))
        func measure(_ name: String, _ windows: [[Int]]) throws -> (Column, [Double], [Double]) {
            let bleuScores = try bleu.scores(windows)
            let mseScores = try MusicMSE.perSample(generated: windows.map(tokenizer.pitchNumbers(of:)), test: referencePitches)
            let statistics = MusicStatistics(melodies: windows.map(tokenizer.melodyPitches(of:)))
            let column = Column(
                name: name, windows: windows.count, bleu: Statistics.mean(bleuScores),
                mse: Statistics.mean(mseScores),
                pitchClassDistance: statistics.pitchClassDistance(to: referenceStatistics),
                intervalDistance: statistics.intervalDistance(to: referenceStatistics), statistics: statistics)
            return (column, bleuScores, mseScores)
        }
        let sampledLength = tokenizer.settings.scheme == .tune ? Self.comparedTuneTokens : nil
        let sampled = model.sampleTokens(count: sampleCount, length: sampledLength, temperature: temperature, seed: seed)
            .map(comparable)
        (samples, perSampleBLEU, perSampleMSE) = try measure("samples", sampled)
        let validationWindows = corpus.sequences(.validation).map(comparable)
        validation = validationWindows.isEmpty ? nil : try measure("validation", validationWindows).0
        if let references {
            test = try measure("test", testWindows).0
            self.references = Column(name: "references", windows: references.count, statistics: referenceStatistics)
        } else {
            test = Column(name: "test", windows: testWindows.count, statistics: referenceStatistics)
        }
        self.bleuOrder = bleuOrder
        self.temperature = temperature
        self.seed = seed
    }

    /// The opening tokens of whole tunes that BLEU and MSE compare (about four bars).
    static let comparedTuneTokens = 64

    /// Tokens of whole tunes (tune scheme) compared by BLEU and MSE: each tune's first 64
    /// tokens (about four bars), padded after a shorter tune's end, so that tunes of any
    /// length compare position by position; windows of the other schemes as they are.
    static func comparableWindow(for settings: TokenizerSettings) -> ([Int]) -> [Int] {
        guard settings.scheme == .tune else { return { $0 } }
        let length = comparedTuneTokens
        return { Array($0.prefix(length)) + Array(repeating: TuneScheme.padding, count: max(0, length - $0.count)) }
    }
}
