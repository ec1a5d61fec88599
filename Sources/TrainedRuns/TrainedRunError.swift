import Foundation
import SeqGAN

/// Why a trained run cannot do what was asked of it: an option out of its range, one that does
/// not apply to the run's kind, or options that cannot go together, said in one line naming
/// the option.
public enum TrainedRunError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// Audio (`--wav`) or ABC (`--abc`) asked of a run that makes no tunes.
    case notTunes(option: String, path: String, kind: RunKind)
    /// A tune length asked of a text or synthetic run, whose samples have their own length.
    case lengthOfSamples(kind: RunKind)
    /// Audio asked of an ABC tune book, which is one file, not a folder of tunes.
    case audioIntoTuneBook(output: String)
    /// A temperature sweep asked of a music run.
    case sweepOfMusic
    /// Fewer than two text samples: self-BLEU compares samples with each other.
    case tooFewSamplesForSelfBLEU
    /// References, a metric, a BLEU order or JSON asked of a synthetic run.
    case oracleScoresSynthetic
    /// Neither or both of a file of sequences and a number of samples to discriminate.
    case sequenceSource
    /// A number of samples below 1.
    case noSamples
    /// A seed given for sequences read from a file.
    case seedOfData
    /// A sampling temperature that is not a positive number.
    case temperature
    /// A BLEU order outside 1...8.
    case bleuOrder(Int)
    /// A negative number of whole tunes to measure.
    case negativeTunes

    public var description: String {
        switch self {
        case .notTunes(let option, let path, let kind):
            "\(option) \(option == "--wav" ? "renders tunes" : option == "--bars" ? "asks for tunes of that many bars" : "writes tunes"); \(path) is a \(kind) run"
        case .lengthOfSamples(let kind):
            kind == .text
                ? "--length is for music runs; a text sample ends at its end token (at most T tokens)"
                : "--length is for music runs; a synthetic run samples T tokens"
        case .audioIntoTuneBook(let output):
            "--wav renders into a folder of tunes; -o \(output) names an ABC tune book"
        case .sweepOfMusic: "--sweep is for text runs"
        case .tooFewSamplesForSelfBLEU:
            "--samples must be at least 2 (self-BLEU compares samples with each other)"
        case .oracleScoresSynthetic:
            "a synthetic run is scored by its oracle: --references, --metric, -n and --json do not apply"
        case .sequenceSource: "give either --data FILE or --samples N"
        case .noSamples: "--samples must be positive"
        case .seedOfData: "--seed applies to --samples only"
        case .temperature: "--temperature must be positive"
        case .bleuOrder(let order): "-n must be within 1...8, got \(order)"
        case .negativeTunes: "--tunes cannot be negative"
        }
    }

    public var errorDescription: String? { description }
}
