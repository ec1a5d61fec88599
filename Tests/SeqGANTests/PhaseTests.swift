import Foundation
import RunFiles
import NeuralNetwork
import Testing
@testable import SeqGAN
import SyntheticGeneration
import TestSupport

@Suite("Phases of a run's schedule")
struct PhaseTests {
    @Test("every phase's raw name reads back as the same phase, and the names are those of log.csv")
    func rawValuesRoundTrip() throws {
        #expect(Phase.allCases.map(\.rawValue) == ["pretrain", "discriminator", "mle", "ss", "pgbleu", "seqgan"])
        for phase in Phase.allCases {
            #expect(Phase(rawValue: phase.rawValue) == phase)
            let json = try JSONEncoder().encode(phase)
            #expect(String(decoding: json, as: UTF8.self) == "\"\(phase.rawValue)\"")
            #expect(try JSONDecoder().decode(Phase.self, from: json) == phase)
        }
        #expect(Phase(rawValue: "banana") == nil)
        #expect(Phase(rawValue: "Pretrain") == nil)
    }

    @Test("a log row's CSV line starts with the phase's raw name and reads back to the same phase")
    func logRowsKeepTheirNames() throws {
        let directory = try TestPaths.makeTemporaryDirectory("phase-csv")
        let url = directory.appendingPathComponent("log.csv")
        let rows = Phase.allCases.enumerated().map { RunLogRow(phase: $1, epoch: $0) }
        try ([RunLogRow.csvHeader] + rows.map(\.csvLine)).joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        #expect(rows[0].csvLine.hasPrefix("pretrain,0,"))
        #expect(try RunLogRow.read(csv: url).map(\.phase) == Phase.allCases)
    }

    @Test("a log.csv row with an unknown phase is an error naming the file, the line and the phase")
    func unknownPhaseInLog() throws {
        let directory = try TestPaths.makeTemporaryDirectory("phase-csv-bad")
        let url = directory.appendingPathComponent("log.csv")
        let line = RunLogRow(phase: .pretraining, epoch: 1).csvLine.replacingOccurrences(of: "pretrain,", with: "banana,")
        try (RunLogRow.csvHeader + "\n" + line + "\n").write(to: url, atomically: true, encoding: .utf8)
        #expect {
            try RunLogRow.read(csv: url)
        } throws: { error in
            let text = "\(error)"
            return text.contains("log.csv:2") && text.contains("banana")
        }
    }

    /// Rewrites the `position` of the checkpoint in `directory`.
    static func setPosition(_ json: String, in directory: URL) throws {
        let url = RunFolder(directory).url(of: .checkpoint)
        var file = try SafeTensors(contentsOf: url)
        file.metadata["position"] = json
        try file.write(to: url)
    }

    @Test("a checkpoint at an unknown phase, a negative count or a phase outside the schedule is refused on resume, naming the checkpoint", arguments: [
        #"{"phase":"banana","done":-7}"#, #"{"phase":"pretrain","done":-7}"#, #"{"phase":"seqgan","done":1}"#,
    ])
    func badPositionIsRefused(position: String) throws {
        let directory = try TestPaths.makeTemporaryDirectory("phase-banana")
        let config = SyntheticExperimentTests.smallConfig(epochs: 2)
        try SyntheticExperiment(config: config, directory: directory).run(resume: false)
        try Self.setPosition(position, in: directory)
        let before = try Data(contentsOf: RunFolder(directory).url(of: .checkpoint))
        var resumed = SyntheticExperimentTests.smallConfig(epochs: 4)
        resumed.schedule.rounds = 2
        #expect {
            try SyntheticExperiment(config: resumed, directory: directory).run(resume: true)
        } throws: { error in
            let text = "\(error)"
            return text.contains("checkpoint.safetensors") && text.contains("position")
        }
        #expect(try Data(contentsOf: RunFolder(directory).url(of: .checkpoint)) == before)
    }

    @Test("resuming with fewer epochs than are done says that nothing is left to do, and changes nothing")
    func fewerEpochsThanDone() throws {
        let directory = try TestPaths.makeTemporaryDirectory("phase-fewer")
        try SyntheticExperiment(config: SyntheticExperimentTests.smallConfig(epochs: 3), directory: directory).run(resume: false)
        let before = try Data(contentsOf: RunFolder(directory).url(of: .checkpoint))
        #expect(throws: RunError.nothingLeft(path: directory.path, phase: .pretraining, done: 3, asked: 2)) {
            try SyntheticExperiment(config: SyntheticExperimentTests.smallConfig(epochs: 2), directory: directory).run(resume: true)
        }
        let message = "\(RunError.nothingLeft(path: directory.path, phase: .pretraining, done: 3, asked: 2))"
        #expect(message.contains("nothing is left to do") && message.contains("3 epochs of pretrain are done"))
        #expect(try Data(contentsOf: RunFolder(directory).url(of: .checkpoint)) == before)
    }
}
