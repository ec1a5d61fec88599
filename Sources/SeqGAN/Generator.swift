import NeuralNetwork
import TensorCore

/// The SeqGAN generator: token embedding, one LSTM layer and a softmax over the vocabulary.
/// At the first step it reads the start token; each later step reads the previous token.
///
/// The synthetic oracle is a `Generator` too (see ``Generator/init(oracleAt:)``).
public final class Generator: @unchecked Sendable {
    /// The model's shape.
    public let config: GeneratorConfig
    /// Every parameter, and their gradients.
    public let arena: ParameterArena
    let embedding: Embedding
    let lstm: LSTM
    let output: SoftmaxOutputLayer

    /// Work is split into this many independent partitions (fixed, so results never depend
    /// on the number of cores).
    static let partitionCount = 2

    /// Creates a generator with all parameters zero; see ``initializeRandom(using:)``.
    public init(config: GeneratorConfig) {
        precondition(config.vocabularySize > 0 && config.sequenceLength > 0, "empty generator")
        if let end = config.sequenceEnd {
            precondition(
                (0..<config.vocabularySize).contains(end.endToken)
                    && (0..<config.vocabularySize).contains(end.paddingToken),
                "end and padding tokens must be within the vocabulary")
        }
        self.config = config
        var layout = ParameterLayout()
        (embedding, lstm, output) = Generator.layers(for: config, layout: &layout)
        arena = ParameterArena(layout: layout)
    }

    /// The layers of a generator of `config`, registered in `layout` (nothing is allocated).
    static func layers(
        for config: GeneratorConfig, layout: inout ParameterLayout
    ) -> (Embedding, LSTM, SoftmaxOutputLayer) {
        let embedding = Embedding(
            name: "embedding", vocabularySize: config.vocabularySize,
            dimension: config.embeddingSize, layout: &layout)
        let lstm = LSTM(
            name: "lstm", inputSize: config.embeddingSize, hiddenSize: config.hiddenSize,
            layout: &layout)
        let output = SoftmaxOutputLayer(
            name: "output", inputSize: config.hiddenSize, classCount: config.vocabularySize,
            layout: &layout)
        return (embedding, lstm, output)
    }

    /// The names and shapes of the parameters of a generator of `config`, without
    /// allocating it.
    public static func parameterLayout(for config: GeneratorConfig) -> ParameterLayout {
        var layout = ParameterLayout()
        _ = layers(for: config, layout: &layout)
        return layout
    }

    /// Draws every parameter from N(0, `config.initialStandardDeviation`).
    public func initializeRandom(using generator: inout some RandomNumberGenerator) {
        arena.initializeNormal(
            standardDeviation: config.initialStandardDeviation, using: &generator)
    }

    /// Scratch space for training and scoring batches of up to `batchSize` sequences:
    /// allocated once, reused by every step.
    public final class Workspace: @unchecked Sendable {
        /// Largest batch it holds.
        public let batchSize: Int
        let partitions: [Partition]

        final class Partition: @unchecked Sendable {
            let capacity: Int
            let inputTokens: UnsafeMutablePointer<Int32>
            let targets: UnsafeMutablePointer<Int32>
            let rowWeights: FloatBuffer
            let rowLosses: FloatBuffer
            let inputs: FloatBuffer
            let inputGradient: FloatBuffer
            let hiddenGradient: FloatBuffer
            let cache: LSTM.Cache
            let outputWorkspace: SoftmaxOutputLayer.Workspace
            /// Gradients of this partition's rows (empty for the first, which uses the arena's).
            let gradients: FloatBuffer

            init(batch: Int, config: GeneratorConfig, parameterCount: Int) {
                let rows = batch * config.sequenceLength
                capacity = batch
                inputTokens = .allocate(capacity: max(1, rows))
                targets = .allocate(capacity: max(1, rows))
                rowWeights = FloatBuffer(count: rows)
                rowLosses = FloatBuffer(count: rows)
                inputs = FloatBuffer(count: rows * config.embeddingSize)
                inputGradient = FloatBuffer(count: rows * config.embeddingSize)
                hiddenGradient = FloatBuffer(count: rows * config.hiddenSize)
                cache = LSTM.Cache(
                    steps: config.sequenceLength, batch: batch, hiddenSize: config.hiddenSize)
                outputWorkspace = SoftmaxOutputLayer.Workspace(classCount: config.vocabularySize)
                gradients = FloatBuffer(count: parameterCount)
            }

            deinit {
                inputTokens.deallocate()
                targets.deallocate()
            }
        }

        /// Allocates room for batches of up to `batchSize` sequences of `generator`.
        public init(batchSize: Int, generator: Generator) {
            self.batchSize = batchSize
            let share = (batchSize + Generator.partitionCount - 1) / Generator.partitionCount
            // The first partition accumulates straight into the arena's gradients.
            partitions = (0..<Generator.partitionCount).map { p in
                Partition(
                    batch: share, config: generator.config,
                    parameterCount: p == 0 ? 0 : generator.arena.values.count)
            }
        }
    }

    /// The range of batch rows partition `p` handles.
    func partitionRange(_ p: Int, batch: Int, workspace: Workspace) -> Range<Int> {
        let share = workspace.partitions[0].capacity
        return min(batch, p * share)..<min(batch, (p + 1) * share)
    }

    /// Loads `sequences` rows `range` of a batch, time-major, into `part` and runs the
    /// embedding and the LSTM over them into `part.cache`: targets from `sequences`, inputs
    /// (after the start token) from `inputs`, by default the targets shifted by one (teacher
    /// forcing).
    func forwardTeacherForced(
        _ sequences: UnsafePointer<Int32>, inputs: UnsafePointer<Int32>? = nil, range: Range<Int>,
        weights: UnsafePointer<Float>?, parameters: UnsafePointer<Float>,
        into part: Workspace.Partition
    ) {
        let inputs = inputs ?? sequences
        let t = config.sequenceLength
        let b = range.count
        for (local, row) in range.enumerated() {
            let sequence = sequences + row * t
            let input = inputs + row * t
            for step in 0..<t {
                let index = step * b + local
                part.inputTokens[index] = step == 0 ? Int32(config.startToken) : input[step - 1]
                part.targets[index] = sequence[step]
                if let weights { part.rowWeights[index] = weights[row * t + step] }
            }
        }
        embedding.forward(
            tokens: part.inputTokens, count: b * t, parameters: parameters, into: part.inputs.base)
        lstm.forward(
            input: part.inputs.base, steps: t, batch: b, parameters: parameters, cache: part.cache)
    }

    /// Adds the gradient of the weighted negative log-likelihood of a batch to
    /// `arena.gradients` (which it first sets to zero) and returns the loss.
    ///
    /// The loss is `sum over b, t of w[b][t] * -log G(y[b][t] | y[b][<t])`, with `w` given per
    /// token (policy-gradient rewards) or `uniformWeight` for every token (MLE uses
    /// `1 / (B T)`, the mean).
    ///
    /// - Parameters:
    ///   - sequences: `[B, T]` token ids, batch-major.
    ///   - inputs: `[B, T]` tokens fed after the start token (step `t` reads `inputs[b][t-1]`);
    ///     `nil` feeds `sequences` itself (teacher forcing).
    ///   - weights: `[B, T]` per-token weights, or `nil`.
    public func accumulateGradients(
        sequences: UnsafePointer<Int32>, inputs: UnsafePointer<Int32>? = nil, batch: Int,
        weights: UnsafePointer<Float>? = nil, uniformWeight: Float = 1, workspace: Workspace
    ) -> Double {
        precondition(batch <= workspace.batchSize, "batch larger than the workspace")
        let t = config.sequenceLength
        var losses = [Double](repeating: 0, count: Generator.partitionCount)
        let parameters = UnsafePointer(arena.values.base)
        losses.withUnsafeMutableBufferPointer { lossBuffer in
            parallelFor(Generator.partitionCount) { p in
                let part = workspace.partitions[p]
                // The first partition works straight in the arena; the others are added to it.
                let gradients = p == 0 ? arena.gradients.base : part.gradients.base
                gradients.update(repeating: 0, count: arena.gradients.count)
                let range = partitionRange(p, batch: batch, workspace: workspace)
                guard !range.isEmpty else { return }
                let rows = range.count * t
                forwardTeacherForced(
                    sequences, inputs: inputs, range: range, weights: weights,
                    parameters: parameters, into: part)
                lossBuffer[p] = output.crossEntropy(
                    input: part.cache.hidden.base, targets: part.targets, rows: rows,
                    rowWeights: weights == nil ? nil : UnsafePointer(part.rowWeights.base),
                    uniformWeight: uniformWeight, inputGradient: part.hiddenGradient.base,
                    gradients: gradients, parameters: parameters,
                    workspace: part.outputWorkspace)
                lstm.backward(
                    input: part.inputs.base, steps: t, batch: range.count,
                    hiddenGradient: part.hiddenGradient.base,
                    inputGradient: part.inputGradient.base, parameters: parameters,
                    gradients: gradients, cache: part.cache)
                embedding.backward(
                    tokens: part.inputTokens, count: rows,
                    outputGradient: part.inputGradient.base, gradients: gradients)
            }
        }
        for part in workspace.partitions.dropFirst() {
            VectorMath.add(part.gradients.base, to: arena.gradients.base, count: arena.gradients.count)
        }
        return losses.reduce(0, +)
    }

    /// The per-token negative log-likelihood of each of `count` sequences, averaged over its
    /// `T` tokens: `-(1/T) sum_t log G(y_t | y_<t)`; with a ``SequenceEnd``, over its counted
    /// tokens (up to and including the end token).
    ///
    /// - Parameter sequences: `[count, T]` token ids, batch-major.
    /// - Returns: `count` values.
    public func negativeLogLikelihoods(
        of sequences: UnsafePointer<Int32>, count: Int, workspace: Workspace
    ) -> [Float] {
        let t = config.sequenceLength
        var result = [Float](repeating: 0, count: count)
        let parameters = UnsafePointer(arena.values.base)
        let chunk = workspace.partitions[0].capacity
        let chunkCount = (count + chunk - 1) / chunk
        result.withUnsafeMutableBufferPointer { out in
            parallelFor(Generator.partitionCount) { p in
                let part = workspace.partitions[p]
                var c = p
                while c < chunkCount {
                    let range = (c * chunk)..<min(count, (c + 1) * chunk)
                    let rows = range.count * t
                    let first = sequences + range.lowerBound * t
                    forwardTeacherForced(
                        first, range: 0..<range.count, weights: nil, parameters: parameters,
                        into: part)
                    output.crossEntropy(
                        input: part.cache.hidden.base, targets: part.targets, rows: rows,
                        rowLosses: part.rowLosses.base, parameters: parameters,
                        workspace: part.outputWorkspace)
                    for local in 0..<range.count {
                        let counted =
                            config.sequenceEnd?.countedLength(of: first + local * t, length: t) ?? t
                        var sum: Float = 0
                        for step in 0..<counted { sum += part.rowLosses[step * range.count + local] }
                        out[range.lowerBound + local] = sum / Float(counted)
                    }
                    c += Generator.partitionCount
                }
            }
        }
        return result
    }
}
