import Foundation
import RunFiles
import SeqGAN
import TestSupport
import Testing
@testable import Training

@Suite("seqgan train as a library request")
struct TrainRequestTests {
    /// A small synthetic request into a fresh folder.
    static func synthetic(_ label: String, epochs: Int) throws -> TrainRequest {
        var request = TrainRequest()
        request.task = .synthetic
        request.out = try TestPaths.makeTemporaryDirectory(label).appendingPathComponent("run").path
        request.oracleSeed = 3
        request.trainSize = 256
        request.overrides.batchSize = 32
        request.overrides.evaluationSamples = 64
        request.overrides.epochs = epochs
        request.overrides.seed = 7
        return request
    }

    @Test("the preset applies first and options given explicitly override it")
    func presetThenOptions() throws {
        var overrides = TrainRequest.Overrides()
        overrides.preset = .paper
        overrides.rounds = 3
        overrides.mode = .seqgan
        var config = RunConfig()
        overrides.apply(to: &config)
        #expect(config.schedule.epochs == 120)
        #expect(config.schedule.discriminatorPretrainSteps == 50)
        #expect(config.schedule.rounds == 3)
        #expect(config.schedule.mode == .seqgan)
    }

    @Test("the task follows the inputs, then the kind of the run folder, else synthetic")
    func taskResolution() throws {
        var request = TrainRequest()
        request.inputs = ["a.txt", "b.TXT"]
        #expect(request.resolvedTask == .text)
        request.inputs = ["tunes/", "a.txt"]
        #expect(request.resolvedTask == .music)
        request.inputs = []
        let folder = RunFolder(try TestPaths.makeTemporaryDirectory("task-kind"))
        try folder.prepare(for: .music, resume: false)
        request.out = folder.url.path
        #expect(request.resolvedTask == .music)
        request.out = nil
        #expect(request.resolvedTask == .synthetic)
    }

    @Test("a new synthetic request gets the oracle settings and the options given")
    func newSynthetic() throws {
        let request = try Self.synthetic("new", epochs: 2)
        let prepared = try request.prepare()
        guard case .synthetic(let experiment, let resuming) = prepared else {
            Issue.record("not a synthetic run")
            return
        }
        #expect(!resuming || !RunFolder(path: request.out!).hasCheckpoint)
        #expect(experiment.config.oracle.trainingSequences == 256)
        #expect(experiment.config.oracle.seed == 3)
        #expect(experiment.config.optimizer.batchSize == 32)
        #expect(experiment.config.schedule.epochs == 2)
        #expect(experiment.config.seed == 7)
    }

    @Test("resuming keeps the saved settings and takes only more epochs or rounds")
    func resumeKeepsSavedSettings() throws {
        let request = try Self.synthetic("resume", epochs: 1)
        try request.prepare().run()
        var again = TrainRequest()
        again.out = request.out
        again.resume = true
        again.overrides.epochs = 2
        again.overrides.batchSize = 64
        let prepared = try again.prepare()
        #expect(prepared.config.schedule.epochs == 2)
        #expect(prepared.config.optimizer.batchSize == 32)
        #expect(prepared.config.oracle.trainingSequences == 256)
    }

    @Test("starting from a base run with another seed or number of epochs is one error naming the option")
    func forkMustMatchBase() throws {
        let base = try Self.synthetic("fork-base", epochs: 1)
        try base.prepare().run()
        var fork = TrainRequest()
        fork.task = .synthetic
        fork.initFrom = base.out
        fork.out = base.out! + "-fork"
        fork.overrides.epochs = 3
        #expect(throws: TrainRequestError.differsFromBase(option: "--epochs", given: "3", base: "1 pre-training epochs", path: base.out!)) {
            try fork.prepare()
        }
        fork.overrides.epochs = nil
        fork.overrides.seed = 99
        #expect {
            try fork.prepare()
        } throws: { error in
            "\(error)".contains("--seed 99 differs from the seed 7")
        }
        fork.overrides.seed = nil
        fork.overrides.mode = .seqgan
        fork.overrides.rounds = 1
        let prepared = try fork.prepare()
        #expect(prepared.config.initFrom == URL(fileURLWithPath: base.out!).standardizedFileURL.path)
        #expect(prepared.config.schedule.epochs == 1 && prepared.config.seed == 7)
    }

    @Test("--policy-temperature sets the temperature of the policy the rounds train; 0 is refused, naming the option")
    func policyTemperature() throws {
        var request = TrainRequest()
        request.inputs = ["tunes"]
        var config = RunConfig()
        request.overrides.apply(to: &config)
        #expect(config.rewards.temperature == 1)
        request.overrides.policyTemperature = 0.7
        request.overrides.apply(to: &config)
        #expect(config.rewards.temperature == 0.7)
        try request.validate()
        request.overrides.policyTemperature = 0
        #expect(throws: TrainRequestError.invalidOption("--policy-temperature must be positive")) { try request.validate() }
    }

    @Test("--mle-steps sets the teacher-forced steps of each round; a negative count is refused, naming the option")
    func mleSteps() throws {
        var request = TrainRequest()
        request.inputs = ["tunes"]
        var config = RunConfig()
        request.overrides.mleSteps = 2
        request.overrides.apply(to: &config)
        #expect(config.schedule.mleSteps == 2)
        try request.validate()
        request.overrides.mleSteps = -1
        #expect(throws: TrainRequestError.invalidOption("--mle-steps is too small: -1")) { try request.validate() }
    }

    @Test("text rows shorter than 2 tokens and a minimum count below 1 are refused, naming the option")
    func textRanges() throws {
        var request = TrainRequest()
        (request.inputs, request.text.length) = (["poems.txt"], 1)
        #expect(throws: TrainRequestError.invalidOption("--length must be at least 2")) { try request.validate() }
        (request.text.length, request.text.minimumCount) = (2, 0)
        #expect(throws: TrainRequestError.invalidOption("--min-count must be at least 1")) { try request.validate() }
        request.text.minimumCount = 1
        try request.validate()
    }

    @Test("a synthetic request without a run folder is refused")
    func syntheticNeedsOut() throws {
        var request = TrainRequest()
        request.task = .synthetic
        #expect(throws: TrainRequestError.missingOut) { try request.prepare() }
    }
}
