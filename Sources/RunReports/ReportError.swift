import Foundation

/// Why a report cannot be drawn or written; each message names the run.
public enum ReportError: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// A run's log has no value of the metric asked for.
    case noValues(run: String, metric: String)
    /// An HTML report was asked of a run that is not a music run.
    case notAMusicRun(run: String)

    public var description: String {
        switch self {
        case .noValues(let run, let metric): "\(run)/log.csv has no \(metric) values"
        case .notAMusicRun(let run):
            "\(run): an HTML report is of a music run (a folder with tokenizer.json); draw other runs with -o FILE.svg"
        }
    }

    public var errorDescription: String? { description }
}
