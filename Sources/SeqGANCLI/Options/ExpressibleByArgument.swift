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
extension BLEUSmoothing: ExpressibleByArgument {}
extension EvaluationRequest.Metric: ExpressibleByArgument {}
extension Instrument: ExpressibleByArgument {}
extension KernelDensity.BandwidthRule: ExpressibleByArgument {}
extension MusicCorpus.SplitSelection: ExpressibleByArgument {}
extension PolicyGradientBaseline: ExpressibleByArgument {}
extension PolicyGradientReduction: ExpressibleByArgument {}
extension RunComparison.Metric: ExpressibleByArgument {}
extension RunConfig.Mode: ExpressibleByArgument {}
extension RunConfig.Preset: ExpressibleByArgument {}
extension RunConfig.RolloutPolicy: ExpressibleByArgument {}
extension TextSettings.Format: ExpressibleByArgument {}
extension TokenScheme: ExpressibleByArgument {}
extension Tokenizer: ExpressibleByArgument {}
extension TrainRequest.Task: ExpressibleByArgument {}
extension TrainingCurve.Metric: ExpressibleByArgument {}
