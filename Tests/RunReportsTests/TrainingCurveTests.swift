import Foundation
import RunReports
import SeqGAN
import Testing

@Suite("Training curves of a run's log")
struct TrainingCurveTests {
    /// A log of 2 MLE epochs (and the untrained generator), 3 discriminator pre-training steps
    /// and 3 SeqGAN rounds, with `accuracy` on every discriminator row.
    static func log() -> [RunLogRow] {
        var rows: [RunLogRow] = (0...2).map { epoch in
            var row = RunLogRow(phase: .pretraining, epoch: epoch)
            row.nllTest = 3 - Double(epoch) * 0.5
            return row
        }
        for step in 1...3 {
            var row = RunLogRow(phase: .discriminatorPretraining, epoch: step)
            row.discriminatorAccuracy = 0.5 + Double(step) * 0.1
            rows.append(row)
        }
        for round in 1...3 {
            var row = RunLogRow(phase: .training(.seqgan), epoch: round)
            row.nllTest = 2 - Double(round) * 0.1
            row.discriminatorAccuracy = 0.9 - Double(round) * 0.05
            rows.append(row)
        }
        return rows
    }

    @Test("the discriminator-accuracy curve draws every D pre-training step before the rounds, in order")
    func discriminatorStepsAreDrawn() throws {
        let curve = try #require(TrainingCurve(.dAccuracy, rows: Self.log(), name: "run"))
        let points = curve.series.points
        #expect(points.count == 6, "3 D pre-training steps and 3 rounds: \(points)")
        #expect(points.map(\.y) == [0.6, 0.7, 0.8, 0.85, 0.8, 0.75].map { 0.5 + ($0 - 0.5) })
        // The steps sit after the last MLE epoch (x 2) and before the first round (x 3).
        #expect(points.prefix(3).allSatisfy { $0.x > 2 && $0.x < 3 })
        #expect(points.map(\.x) == points.map(\.x).sorted())
        #expect(points.suffix(3).map(\.x) == [3, 4, 5])
        #expect(curve.marker?.x == 2)
    }

    @Test("other metrics keep MLE epochs then rounds on the x axis, and a log without the metric has no curve")
    func otherMetrics() throws {
        let curve = try #require(TrainingCurve(.nllTest, rows: Self.log(), name: "run"))
        #expect(curve.series.points.map(\.x) == [0, 1, 2, 3, 4, 5])
        #expect(TrainingCurve(.nllOracle, rows: Self.log(), name: "run") == nil)
    }
}
