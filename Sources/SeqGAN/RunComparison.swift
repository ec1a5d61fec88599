import Foundation
import Metrics
import RunFiles

/// Whether one run's metric differs significantly from another's: a Welch t-test between the
/// per-sample values of their latest evaluations.
///
/// The values come from the run folders: NLL-oracle from a synthetic run's
/// `nll_oracle_per_sample.txt` (written at each evaluation during training), BLEU and MSE from
/// ``EvaluationFolder`` (written by `seqgan evaluate`; BLEU also by training corpus runs).
/// BLEU and MSE are only compared when both runs were last evaluated against the same
/// references (``ReferenceRecord``).
public struct RunComparison: Sendable {
    /// Which per-sample values to compare.
    public enum Metric: String, Sendable, CaseIterable {
        /// NLL-oracle of a synthetic run's samples.
        case nllOracle = "nll-oracle"
        /// BLEU of the samples of the latest evaluation (or of training, for corpus runs).
        case bleu
        /// Music MSE of the samples of the latest evaluation.
        case mse
    }

    /// The metric compared.
    public let metric: Metric
    /// The first run's values and the second's.
    public let valuesA: [Double], valuesB: [Double]
    /// The test.
    public let test: WelchTTest

    /// Reads both runs' values and tests them.
    ///
    /// - Parameters:
    ///   - runA: The first run folder.
    ///   - runB: The second run folder.
    ///   - metric: What to compare; `nil` chooses BLEU when `bleuOrder` is given, else
    ///     NLL-oracle when both runs have it (synthetic runs), BLEU otherwise (music and text runs).
    ///   - bleuOrder: With BLEU: the order whose own per-sample file to read; `nil` reads the
    ///     latest evaluation's BLEU, whatever its order.
    /// - Throws: ``ComparisonError`` naming the run and the file that is missing or bad;
    ///   `StatisticsError` when the values cannot be tested (fewer than two, say).
    public init(runA: URL, runB: URL, metric: Metric? = nil, bleuOrder: Int? = nil) throws {
        let metric = metric ?? (bleuOrder == nil ? Self.defaultMetric(runA, runB) : .bleu)
        if metric != .nllOracle, let a = ReferenceRecord.read(run: runA),
            let b = ReferenceRecord.read(run: runB), a.fingerprint != b.fingerprint
        {
            throw ComparisonError.differentReferences(
                runA: runA.relativePath, referencesA: a.description, runB: runB.relativePath,
                referencesB: b.description)
        }
        self.metric = metric
        valuesA = try Self.values(of: metric, in: runA, bleuOrder: bleuOrder)
        valuesB = try Self.values(of: metric, in: runB, bleuOrder: bleuOrder)
        test = try WelchTTest(valuesA, valuesB)
    }

    /// NLL-oracle when both runs hold it, else BLEU.
    static func defaultMetric(_ runA: URL, _ runB: URL) -> Metric {
        let synthetic = [runA, runB].allSatisfy {
            FileManager.default.fileExists(atPath: nllOracleFile(in: $0).path)
        }
        return synthetic ? .nllOracle : .bleu
    }

    /// The per-sample NLL-oracle file a synthetic run writes at each evaluation.
    private static func nllOracleFile(in run: URL) -> URL {
        RunFolder(run).url(of: .nllOraclePerSample)
    }

    /// The file of `metric`'s values in `run`.
    static func file(of metric: Metric, in run: URL, bleuOrder: Int?) throws(ComparisonError) -> URL {
        let evaluation = EvaluationFolder(run: run)
        let name = run.relativePath
        let exists = { (url: URL) in FileManager.default.fileExists(atPath: url.path) }
        switch metric {
        case .nllOracle:
            let url = nllOracleFile(in: run)
            guard exists(url) else { throw .noNLLOracle(run: name) }
            return url
        case .bleu:
            if let bleuOrder {
                let url = evaluation.bleu(order: bleuOrder)
                guard exists(url) else { throw .noPerSampleBLEU(run: name, order: bleuOrder) }
                return url
            }
            // `seqgan evaluate` writes evaluation/; training writes the run folder's own file.
            let training = RunFolder(run).url(of: .bleuPerSample)
            for url in [evaluation.latestBLEU, training] where exists(url) { return url }
            throw .noPerSampleBLEU(run: name, order: nil)
        case .mse:
            guard exists(evaluation.mse) else { throw .noPerSampleMSE(run: name) }
            return evaluation.mse
        }
    }

    /// The values of `metric` in `run`, one per sample.
    static func values(of metric: Metric, in run: URL, bleuOrder: Int?) throws(ComparisonError) -> [Double] {
        let url = try file(of: metric, in: run, bleuOrder: bleuOrder)
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
        var values: [Double] = []
        for (index, line) in text.split(separator: "\n").enumerated() {
            guard let value = Double(line.trimmingCharacters(in: .whitespaces)) else {
                throw .notANumber(path: url.path, line: index + 1, text: String(line))
            }
            values.append(value)
        }
        return values
    }
}

/// Why two runs cannot be compared; each message names the run or file and what to do.
public enum ComparisonError: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// The runs were last evaluated against different reference sequences.
    case differentReferences(runA: String, referencesA: String, runB: String, referencesB: String)
    /// NLL-oracle was asked of a run that has none (a music or text run).
    case noNLLOracle(run: String)
    /// The run has no per-sample BLEU (of that order, when given).
    case noPerSampleBLEU(run: String, order: Int?)
    /// The run has no per-sample MSE.
    case noPerSampleMSE(run: String)
    /// A values file could not be read.
    case unreadable(path: String, reason: String)
    /// A line of a values file is not a number.
    case notANumber(path: String, line: Int, text: String)

    public var description: String {
        switch self {
        case .differentReferences(let runA, let referencesA, let runB, let referencesB):
            "\(runA) was last evaluated against \(referencesA), \(runB) against other references "
                + "(\(referencesB)): run `seqgan evaluate` on both with the same references first"
        case .noNLLOracle(let run):
            "\(run): no NLL-oracle (nll_oracle_per_sample.txt): only synthetic runs have an oracle; "
                + "compare music and text runs with --metric bleu (music also --metric mse) "
                + "after `seqgan evaluate` on both"
        case .noPerSampleBLEU(let run, let order?):
            "\(run): no per-sample BLEU-\(order) (evaluation/bleu\(order)_per_sample.txt); "
                + "run `seqgan evaluate \(run) -n \(order)` first"
        case .noPerSampleBLEU(let run, nil):
            "\(run): no per-sample BLEU (evaluation/bleu_per_sample.txt); "
                + "run `seqgan evaluate \(run) --metric bleu` first"
        case .noPerSampleMSE(let run):
            "\(run): no per-sample MSE (evaluation/mse_per_sample.txt); MSE is measured for music "
                + "runs: run `seqgan evaluate \(run)` first"
        case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
        case .notANumber(let path, let line, let text): "\(path):\(line): not a number: \(text)"
        }
    }

    public var errorDescription: String? { description }
}
