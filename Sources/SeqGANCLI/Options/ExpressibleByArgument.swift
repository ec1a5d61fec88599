import ArgumentParser
import Audio
import Metrics
import MusicAnalysis
import MusicEncoding
import RunReports
import SeqGAN
import TextEncoding
import TextGeneration
import TrainedRuns
import Training

// The library enums that options take: their cases are the values, listed by `--help`.
extension EvaluationRequest.Metric: ExpressibleByArgument {}
extension KernelDensity.BandwidthRule: ExpressibleByArgument {}
extension MusicCorpus.SplitSelection: ExpressibleByArgument {}
extension RunComparison.Metric: ExpressibleByArgument {}
extension TrainRequest.Task: ExpressibleByArgument {}
extension TrainingCurve.Metric: ExpressibleByArgument {}

/// An option's enum whose cases the library describes in one line each (`summary`): `--help`
/// lists every value with its line under the option.
protocol DescribedValues: ExpressibleByArgument, CaseIterable, RawRepresentable<String> {
    /// The value's meaning, in a few words.
    var summary: String { get }
}

extension DescribedValues {
    public static var allValueDescriptions: [String: String] {
        Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0.summary) })
    }
}

extension BLEUSmoothing: DescribedValues {}
extension Instrument: DescribedValues {}
extension PolicyGradientBaseline: DescribedValues {}
extension PolicyGradientReduction: DescribedValues {}
extension RunConfig.Mode: DescribedValues {}
extension RunConfig.Preset: DescribedValues {}
extension RunConfig.RolloutPolicy: DescribedValues {}
extension TextSettings.Format: DescribedValues {}
extension TokenScheme: DescribedValues {}
extension Tokenizer: DescribedValues {}
