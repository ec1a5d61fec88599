import ArgumentParser
import Foundation
import Metrics

/// `seqgan compare`: is one run's metric significantly different from another's?
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Welch t-test between two runs' per-sample values of their latest evaluation; the p-value alone on the last line.")

    enum Metric: String, ExpressibleByArgument, CaseIterable {
        case nllOracle = "nll-oracle", bleu, mse

        var fileName: String {
            switch self {
            case .nllOracle: "nll_oracle_per_sample.txt"
            case .bleu: "bleu_per_sample.txt"
            case .mse: "evaluation/mse_per_sample.txt"
            }
        }
    }

    @Argument(help: "The first run folder.")
    var runA: String

    @Argument(help: "The second run folder.")
    var runB: String

    @Option(help: "Which per-sample values: \(Metric.allCases.map(\.rawValue).joined(separator: ", ")).")
    var metric: Metric = .nllOracle

    @Option(name: .customShort("n"), help: "With --metric bleu: the BLEU order, read from evaluation/bleu<N>_per_sample.txt (written by `seqgan evaluate RUN -n N`); without it, the latest evaluation's BLEU.")
    var order: Int?

    func validate() throws {
        if order != nil && metric != .bleu { throw ValidationError("-n applies to --metric bleu only") }
    }

    func run() throws {
        if metric != .nllOracle, let a = ReferenceRecord.read(run: URL(fileURLWithPath: runA)),
            let b = ReferenceRecord.read(run: URL(fileURLWithPath: runB)), a.fingerprint != b.fingerprint
        {
            throw ValidationError(
                "\(runA) was last evaluated against \(a.description), \(runB) against other references (\(b.description)): run `seqgan evaluate` on both with the same references first")
        }
        let a = try values(in: runA)
        let b = try values(in: runB)
        let test = try WelchTTest(a, b)
        print(String(format: "%@: mean %.6f over %d samples", runA, test.meanA, a.count))
        print(String(format: "%@: mean %.6f over %d samples", runB, test.meanB, b.count))
        print(String(format: "Welch t = %.4f, degrees of freedom %.1f", test.t, test.degreesOfFreedom))
        print(String(format: "%.6g", test.pValue))
    }

    func values(in run: String) throws -> [Double] {
        var url = URL(fileURLWithPath: run).appendingPathComponent(metric.fileName)
        if metric == .bleu, let order {
            url = URL(fileURLWithPath: run).appendingPathComponent("evaluation/bleu\(order)_per_sample.txt")
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw ValidationError("\(run): no per-sample BLEU-\(order) (evaluation/bleu\(order)_per_sample.txt); run `seqgan evaluate \(run) -n \(order)` first")
            }
        } else if metric == .bleu {
            // `seqgan evaluate` writes evaluation/; training writes the run folder's own file.
            let evaluated = URL(fileURLWithPath: run).appendingPathComponent("evaluation").appendingPathComponent(metric.fileName)
            if FileManager.default.fileExists(atPath: evaluated.path) {
                url = evaluated
            } else if !FileManager.default.fileExists(atPath: url.path) {
                throw TextCommandError.noPerSampleBLEU(run: run)
            }
        }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ValidationError("\(url.path): cannot read: \(error.localizedDescription)")
        }
        var values: [Double] = []
        for (index, line) in text.split(separator: "\n").enumerated() {
            guard let value = Double(line.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("\(url.path):\(index + 1): not a number: \(line)")
            }
            values.append(value)
        }
        return values
    }
}
