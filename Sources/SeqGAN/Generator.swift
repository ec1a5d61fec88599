import NeuralNetwork
import TensorCore

/// The SeqGAN generator: token embedding, `L` stacked LSTM layers (one in the paper) and a
/// softmax over the vocabulary. At the first step it reads the start token; each later step
/// reads the previous token.
///
/// The synthetic oracle is a `Generator` too (the SyntheticGeneration module loads it).
public final class Generator: @unchecked Sendable {
    /// The model's shape.
    public let config: GeneratorConfig
    /// Every parameter, and their gradients.
    public let arena: ParameterArena
    let embedding: Embedding
    let lstm: StackedLSTM
    let output: SoftmaxOutputLayer
    /// The readers that give each step its features and its allowed tokens; required when
    /// ``GeneratorConfig/featureCount`` is above 0 (not saved with the model: the task that
    /// loads a run attaches it).
    ///
    /// With a conditioning attached, the model's distribution of each token is the softmax of
    /// its logits with the reader's forbidden tokens removed (their logits set to
    /// `-infinity`), in sampling, roll-outs, and the teacher-forced losses and likelihoods
    /// alike: a step whose true token the reader forbids (data outside the grammar) is scored
    /// without the mask, so its loss stays finite.
    public var conditioning: SequenceConditioning? {
        didSet {
            precondition(
                conditioning.map { $0.featureCount == config.featureCount } ?? true,
                "the conditioning's feature count differs from the generator's")
            conditioningVersion += 1
        }
    }
    /// Counts the changes of ``conditioning``, so that buffers know when their readers are
    /// stale.
    private(set) var conditioningVersion = 0

    /// `E + F`, the width of the first LSTM layer's input: the token's embedding, then the
    /// reader's features.
    var inputWidth: Int { config.embeddingSize + config.featureCount }

    /// Readers for `count` rows of the current conditioning: `existing` when it was made for
    /// it and holds as many, else fresh ones; `nil` without a conditioning.
    ///
    /// - Precondition: A conditioning is attached when ``GeneratorConfig/featureCount`` is
    ///   above 0.
    func readerRows(reusing existing: SequenceReaderRows?, count: Int) -> SequenceReaderRows? {
        guard let conditioning else {
            precondition(
                config.featureCount == 0,
                "a generator with \(config.featureCount) features per step needs a conditioning")
            return nil
        }
        if let existing, existing.version == conditioningVersion, existing.count >= count {
            return existing
        }
        return SequenceReaderRows(count: count, conditioning: conditioning, version: conditioningVersion)
    }

    /// Work is split into this many independent partitions (fixed, so results never depend
    /// on the number of cores).
    static let partitionCount = 2

    /// Creates a generator with all parameters zero; see ``initializeRandom(using:)``.
    public init(config: GeneratorConfig) {
        precondition(config.vocabularySize > 0 && config.sequenceLength > 0, "empty generator")
        precondition(config.layers >= 1, "the generator needs at least one LSTM layer")
        precondition(config.dropout >= 0 && config.dropout < 1, "dropout must be in [0, 1)")
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
    ) -> (Embedding, StackedLSTM, SoftmaxOutputLayer) {
        let embedding = Embedding(
            name: "embedding", vocabularySize: config.vocabularySize,
            dimension: config.embeddingSize, layout: &layout)
        let lstm = StackedLSTM(
            name: "lstm", inputSize: config.embeddingSize + config.featureCount,
            hiddenSize: config.hiddenSize,
            layerCount: config.layers, dropoutRate: config.dropout, layout: &layout)
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
            let cache: StackedLSTM.Cache
            /// The state carried from one chunk of a batch to the next (truncated BPTT), one
            /// row per row of ``batchRows``.
            let carry: StackedLSTM.State
            /// `[B]`: the batch row of each of the partition's ``rowCount`` rows (see
            /// ``Generator/assignRows(batch:rowLengths:workspace:)``).
            let batchRows: UnsafeMutablePointer<Int>
            /// How many rows of the batch the partition has.
            var rowCount = 0
            /// `[B]`: the steps each row runs in the current chunk, when the rows are packed.
            let lengths: UnsafeMutablePointer<Int>
            /// `[B]`: the counted length of each row scored (``Generator/negativeLogLikelihoods(of:count:workspace:)``).
            let countedLengths: UnsafeMutablePointer<Int>
            /// `[T + 1]`: where each step's rows start in the current layout.
            let stepStarts: UnsafeMutablePointer<Int>
            /// The current chunk's ``lengths``, or `nil` when every row runs every step.
            var packedLengths: UnsafePointer<Int>?
            let outputWorkspace: SoftmaxOutputLayer.Workspace
            /// The buffers of the backward pass, made by the first one (a workspace that only
            /// scores never holds them).
            private var backwardBuffers: Backward?
            private let parameterCount: Int
            /// One reader per row (with a conditioning); their state carries from one chunk of
            /// a batch to the next, like ``carry``.
            var readers: SequenceReaderRows?
            /// `[T*B, V]` masks of the rows' steps (with a conditioning): 0 for allowed tokens,
            /// `-infinity` for forbidden ones.
            var masks: FloatBuffer?

            init(batch: Int, config: GeneratorConfig, lstm: StackedLSTM, parameterCount: Int) {
                let rows = batch * config.sequenceLength
                capacity = batch
                inputTokens = .allocate(capacity: max(1, rows))
                targets = .allocate(capacity: max(1, rows))
                rowWeights = FloatBuffer(count: rows)
                rowLosses = FloatBuffer(count: rows)
                let width = config.embeddingSize + config.featureCount
                inputs = FloatBuffer(count: rows * width)
                cache = StackedLSTM.Cache(steps: config.sequenceLength, batch: batch, lstm: lstm)
                carry = StackedLSTM.State(batchCapacity: batch, lstm: lstm)
                batchRows = .allocate(capacity: max(1, batch))
                lengths = .allocate(capacity: max(1, batch))
                countedLengths = .allocate(capacity: max(1, batch))
                stepStarts = .allocate(capacity: config.sequenceLength + 1)
                outputWorkspace = SoftmaxOutputLayer.Workspace(classCount: config.vocabularySize)
                self.parameterCount = parameterCount
            }

            /// The input, hidden-state and parameter gradients of a partition's rows.
            final class Backward {
                /// `[T*B, E + F]`.
                let inputGradient: FloatBuffer
                /// `[T*B, H]`: the loss gradient with respect to the top layer's outputs.
                let hiddenGradient: FloatBuffer
                /// Gradients of the partition's rows (empty for the first, which uses the
                /// arena's).
                let gradients: FloatBuffer

                init(rows: Int, inputWidth: Int, hiddenSize: Int, parameterCount: Int) {
                    inputGradient = FloatBuffer(count: rows * inputWidth)
                    hiddenGradient = FloatBuffer(count: rows * hiddenSize)
                    gradients = FloatBuffer(count: parameterCount)
                }
            }

            /// The backward pass's buffers, made by the first call.
            func backward(config: GeneratorConfig) -> Backward {
                if let backwardBuffers { return backwardBuffers }
                let made = Backward(
                    rows: capacity * config.sequenceLength, inputWidth: config.embeddingSize + config.featureCount,
                    hiddenSize: config.hiddenSize, parameterCount: parameterCount)
                backwardBuffers = made
                return made
            }

            deinit {
                inputTokens.deallocate()
                targets.deallocate()
                batchRows.deallocate()
                lengths.deallocate()
                countedLengths.deallocate()
                stepStarts.deallocate()
            }
        }

        /// `[B]`: a batch's rows sorted by length, before they are dealt to the partitions.
        let sortedRows: UnsafeMutablePointer<Int>

        /// Allocates room for batches of up to `batchSize` sequences of `generator`.
        public init(batchSize: Int, generator: Generator) {
            self.batchSize = batchSize
            sortedRows = .allocate(capacity: max(1, batchSize))
            let share = (batchSize + Generator.partitionCount - 1) / Generator.partitionCount
            // The first partition accumulates straight into the arena's gradients.
            partitions = (0..<Generator.partitionCount).map { p in
                Partition(
                    batch: share, config: generator.config, lstm: generator.lstm,
                    parameterCount: p == 0 ? 0 : generator.arena.values.count)
            }
        }

        deinit { sortedRows.deallocate() }
    }

    /// Gives `part` readers and mask storage for the current conditioning (made once, kept
    /// until the conditioning changes); removes them without one.
    func prepareConditioning(_ part: Workspace.Partition) {
        part.readers = readerRows(reusing: part.readers, count: part.capacity)
        if part.readers == nil {
            part.masks = nil
        } else if part.masks == nil {
            part.masks = FloatBuffer(count: part.capacity * config.sequenceLength * config.vocabularySize)
        }
    }

    /// Loads positions `chunk` of `part`'s rows of a batch of `sequences` into `part`, in the
    /// layout ``layOutRows(chunk:rowLengths:in:)`` made, and runs the embedding and the LSTM
    /// over them into `part.cache`: targets from `sequences`, inputs (after the start token)
    /// from `inputs`, by default the targets shifted by one (teacher forcing).
    ///
    /// With a conditioning, each row's reader (`part.readers`, row `local` for the partition's
    /// `local`th row) replays the inputs: before step `p` it writes its features into the
    /// input row's last `F` columns and its mask into `part.masks`, then reads the token fed at
    /// the next step (`inputs[row][p]`). The readers start from the state they were left in
    /// when `continuingReaders` (the previous chunk of the same rows), else from a reset
    /// followed by the inputs before the chunk. A packed row's reader stops at the row's
    /// length.
    ///
    /// - Parameters:
    ///   - sequences: `[B, S]` tokens, `S` being `rowLength` (by default `T`).
    ///   - chunk: The positions run, at most `T` of them (by default all `T`).
    ///   - weights: `[B, chunk.count]` per-token weights of the chunk, or `nil`.
    ///   - initialState: The state before the chunk's first step (a row for each of `part`'s
    ///     rows), or `nil` for zero.
    ///   - training: Applies the dropout masks drawn into `part.cache`.
    func forwardTeacherForced(
        _ sequences: UnsafePointer<Int32>, inputs: UnsafePointer<Int32>? = nil, rowLength: Int? = nil,
        chunk: Range<Int>? = nil, weights: UnsafePointer<Float>?,
        initialState: StackedLSTM.State? = nil, continuingReaders: Bool = false, training: Bool = false,
        parameters: UnsafePointer<Float>, into part: Workspace.Partition
    ) {
        let inputs = inputs ?? sequences
        let length = rowLength ?? config.sequenceLength
        let chunk = chunk ?? 0..<config.sequenceLength
        let t = chunk.count
        let b = part.rowCount
        let width = inputWidth
        let v = config.vocabularySize
        let starts = part.stepStarts
        for local in 0..<b {
            let row = part.batchRows[local]
            let sequence = sequences + row * length
            let input = inputs + row * length
            if let readers = part.readers, !continuingReaders {
                readers.reset(local..<(local + 1))
                for position in 0..<chunk.lowerBound { readers.read(input[position], row: local) }
            }
            for step in 0..<(part.packedLengths?[local] ?? t) {
                let position = chunk.lowerBound + step
                let index = starts[step] + local
                part.inputTokens[index] = position == 0 ? Int32(config.startToken) : input[position - 1]
                part.targets[index] = sequence[position]
                if let weights { part.rowWeights[index] = weights[row * t + step] }
                if let readers = part.readers, let masks = part.masks {
                    readers.fillFeatures(
                        row: local, into: part.inputs.base + index * width + config.embeddingSize)
                    let mask = masks.base + index * v
                    readers.fillMask(row: local, vocabularySize: v, into: mask)
                    // A true token outside the grammar is scored without the mask.
                    if mask[Int(sequence[position])] != 0 { mask.update(repeating: 0, count: v) }
                    readers.read(input[position], row: local)
                }
            }
        }
        let rows = starts[t]
        embedding.forward(
            tokens: part.inputTokens, count: rows, parameters: parameters, into: part.inputs.base,
            rowStride: width)
        lstm.forward(
            input: part.inputs.base, steps: t, batch: b, lengths: part.packedLengths,
            initialState: initialState, training: training, parameters: parameters, cache: part.cache)
    }

    /// Adds the gradient of the weighted negative log-likelihood of a batch to
    /// `arena.gradients` (which it first sets to zero) and returns the loss.
    ///
    /// The loss is `sum over b, t of w[b][t] * -log G(y[b][t] | y[b][<t])`, with `w` given per
    /// token (policy-gradient rewards) or `uniformWeight` for every token (MLE uses
    /// `1 / (B T)`, the mean).
    ///
    /// With a conditioning, each row's reader replays the inputs: its features are the last
    /// `F` values of each step's input, and `G` is the masked softmax (see ``conditioning``).
    /// Only the embedding's `E` columns of the input gradient reach the embedding table.
    ///
    /// - Parameters:
    ///   - sequences: `[B, T]` token ids, batch-major.
    ///   - inputs: `[B, T]` tokens fed after the start token (step `t` reads `inputs[b][t-1]`);
    ///     `nil` feeds `sequences` itself (teacher forcing).
    ///   - weights: `[B, T]` per-token weights, or `nil`.
    ///   - dropoutSeed: Seeds the dropout masks between LSTM layers (each partition of the
    ///     batch draws from its own stream of it); `nil` runs without dropout.
    ///   - temperature: `G` is the softmax of the logits divided by it: the distribution that
    ///     sampling at this temperature draws from (1: the model's own).
    public func accumulateGradients(
        sequences: UnsafePointer<Int32>, inputs: UnsafePointer<Int32>? = nil, batch: Int,
        weights: UnsafePointer<Float>? = nil, uniformWeight: Float = 1, dropoutSeed: UInt64? = nil,
        temperature: Float = 1, workspace: Workspace
    ) -> Double {
        accumulateGradients(
            sequences: sequences, inputs: inputs, rowLength: config.sequenceLength,
            chunk: 0..<config.sequenceLength, carryState: false, batch: batch, weights: weights,
            uniformWeight: uniformWeight, dropoutSeed: dropoutSeed, temperature: temperature, workspace: workspace)
    }

    /// ``accumulateGradients(sequences:inputs:batch:weights:uniformWeight:dropoutSeed:temperature:workspace:)``
    /// over positions `chunk` (at most `T` of them) of longer `[B, S]` sequences.
    ///
    /// With `carryState`, a chunk after the first starts from the state each sequence reached
    /// at the end of the previous chunk of the same batch (kept in the workspace, detached: no
    /// gradient flows back into the previous chunk), and the chunk's final state is kept for
    /// the next; a chunk starting at position 0, or any chunk without `carryState`, starts
    /// from zero. With a conditioning, each row's reader is carried the same way (reset at
    /// position 0); a chunk that does not carry replays its reader over the row's tokens
    /// before the chunk instead, so its features and masks are those of the whole row.
    ///
    /// With `rowLengths`, a row's positions from its length on carry no weight and are not
    /// run at all: the rows are dealt to the partitions by length and packed
    /// (``assignRows(batch:rowLengths:workspace:)``, ``layOutRows(chunk:rowLengths:in:)``).
    ///
    /// - Parameters:
    ///   - rowLength: `S`, the length of every row of `sequences` and `inputs`.
    ///   - weights: `[B, chunk.count]` per-token weights of the chunk, or `nil`.
    ///   - rowLengths: `[B]` counted length of each whole row (positions `0..<S`), or `nil`
    ///     when every position is run.
    func accumulateGradients(
        sequences: UnsafePointer<Int32>, inputs: UnsafePointer<Int32>?, rowLength: Int,
        chunk: Range<Int>, carryState: Bool, batch: Int, weights: UnsafePointer<Float>?,
        rowLengths: UnsafePointer<Int>? = nil, uniformWeight: Float, dropoutSeed: UInt64?,
        temperature: Float = 1, workspace: Workspace
    ) -> Double {
        precondition(batch <= workspace.batchSize, "batch larger than the workspace")
        precondition(
            !chunk.isEmpty && chunk.count <= config.sequenceLength && chunk.upperBound <= rowLength,
            "a chunk holds 1 to T positions of the rows")
        let t = chunk.count
        let training = dropoutSeed != nil && lstm.dropout != nil
        var losses = [Double](repeating: 0, count: Generator.partitionCount)
        let parameters = UnsafePointer(arena.values.base)
        assignRows(batch: batch, rowLengths: rowLengths, workspace: workspace)
        losses.withUnsafeMutableBufferPointer { lossBuffer in
            parallelFor(Generator.partitionCount) { p in
                let part = workspace.partitions[p]
                let buffers = part.backward(config: config)
                // The first partition works straight in the arena; the others are added to it.
                let gradients = p == 0 ? arena.gradients.base : buffers.gradients.base
                gradients.update(repeating: 0, count: arena.gradients.count)
                let b = part.rowCount
                guard b > 0 else { return }
                let rows = layOutRows(chunk: chunk, rowLengths: rowLengths, in: part)
                // Every row of this partition ended before the chunk.
                guard rows > 0 else { return }
                let lengths = part.packedLengths
                if training, let dropoutSeed {
                    var random = SplitMix64(seed: dropoutSeed, stream: UInt64(p))
                    lstm.drawDropoutMasks(rows: rows, cache: part.cache, using: &random)
                }
                let continuing = carryState && chunk.lowerBound > 0
                // A packed row that runs no step keeps its carried state: from zero at the start.
                if carryState && !continuing { part.carry.zero() }
                let initialState = continuing ? part.carry : nil
                prepareConditioning(part)
                forwardTeacherForced(
                    sequences, inputs: inputs, rowLength: rowLength, chunk: chunk,
                    weights: weights, initialState: initialState, continuingReaders: continuing,
                    training: training, parameters: parameters, into: part)
                lossBuffer[p] = output.crossEntropy(
                    input: part.cache.output, targets: part.targets, rows: rows,
                    logitOffsets: part.masks.map { UnsafePointer($0.base) }, rowWeights: weights == nil ? nil : UnsafePointer(part.rowWeights.base),
                    uniformWeight: uniformWeight, temperature: temperature, inputGradient: buffers.hiddenGradient.base,
                    gradients: gradients, parameters: parameters,
                    workspace: part.outputWorkspace)
                lstm.backward(
                    input: part.inputs.base, steps: t, batch: b, lengths: lengths,
                    outputGradient: buffers.hiddenGradient.base,
                    inputGradient: buffers.inputGradient.base, initialState: initialState,
                    training: training, parameters: parameters, gradients: gradients,
                    cache: part.cache)
                if carryState {
                    lstm.copyFinalState(steps: t, batch: b, lengths: lengths, cache: part.cache, into: part.carry)
                }
                // Only the embedding's columns of the input gradient reach a parameter.
                embedding.backward(
                    tokens: part.inputTokens, count: rows,
                    outputGradient: buffers.inputGradient.base, gradients: gradients,
                    rowStride: inputWidth)
            }
        }
        for part in workspace.partitions.dropFirst() {
            VectorMath.add(part.backward(config: config).gradients.base, to: arena.gradients.base, count: arena.gradients.count)
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
                prepareConditioning(part)
                var c = p
                while c < chunkCount {
                    let range = (c * chunk)..<min(count, (c + 1) * chunk)
                    let first = sequences + range.lowerBound * t
                    let lengths = part.countedLengths
                    for row in 0..<range.count {
                        lengths[row] = config.sequenceEnd?.countedLength(of: first + row * t, length: t) ?? t
                    }
                    // Only the counted positions run.
                    part.takeRows(0..<range.count, longestFirst: lengths)
                    let rows = layOutRows(chunk: 0..<t, rowLengths: lengths, in: part)
                    forwardTeacherForced(first, weights: nil, parameters: parameters, into: part)
                    output.crossEntropy(
                        input: part.cache.output, targets: part.targets, rows: rows,
                        logitOffsets: part.masks.map { UnsafePointer($0.base) }, rowLosses: part.rowLosses.base, parameters: parameters,
                        workspace: part.outputWorkspace)
                    for local in 0..<range.count {
                        let row = part.batchRows[local]
                        var sum: Float = 0
                        for step in 0..<lengths[row] { sum += part.rowLosses[part.stepStarts[step] + local] }
                        out[range.lowerBound + row] = sum / Float(lengths[row])
                    }
                    c += Generator.partitionCount
                }
            }
        }
        return result
    }
}
