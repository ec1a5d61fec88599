import Foundation

extension RunComparison {
    /// What `seqgan compare` prints: each run's mean (named as the user typed it), Welch's t
    /// with its degrees of freedom, then the p-value alone on the last line.
    public func reportLines(nameA: String, nameB: String) -> [String] {
        [
            String(format: "%@: mean %.6f over %d samples", nameA, test.meanA, valuesA.count),
            String(format: "%@: mean %.6f over %d samples", nameB, test.meanB, valuesB.count),
            String(format: "Welch t = %.4f, degrees of freedom %.1f", test.t, test.degreesOfFreedom),
            String(format: "%.6g", test.pValue),
        ]
    }
}
