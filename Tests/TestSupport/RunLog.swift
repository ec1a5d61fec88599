import Foundation

/// The lines of a run folder's `log.csv` without the last column (wall-clock seconds): what
/// two runs with the same seed and schedule must agree on, however they were interrupted.
public func runLogWithoutSeconds(_ run: URL) throws -> [String] {
    try String(contentsOf: run.appendingPathComponent("log.csv"), encoding: .utf8)
        .split(separator: "\n")
        .map { $0.split(separator: ",", omittingEmptySubsequences: false).dropLast().joined(separator: ",") }
}
