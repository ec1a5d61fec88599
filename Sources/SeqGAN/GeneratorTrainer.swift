import NeuralNetwork
import TensorCore

/// Updates of a ``Generator`` with Adam and clipping by global norm: maximum-likelihood
/// (teacher-forced) steps and epochs here, policy-gradient steps in
/// `GeneratorTrainer+PolicyGradient.swift`.
public final class GeneratorTrainer: @unchecked Sendable {
    /// The model being trained.
    public let generator: Generator
    /// The optimiser of maximum-likelihood (and scheduled-sampling) updates (state is saved
    /// in checkpoints).
    public let optimizer: Adam
    /// The optimiser of policy-gradient updates, with moments and step count of its own, as
    /// in the released code (two `AdamOptimizer`s): the first adversarial updates start from
    /// zero moments instead of those of pre-training. Its step size is
    /// ``OptimizerConfig/policyGradientLearningRate`` (or `learningRate`).
    public let policyOptimizer: Adam
    /// Batch size, learning rate and clipping.
    public let settings: OptimizerConfig
    let workspace: Generator.Workspace
    let samplingBuffers: Generator.SamplingBuffers
    let batch: UnsafeMutablePointer<Int32>
    /// `[B, T]` scratch for a step's chosen inputs (scheduled sampling) or own samples.
    let stepInputs: UnsafeMutablePointer<Int32>
    let stepSamples: UnsafeMutablePointer<Int32>
    /// `[B, T]` per-token weights of a policy-gradient step.
    let stepWeights: FloatBuffer
    /// `[B]` counted length of each row of a policy-gradient step.
    let rowLengths: UnsafeMutablePointer<Int>
    /// The seed of the dropout masks between LSTM layers: each update draws its masks from a
    /// stream of it named by the optimiser and its step count, so a resumed run draws the
    /// same masks.
    public let dropoutSeed: UInt64

    /// Prepares to train `generator`, drawing its dropout masks (if any) from `dropoutSeed`.
    public init(generator: Generator, settings: OptimizerConfig, dropoutSeed: UInt64 = 0) {
        self.generator = generator
        self.settings = settings
        self.dropoutSeed = dropoutSeed
        optimizer = Adam(
            parameterCount: generator.arena.values.count, learningRate: settings.learningRate)
        policyOptimizer = Adam(
            parameterCount: generator.arena.values.count,
            learningRate: settings.policyGradientLearningRate ?? settings.learningRate)
        workspace = Generator.Workspace(batchSize: settings.batchSize, generator: generator)
        samplingBuffers = Generator.SamplingBuffers(rows: settings.batchSize, config: generator.config)
        let tokens = settings.batchSize * generator.config.sequenceLength
        batch = .allocate(capacity: tokens)
        stepInputs = .allocate(capacity: tokens)
        stepSamples = .allocate(capacity: tokens)
        stepWeights = FloatBuffer(count: tokens)
        rowLengths = .allocate(capacity: settings.batchSize)
    }

    /// The dropout seed of the next update by `optimizer`, or `nil` when the generator has
    /// no dropout.
    func nextDropoutSeed(for optimizer: Adam) -> UInt64? {
        guard generator.config.dropout > 0, generator.config.layers > 1 else { return nil }
        var random = SplitMix64(
            seed: dropoutSeed, stream: optimizer === policyOptimizer ? 1 : 0, UInt64(optimizer.step))
        return random.next()
    }

    deinit {
        batch.deallocate()
        stepInputs.deallocate()
        stepSamples.deallocate()
        rowLengths.deallocate()
    }

    /// One update on the `[B, T]` sequences at `sequences`: mean per-token NLL (over the
    /// counted tokens when the generator has a ``SequenceEnd``), its gradient, clipping, Adam.
    ///
    /// - Returns: The batch's mean per-token NLL before the update.
    @discardableResult
    public func step(sequences: UnsafePointer<Int32>, batchSize: Int) -> Double {
        let loss = meanNLLGradients(sequences: sequences, batchSize: batchSize)
        clipByGlobalNorm(generator.arena.gradients, maxNorm: settings.gradientClip)
        optimizer.update(generator.arena)
        return loss
    }

    /// One epoch over `count` sequences in an order shuffled by `generator`, in full batches
    /// (a remainder smaller than a batch is skipped, as in the released code).
    ///
    /// - Parameters:
    ///   - data: `[count, T]` sequences.
    ///   - onBatch: Called after each update with (batch index, batch count, loss).
    /// - Returns: The mean of the batches' losses.
    public func trainEpoch(
        data: [Int32], count: Int, using random: inout some RandomNumberGenerator,
        onBatch: (Int, Int, Double) -> Void = { _, _, _ in }
    ) -> Double {
        trainEpoch(data: data, count: count, using: &random, onBatch: onBatch) { batch, size in
            step(sequences: batch, batchSize: size)
        }
    }

    /// One epoch over `count` sequences in shuffled full batches, each passed to `update`.
    ///
    /// - Returns: The mean of the losses `update` returned.
    public func trainEpoch(
        data: [Int32], count: Int, using random: inout some RandomNumberGenerator,
        onBatch: (Int, Int, Double) -> Void = { _, _, _ in },
        update: (UnsafePointer<Int32>, Int) -> Double
    ) -> Double {
        let t = generator.config.sequenceLength
        let b = settings.batchSize
        let batches = count / b
        var order = Array(0..<count)
        random.shuffle(&order)
        if settings.batches == .similarLengths, let end = generator.config.sequenceEnd {
            order = Self.similarLengthOrder(order, batchSize: b, using: &random) { row in
                data.withUnsafeBufferPointer { end.countedLength(of: $0.baseAddress! + row * t, length: t) }
            }
        }
        var total = 0.0
        data.withUnsafeBufferPointer { source in
            for index in 0..<batches {
                for row in 0..<b {
                    (batch + row * t).update(from: source.baseAddress! + order[index * b + row] * t, count: t)
                }
                let loss = update(batch, b)
                total += loss
                onBatch(index, batches, loss)
            }
        }
        return batches > 0 ? total / Double(batches) : 0
    }

    /// Batches per group sorted by length in ``BatchComposition/similarLengths``.
    public static let lengthGroupBatches = 8

    /// `order` (shuffled) regrouped so that each batch of `batchSize` holds rows of similar
    /// `length`: groups of ``lengthGroupBatches`` batches sorted by length (ties keep their
    /// shuffled order), then the whole batches shuffled; a remainder smaller than a batch stays
    /// last (the epoch skips it).
    static func similarLengthOrder(
        _ order: [Int], batchSize: Int, using random: inout some RandomNumberGenerator, length: (Int) -> Int
    ) -> [Int] {
        let whole = order.count / batchSize * batchSize
        let groupSize = batchSize * lengthGroupBatches
        var batches: [ArraySlice<Int>] = []
        for start in stride(from: 0, to: whole, by: groupSize) {
            let group = order[start..<min(whole, start + groupSize)].enumerated()
                .map { (position: $0.offset, row: $0.element, length: length($0.element)) }
                .sorted { ($0.length, $0.position) < ($1.length, $1.position) }
                .map(\.row)
            batches += stride(from: 0, to: group.count, by: batchSize).map { group[$0..<($0 + batchSize)] }
        }
        random.shuffle(&batches)
        return batches.flatMap { $0 } + order[whole...]
    }
}
