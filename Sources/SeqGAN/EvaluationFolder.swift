import Foundation
import NeuralNetwork
import RunFiles

/// The `evaluation/` folder of a run: what the latest `seqgan evaluate` measured, kept for
/// `seqgan compare` (per-sample values, and the ``ReferenceRecord`` they were measured
/// against) and for people (the samples scored, a temperature sweep's table).
///
/// Every file is one value or line per row and is written atomically.
public struct EvaluationFolder: Sendable {
    /// The folder, `RUN/evaluation`.
    public let url: URL

    /// The evaluation folder of the run folder `run` (not created yet).
    public init(run: URL) {
        url = RunFolder(run).url(of: .evaluation)
    }

    /// The file of per-sample BLEU of the latest evaluation, whatever its order.
    public var latestBLEU: URL { url.appendingPathComponent("bleu_per_sample.txt") }

    /// The file of per-sample BLEU-`order`, kept per order for `seqgan compare -n`.
    public func bleu(order: Int) -> URL { url.appendingPathComponent("bleu\(order)_per_sample.txt") }

    /// The file of per-sample music MSE.
    public var mse: URL { url.appendingPathComponent("mse_per_sample.txt") }

    /// The samples of the latest text evaluation, one per line.
    public var samples: URL { url.appendingPathComponent("samples.txt") }

    /// The table of a temperature sweep (CSV).
    public var sweep: URL { url.appendingPathComponent("sweep.csv") }

    /// Creates the folder (and the run folder) when missing.
    public func create() throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes per-sample BLEU-`order` as the latest BLEU and as BLEU-`order`'s own file.
    ///
    /// - Returns: The latest BLEU's file.
    @discardableResult
    public func writeBLEU(_ values: [Double], order: Int) throws -> URL {
        try Self.writeValues(values, to: latestBLEU)
        try Self.writeValues(values, to: bleu(order: order))
        return latestBLEU
    }

    /// Writes one value per line to `url`, atomically, each with `format`.
    public static func writeValues(_ values: [Double], to url: URL, format: String = "%.6f") throws {
        try AtomicFile.write(
            values.map { String(format: format, $0) }.joined(separator: "\n") + "\n", to: url)
    }
}
