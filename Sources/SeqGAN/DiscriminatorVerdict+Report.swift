import Foundation

extension DiscriminatorVerdict {
    /// What `seqgan discriminate` prints: where the sequences came from (`from`) and whose
    /// discriminator scored them (`run`), the spread of D(real) and how many were judged real,
    /// then the mean alone on the last line.
    public func reportLines(from: String, run: String) -> [String] {
        let count = scores.count
        return [
            "\(count) sequences of \(sequenceLength) tokens from \(from), scored by the discriminator of \(run)",
            String(
                format: "D(real): 10th percentile %.6g, median %.6g, 90th percentile %.6g; judged real (above 0.5): %d of %d (%.1f%%)",
                quantile(0.1), quantile(0.5), quantile(0.9), judgedReal, count, 100 * Double(judgedReal) / Double(count)),
            String(format: "%.6g", mean),
        ]
    }
}

extension DiscriminatorVerdict.Source: CustomStringConvertible {
    /// Where the sequences came from, as the report says it: the file as named, or the
    /// generator's samples with their seed.
    public var description: String {
        switch self {
        case .file(let url): url.relativePath
        case .samples(_, let seed): "samples of its generator (seed \(seed))"
        }
    }
}
