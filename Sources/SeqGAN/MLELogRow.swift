import Foundation

/// One line of a synthetic MLE run's `log.csv`.
public struct MLELogRow: Codable, Sendable, Equatable {
    /// Epochs finished (0: the untrained generator).
    public var epoch: Int
    /// Mean per-token training NLL of the epoch's batches (`nil` for epoch 0).
    public var trainNLL: Double?
    /// Per-token NLL-oracle of generated samples, when evaluated at this epoch.
    public var nllOracle: Double?
    /// Wall-clock seconds since the run started (excluding time while it was not running).
    public var seconds: Double

    /// The CSV header.
    public static let csvHeader = "epoch,train_nll,nll_oracle,seconds"

    /// The row as CSV (empty cells for missing values).
    public var csvLine: String {
        func cell(_ value: Double?) -> String { value.map { String(format: "%.6f", $0) } ?? "" }
        return "\(epoch),\(cell(trainNLL)),\(cell(nllOracle)),\(String(format: "%.3f", seconds))"
    }
}
