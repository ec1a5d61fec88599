import Foundation
import MusicGeneration
import SeqGAN
import SyntheticGeneration
import TextGeneration

/// A run ready to train: its corpus read (music, text) or its oracle loaded (synthetic) and
/// its settings final; nothing is written until ``run(observer:)``.
public enum PreparedTraining {
    /// The paper's synthetic experiment.
    case synthetic(SyntheticExperiment, resuming: Bool)
    /// A music run.
    case music(MusicRun, resuming: Bool)
    /// A text run.
    case text(TextRun, resuming: Bool)

    /// The run folder.
    public var directory: URL {
        switch self {
        case .synthetic(let experiment, _): experiment.directory
        case .music(let run, _): run.experiment.directory
        case .text(let run, _): run.experiment.directory
        }
    }

    /// The run's final settings.
    public var config: RunConfig {
        switch self {
        case .synthetic(let experiment, _): experiment.config
        case .music(let run, _): run.experiment.config
        case .text(let run, _): run.experiment.config
        }
    }

    /// Trains (continuing from the checkpoint when resuming).
    ///
    /// - Returns: The whole log.
    @discardableResult
    public func run(observer: TrainingObserver? = nil) throws -> [RunLogRow] {
        switch self {
        case .synthetic(let experiment, let resuming): try experiment.run(resume: resuming, observer: observer)
        case .music(let run, let resuming): try run.run(resume: resuming, observer: observer)
        case .text(let run, let resuming): try run.run(resume: resuming, observer: observer)
        }
    }

    /// Trains as `seqgan train` does, saying everything through `observer.report`: what was
    /// read (``summaryLines``), then the final scores (``finishedLines(rows:)``), or, when the
    /// observer stops the run at a checkpoint, how to continue it.
    ///
    /// - Returns: `true` when the run finished, `false` when it was stopped.
    /// - Throws: The errors of ``run(observer:)`` other than ``TrainingInterrupted``.
    public func train(observer: TrainingObserver) throws -> Bool {
        summaryLines.forEach(observer.report)
        do {
            let rows = try run(observer: observer)
            finishedLines(rows: rows).forEach(observer.report)
            return true
        } catch let stop as TrainingInterrupted {
            stop.resumeLines.forEach(observer.report)
            return false
        }
    }
}
