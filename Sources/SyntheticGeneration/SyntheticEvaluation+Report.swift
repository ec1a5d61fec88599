import Foundation

extension SyntheticEvaluation {
    /// The line `seqgan evaluate` prints before scoring a synthetic run in `directory`.
    public static func headerLine(run directory: URL, sampleCount: Int, seed: UInt64) -> String {
        "\(directory.path): \(sampleCount) samples per temperature (seed \(seed)), scored by the run's oracle"
    }

    /// One line per temperature: NLL-oracle and how many of the samples are distinct.
    public var rowLines: [String] {
        rows.map {
            String(format: "temperature %.2f: NLL-oracle %.4f, distinct sequences %d of %d", $0.temperature, $0.nllOracle, $0.distinct, sampleCount)
        }
    }
}
