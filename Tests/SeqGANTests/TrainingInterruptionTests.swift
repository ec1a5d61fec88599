import Foundation
import RunFiles
import TestSupport
import Testing

@testable import SeqGAN

/// Asks the run to stop once it has reported `after` lines (evaluations and D steps).
private final class StoppingObserver: TrainingObserver {
    let after: Int
    var reports = 0

    init(after: Int) { self.after = after }

    func phaseStarted(_ name: String, total: Int) {}
    func progressed(done: Int, total: Int, loss: Double?) {}
    func report(_ line: String) { reports += 1 }
    var isStopRequested: Bool { reports >= after }
}

@Suite("Stopping a run at a checkpoint")
struct TrainingInterruptionTests {
    /// The lines of a run's `log.csv` without the wall-clock seconds.
    static func log(_ directory: URL) throws -> [String] { try runLogWithoutSeconds(directory) }

    static func experiment(in directory: URL, mleSteps: Int = 0) throws -> CorpusExperiment {
        var config = CorpusExperimentTests.config(mode: .seqgan)
        if mleSteps > 0 {
            // Four rounds, evaluated after the third: the stop after five reports falls between rounds.
            (config.schedule.mleSteps, config.schedule.rounds) = (mleSteps, 4)
        }
        return try CorpusExperiment(
            config: config, directory: directory,
            train: CorpusExperimentTests.sequences(64, offset: 0),
            validation: CorpusExperimentTests.sequences(16, offset: 3),
            test: CorpusExperimentTests.sequences(16, offset: 7))
    }

    @Test(
        "a stop request ends the run after the unit in progress; resuming ends as if never stopped (also with teacher-forced steps in the rounds)",
        arguments: [(1, 0), (3, 0), (4, 0), (5, 1)])
    func stopThenResume(after reports: Int, mleSteps: Int) throws {
        let wholeDirectory = try TestPaths.makeTemporaryDirectory("stop-whole")
        try Self.experiment(in: wholeDirectory, mleSteps: mleSteps).run(resume: false)
        let whole = try Self.log(wholeDirectory)
        let directory = try TestPaths.makeTemporaryDirectory("stop")
        // Reports: the untrained evaluation, epochs 3 and 6, the D pre-training step, round 1...
        #expect {
            try Self.experiment(in: directory, mleSteps: mleSteps).run(resume: false, observer: StoppingObserver(after: reports))
        } throws: { error in
            guard let stop = error as? TrainingInterrupted else { return false }
            return stop.directory == directory.path && !stop.description.isEmpty
        }
        let checkpoint = RunFolder(directory).url(of: .checkpoint)
        #expect(FileManager.default.fileExists(atPath: checkpoint.path))
        let partial = try Self.log(directory)
        #expect(partial.count < whole.count)
        #expect(partial == Array(whole.prefix(partial.count)))
        try Self.experiment(in: directory, mleSteps: mleSteps).run(resume: true)
        #expect(try Self.log(directory) == whole)
    }

    @Test("an interrupted run says where it is saved and the command that continues it")
    func resumeAdvice() {
        let stop = TrainingInterrupted(directory: "runs/folk", phase: .pretraining, done: 3)
        #expect(stop.resumeLines == [
            "interrupted: runs/folk is saved after \(Phase.pretraining) 3; continue with:", "  seqgan train --resume --out runs/folk",
        ])
    }
}
