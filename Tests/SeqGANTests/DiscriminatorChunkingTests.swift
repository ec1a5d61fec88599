import Foundation
import Testing
import NeuralNetwork
@testable import SeqGAN
import TensorCore

/// The discriminator's work is cut into chunks that threads take in any order; these tests pin
/// its results bit for bit: to values recorded from the two-partition implementation it
/// replaced, and across thread counts and chunk orders.
@Suite("Discriminator chunking")
struct DiscriminatorChunkingTests {
    /// A small model whose batch does not divide into the row chunks evenly.
    static let small: DiscriminatorConfig = {
        var config = DiscriminatorConfig(vocabularySize: 31, sequenceLength: 10)
        config.embeddingSize = 6
        config.filterBanks = [
            .init(window: 1, count: 9), .init(window: 2, count: 14), .init(window: 3, count: 11),
            .init(window: 5, count: 7), .init(window: 10, count: 5),
        ]
        config.highwayGateBias = -1
        config.batchSize = 37
        config.learningRate = 1e-2
        return config
    }()

    /// FNV-1a over the bit patterns of `values`.
    static func digest(_ values: UnsafeBufferPointer<Float>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for value in values {
            hash = (hash ^ UInt64(value.bitPattern)) &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    static func digest(_ buffer: FloatBuffer) -> UInt64 {
        digest(UnsafeBufferPointer(start: buffer.base, count: buffer.count))
    }

    /// Bit patterns of everything a few training steps and the scoring paths produce:
    /// each step's loss and accuracy, the parameters and Adam's moments afterwards, the
    /// probabilities of plain scoring and of roll-out completions, and the evaluation's loss.
    static func fingerprint(
        config: DiscriminatorConfig, steps: Int, scoreCount: Int, workspaceRows: Int,
        prepare: (Discriminator) -> Void = { _ in }
    ) -> [UInt64] {
        let discriminator = Discriminator(config: config)
        prepare(discriminator)
        var random = SplitMix64(seed: 29)
        discriminator.initializeRandom(using: &random)
        let t = config.sequenceLength
        let v = UInt64(config.vocabularySize)
        func tokens(_ count: Int) -> [Int32] { (0..<(count * t)).map { _ in Int32(random.next() % v) } }
        var result: [UInt64] = []
        for _ in 0..<steps {
            let batch = tokens(config.batchSize)
            let labels = (0..<config.batchSize).map { _ in Int32(random.next() % 2) }
            let step = discriminator.trainStep(
                sequences: batch, labels: labels, count: config.batchSize, using: &random)
            result += [step.loss.bitPattern, step.accuracy.bitPattern]
        }
        result.append(digest(discriminator.arena.values))
        result.append(digest(discriminator.optimizer.firstMoments))
        result.append(digest(discriminator.optimizer.secondMoments))

        let workspace = Discriminator.Workspace(batchSize: workspaceRows, discriminator: discriminator)
        let sequences = tokens(scoreCount)
        var probabilities = [Float](repeating: 0, count: scoreCount)
        discriminator.probabilityReal(
            of: sequences, count: scoreCount, into: &probabilities, workspace: workspace)
        result.append(probabilities.withUnsafeBufferPointer { digest($0) })

        // Roll-out completions of 3 sampled sequences, 4 per prefix, every prefix length.
        let batch = 3
        let perPrefix = 4
        let sampled = tokens(batch)
        var blocks: [RolloutBlock] = []
        var completions: [Int32] = []
        for prefix in 1..<t {
            for b in 0..<batch {
                blocks.append(RolloutBlock(sequence: b, prefixLength: prefix))
                for _ in 0..<perPrefix {
                    let tail = tokens(1)
                    completions += sampled[(b * t)..<(b * t + prefix)] + tail[prefix...]
                }
            }
        }
        var completionProbabilities = [Float](repeating: 0, count: blocks.count * perPrefix)
        discriminator.probabilityReal(
            ofCompletions: completions, blocks: blocks, perPrefix: perPrefix, sequences: sampled,
            batch: batch, into: &completionProbabilities, workspace: workspace)
        result.append(completionProbabilities.withUnsafeBufferPointer { digest($0) })

        let evaluation = discriminator.evaluate(
            real: tokens(scoreCount / 2), fake: tokens(scoreCount / 2), workspaceSize: workspaceRows)
        result += [evaluation.loss.bitPattern, evaluation.accuracy.bitPattern]
        return result
    }

    static func smallFingerprint(prepare: (Discriminator) -> Void = { _ in }) -> [UInt64] {
        fingerprint(config: small, steps: 6, scoreCount: 301, workspaceRows: 40, prepare: prepare)
    }

    static func paperFingerprint(prepare: (Discriminator) -> Void = { _ in }) -> [UInt64] {
        fingerprint(
            config: DiscriminatorConfig(), steps: 3, scoreCount: 700, workspaceRows: 128,
            prepare: prepare)
    }

    /// Recorded from the implementation that split the work into two fixed partitions, with
    /// these BLAS kernels (other kernels round products differently).
    static let goldenKernels = "OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH NO_AFFINITY Haswell MAX_THREADS=64/Haswell"
    static let smallGolden: [UInt64] = [
        0x3fe9267623f3f62e, 0x3fdf22983759f22a, 0x3fe849f428e465ab, 0x3fe4c1bacf914c1c,
        0x3fe852d209be7ff8, 0x3fe22983759f2298, 0x3fe743111e2a61f7, 0x3fe3e45306eb3e45,
        0x3fea64b83fe6c9b0, 0x3fd9f22983759f23, 0x3fe75ed3d7a26ceb, 0x3fe22983759f2298,
        0x732f2a00d206c444, 0x63a3998cf7e1c64b, 0x721b7d14bbad8885, 0x9f133922f86f576c,
        0xd5088bb65eaf85a4, 0x3fe80131cae2674c, 0x3fe0000000000000,
    ]
    static let paperGolden: [UInt64] = [
        0x402042d5ed13bc30, 0x3fe0800000000000, 0x401cb57191433e10, 0x3fe0000000000000,
        0x401fa3baf17a7fd0, 0x3fde000000000000, 0x6003f9b679c46814, 0x3609ab0f8e695fb1,
        0x71bb15220600fabc, 0x66d46ccd2d825978, 0x29fd40519ca21b95, 0x400eda822bef730a,
        0x3fe0d2a6c405d9f7,
    ]

    @Test(
        "training, scoring and evaluation give the two-partition implementation's values bit for bit",
        .enabled(if: BLAS.kernelDescription == goldenKernels, "values recorded with other BLAS kernels"))
    func matchesTwoPartitions() {
        BLAS.threadCount = 1
        #expect(Self.smallFingerprint() == Self.smallGolden)
        #expect(Self.paperFingerprint() == Self.paperGolden)
    }

    @Test("results are bit-identical with 1, 2 and 4 threads and with chunks taken in a shuffled order")
    func independentOfScheduling() {
        BLAS.threadCount = 1
        let smallGolden = Self.smallFingerprint { $0.schedule = ChunkSchedule(threads: 1) }
        let paperGolden = Self.paperFingerprint { $0.schedule = ChunkSchedule(threads: 1) }
        let schedules = [
            ChunkSchedule(threads: 2), ChunkSchedule(threads: 4),
            ChunkSchedule(threads: 1, order: .shuffled(seed: 5)),
            ChunkSchedule(threads: 4, order: .shuffled(seed: 9)),
        ]
        for schedule in schedules {
            let small = Self.smallFingerprint { $0.schedule = schedule }
            #expect(small == smallGolden, "\(schedule)")
        }
        for schedule in [ChunkSchedule(threads: 2, order: .shuffled(seed: 2)), ChunkSchedule(threads: 4)] {
            #expect(Self.paperFingerprint { $0.schedule = schedule } == paperGolden, "\(schedule)")
        }
    }
}
