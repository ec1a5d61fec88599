import Foundation
import TestSupport
import Testing
import TrainedRuns
import Training

@Suite("discriminate as a library request")
struct DiscriminationRequestTests {
    @Test("exactly one source of sequences, a positive count, and a seed only for samples")
    func validation() throws {
        #expect(throws: TrainedRunError.sequenceSource) { try DiscriminationRequest().validate() }
        #expect(throws: TrainedRunError.sequenceSource) { try DiscriminationRequest(data: "a.txt", samples: 4).validate() }
        #expect(throws: TrainedRunError.noSamples) { try DiscriminationRequest(samples: 0).validate() }
        #expect(throws: TrainedRunError.seedOfData) { try DiscriminationRequest(data: "a.txt", seed: 2).validate() }
        try DiscriminationRequest(samples: 4, seed: 2).validate()
        #expect("\(TrainedRunError.sequenceSource)" == "give either --data FILE or --samples N")
    }

    @Test("a file's sequences and the generator's samples are scored; the written scores agree with the mean")
    func scoresFileAndSamples() throws {
        let run = try TestPaths.makeTemporaryDirectory("discriminate-request").appendingPathComponent("run").path
        var train = TrainRequest()
        (train.task, train.out, train.oracleSeed, train.trainSize) = (.synthetic, run, 3, 256)
        (train.overrides.batchSize, train.overrides.evaluationSamples, train.overrides.epochs) = (32, 64, 1)
        (train.overrides.mode, train.overrides.rounds, train.overrides.rolloutsPerPrefix) = (.seqgan, 1, 1)
        (train.overrides.discriminatorPretrainSteps, train.overrides.discriminatorEpochs) = (1, 1)
        try train.prepare().run()

        let scores = run + "-scores.txt"
        let lines = try DiscriminationRequest(data: run + "/train.txt", output: scores).discriminate(run: run)
        #expect(lines.count == 3 && lines[0].hasPrefix("256 sequences of 20 tokens from "), "\(lines)")
        let written = try String(contentsOfFile: scores, encoding: .utf8).split(separator: "\n").compactMap { Double($0) }
        #expect(written.count == 256 && written.allSatisfy { (0...1).contains($0) })
        let mean = try #require(Double(lines[2]))
        #expect(abs(written.reduce(0, +) / 256 - mean) < 1e-5)

        let sampled = try DiscriminationRequest(samples: 10, seed: 2).discriminate(run: run)
        #expect(sampled[0].hasPrefix("10 sequences of 20 tokens from samples of its generator (seed 2)"), "\(sampled)")
    }
}
