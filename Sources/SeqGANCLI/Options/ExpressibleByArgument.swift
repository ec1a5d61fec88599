import ArgumentParser
import Audio
import Metrics
import MusicEncoding
import RunReports
import SeqGAN
import TrainedRuns

extension BLEUSmoothing: ExpressibleByArgument {}
extension Instrument: ExpressibleByArgument {}
extension TokenScheme: ExpressibleByArgument {}
extension MusicCorpus.SplitSelection: ExpressibleByArgument {}
extension RunComparison.Metric: ExpressibleByArgument {}
extension TrainingCurve.Metric: ExpressibleByArgument {}
extension EvaluationRequest.Metric: ExpressibleByArgument {}

/// Reads a `--seed`: a whole number from 0 to 2^64 - 1 (with `parsing: .unconditional`, a
/// negative one reaches this and gets the range, not "missing value").
func parseSeed(_ text: String) throws -> UInt64 {
    guard let seed = UInt64(text) else {
        throw ValidationError("a seed is a whole number from 0 to \(UInt64.max), not \(text)")
    }
    return seed
}

/// Reads a `--sweep`: positive temperatures separated by commas.
func parseTemperatures(_ text: String) throws -> [Float] {
    guard let temperatures = TemperatureList.parse(text) else {
        throw ValidationError("--sweep must be positive numbers separated by commas, got '\(text)'")
    }
    return temperatures
}

/// Names of the cases of an option's enum, for help texts: "a, b, c".
func choices<T: CaseIterable & RawRepresentable>(_: T.Type) -> String where T.RawValue == String {
    T.allCases.map(\.rawValue).joined(separator: ", ")
}
