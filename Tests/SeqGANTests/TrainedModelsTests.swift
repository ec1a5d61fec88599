import Foundation
import RunFiles
import NeuralNetwork
import Testing
@testable import SeqGAN
import SyntheticGeneration
import TestSupport

@Suite("Models read back from a run folder")
struct TrainedModelsTests {
    @Test("the discriminator of a SeqGAN run is the one its checkpoint holds, trained")
    func discriminatorFromCheckpoint() throws {
        let directory = try TestPaths.makeTemporaryDirectory("trained-discriminator")
        let config = SyntheticExperimentTests.adversarialConfig(mode: .seqgan, rounds: 1)
        try SyntheticExperiment(config: config, directory: directory).run(resume: false)
        let loaded = try TrainingRun.trainedDiscriminator(in: directory)
        let file = try SafeTensors(contentsOf: RunFolder(directory).url(of: .checkpoint))
        let saved = file.tensors.filter { $0.key.hasPrefix("discriminator.") && !$0.key.hasPrefix("discriminatorAdam.") }
        #expect(!saved.isEmpty)
        #expect(loaded.tensors(prefix: "discriminator.") == saved)
        // Not the initial weights, which a run with no rounds keeps: training moved them.
        let untrained = try TestPaths.makeTemporaryDirectory("untrained-discriminator")
        try SyntheticExperiment(
            config: SyntheticExperimentTests.adversarialConfig(mode: .seqgan, rounds: 0), directory: untrained
        ).run(resume: false)
        let initial = try SafeTensors(contentsOf: RunFolder(untrained).url(of: .checkpoint)).tensors
            .filter { $0.key.hasPrefix("discriminator.") && !$0.key.hasPrefix("discriminatorAdam.") }
        #expect(initial.keys.sorted() == saved.keys.sorted())
        #expect(initial != saved)
    }

    @Test("runs without a trained discriminator are refused with the reason", arguments: [
        (RunConfig.Mode.mle, 1, "--mode mle"), (.seqgan, 0, "MLE pre-training"),
    ])
    func refusals(mode: RunConfig.Mode, rounds: Int, reason: String) throws {
        let directory = try TestPaths.makeTemporaryDirectory("untrained-discriminator")
        try SyntheticExperiment(
            config: SyntheticExperimentTests.adversarialConfig(mode: mode, rounds: rounds),
            directory: directory
        ).run(resume: false)
        #expect {
            _ = try TrainingRun.trainedDiscriminator(in: directory)
        } throws: { error in
            "\(error)".contains(reason) && "\(error)".contains("checkpoint.safetensors")
        }
    }
}
