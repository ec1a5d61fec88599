/// What `seqgan bleu` prints: BLEU-N of tokenized hypotheses against references, or their
/// self-BLEU-N without references, the setting on one line and the score alone on the next.
public enum TextBLEUReport {
    /// The two lines of the report.
    ///
    /// - Throws: ``BLEUError`` for an order or reference set that BLEU cannot use.
    public static func lines(
        hypotheses: [[String]], references: [[String]]?, order: Int, smoothing: BLEUSmoothing
    ) throws -> [String] {
        let empty = hypotheses.filter(\.isEmpty).count
        let setting = "(smoothing \(smoothing.rawValue)) of \(hypotheses.count) hypotheses (\(empty) empty)"
        if let references {
            let score = try TextBLEUScorer(references: references, order: order, smoothing: smoothing).meanScore(hypotheses)
            return ["BLEU-\(order) \(setting) against \(references.count) references:", "\(score)"]
        }
        let scores = try SelfBLEU.scores(text: hypotheses, order: order, smoothing: smoothing)
        return ["Self-BLEU-\(order) \(setting), each against the other \(scores.count - 1):", "\(Statistics.mean(scores))"]
    }
}
