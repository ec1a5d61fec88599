import Foundation
import NeuralNetwork
import TensorCore

/// The SeqGAN discriminator, a Kim-2014 text CNN as in the released code: embedding `V x E`,
/// one ``Convolution1D`` bank per ``DiscriminatorConfig/FilterBank`` (ReLU, max over time),
/// the pooled features concatenated, one ``Highway`` layer, ``Dropout``, and a linear layer to
/// two classes with softmax cross-entropy plus an L2 penalty on that last layer.
///
/// Class 1 is "real" and class 0 "generated" (the released code's one-hot `[0, 1]` = real).
///
/// The work of a batch is cut into chunks that never depend on the number of cores, which
/// ``schedule`` hands to the threads as they come free (BLAS single-threaded inside each), so
/// results do not depend on scheduling and a core slowed by another process takes fewer
/// chunks instead of stalling the step. Each step is cut along the axis that makes its chunks
/// write disjoint memory, so that the parameter gradients go straight into
/// ``ParameterArena/gradients`` with no per-chunk copies to reduce (the arena holds about 7
/// million parameters at the paper's sizes; reducing copies of it per step would cost more
/// than the convolutions): the convolution banks (costliest first) over the whole batch; the
/// highway products by transform and gate half and blocks of the rows of their results (batch
/// rows, or input features for the weight gradient), the input gradient's halves summed
/// afterwards; elementwise work and the convolutions' input gradients by batch rows; the
/// convolutions' weight gradients by filter blocks. See `Discriminator+TrainingChunks.swift`.
///
/// Scoring (``probabilityReal(of:count:into:workspace:)``, ``evaluate(real:fake:workspaceSize:)``)
/// runs the convolutions by lookup in per-token projection tables, rebuilt when the
/// parameters change, and splits the sequences into chunks of a workspace slot's rows that
/// the threads take as they come free.
public final class Discriminator: @unchecked Sendable {
    /// The model's shape and training settings.
    public let config: DiscriminatorConfig
    /// Every parameter, and their gradients.
    public let arena: ParameterArena
    /// The optimiser of ``trainStep(sequences:labels:count:using:)`` (state is checkpointed).
    public let optimizer: Adam
    let embedding: Embedding
    let convolutions: [Convolution1D]
    /// The column of each bank's first feature in the concatenated `[B, F]` features.
    let featureOffsets: [Int]
    /// `F`, the total number of feature maps (the highway width).
    let featureCount: Int
    /// The banks in the order training hands them out, costliest first.
    let bankOrder: [Int]
    let highway: Highway
    let dropout: Dropout
    let output: SoftmaxOutputLayer

    /// A scoring workspace's row slots: a scoring chunk fills one slot, so at most this many
    /// threads score at once.
    static let slotCount = 2
    /// Chunks of the parameters in an Adam update.
    static let optimizerChunkCount = 32
    /// Chunks of each half of the vocabulary when the projection tables are rebuilt (each
    /// half cut at multiples of ``blasRowBlock`` tokens, so that the tables are bit for bit
    /// those built by halves).
    static let tableChunksPerHalf = 8
    /// Hands chunks of work to threads; results do not depend on it (tests vary it). Set it
    /// before the first training step or workspace, whose scratch slots follow its threads.
    var schedule = ChunkSchedule()
    /// The index of the "real" class.
    public static let realClass: Int32 = 1

    /// The convolutions' projection tables for scoring (see ``Convolution1D``'s
    /// `fillProjectionTable`), one `[V, w F]` block per bank, at `tableOffsets`.
    private(set) lazy var projectionTables = FloatBuffer(
        count: convolutions.reduce(0) {
            $0 + $1.projectionTableCount(vocabularySize: config.vocabularySize)
        })
    let tableOffsets: [Int]
    /// Counts changes of the parameters made through this class; the tables are rebuilt when
    /// they were built from another version.
    private(set) var parameterVersion = 0
    private var tableVersion = -1

    /// Scratch space of ``trainStep(sequences:labels:count:using:)``.
    private(set) lazy var trainingWorkspace = Workspace(
        batchSize: config.batchSize, discriminator: self)

    /// Creates a discriminator with all parameters zero; see ``initializeRandom(using:)``.
    ///
    /// The configuration must pass ``DiscriminatorConfig/validate()`` (check it first when it
    /// comes from a user).
    public init(config: DiscriminatorConfig) {
        do {
            try config.validate()
        } catch {
            preconditionFailure("\(error)")
        }
        self.config = config
        var layout = ParameterLayout()
        (embedding, convolutions, highway, output) = Discriminator.layers(for: config, layout: &layout)
        var offsets: [Int] = []
        var total = 0
        for bank in config.filterBanks {
            offsets.append(total)
            total += bank.count
        }
        featureOffsets = offsets
        featureCount = total
        var tableOffset = 0
        tableOffsets = convolutions.map { convolution in
            defer {
                tableOffset += convolution.projectionTableCount(
                    vocabularySize: config.vocabularySize)
            }
            return tableOffset
        }
        bankOrder = Discriminator.costliestFirst(config.filterBanks, steps: config.sequenceLength)
        dropout = Dropout(keepProbability: config.dropoutKeepProbability)
        arena = ParameterArena(layout: layout)
        optimizer = Adam(parameterCount: arena.values.count, learningRate: config.learningRate)
    }

    /// The layers of a discriminator of `config`, registered in `layout` in the order of its
    /// parameters (nothing is allocated).
    static func layers(
        for config: DiscriminatorConfig, layout: inout ParameterLayout
    ) -> (Embedding, [Convolution1D], Highway, SoftmaxOutputLayer) {
        let embedding = Embedding(
            name: "embedding", vocabularySize: config.vocabularySize,
            dimension: config.embeddingSize, layout: &layout)
        let convolutions = config.filterBanks.enumerated().map { index, bank in
            Convolution1D(
                name: "convolution\(index)", window: bank.window, inputWidth: config.embeddingSize,
                filterCount: bank.count, layout: &layout)
        }
        let features = config.filterBanks.reduce(0) { $0 + $1.count }
        let highway = Highway(
            name: "highway", size: features, gateBias: config.highwayGateBias, layout: &layout)
        let output = SoftmaxOutputLayer(
            name: "output", inputSize: features, classCount: 2, layout: &layout)
        return (embedding, convolutions, highway, output)
    }

    /// The names and shapes of the parameters of a discriminator of `config`, without
    /// allocating it.
    public static func parameterLayout(for config: DiscriminatorConfig) -> ParameterLayout {
        var layout = ParameterLayout()
        _ = layers(for: config, layout: &layout)
        return layout
    }

    /// The banks' indices, the costliest first (cost: positions x window x filters), so that
    /// threads taking them in turn end close together.
    static func costliestFirst(_ banks: [DiscriminatorConfig.FilterBank], steps: Int) -> [Int] {
        let costs = banks.map { (steps - $0.window + 1) * $0.window * $0.count }
        return banks.indices.sorted { (costs[$0], $1) > (costs[$1], $0) }
    }

    /// Initialises the parameters as the released code does: embedding uniform in
    /// `[-1, 1)`; convolution weights truncated normal (σ 0.1, redrawn beyond 2σ) and biases
    /// 0.1; the output layer likewise; the highway weights and biases Glorot-uniform
    /// (TensorFlow's default for `get_variable`, which the released code's `linear` uses:
    /// limit `sqrt(6 / (I + I))` for the `[I, I]` matrices and, with TensorFlow's fan rule for
    /// vectors, the same limit for the biases).
    public func initializeRandom<G: RandomNumberGenerator>(using generator: inout G) {
        let values = arena.values.base
        arena.values.zero()
        func fill(_ slot: ParameterSlot, _ draw: (inout G) -> Float) {
            for i in 0..<slot.count { values[slot.offset + i] = draw(&generator) }
        }
        func truncatedNormal(_ random: inout G) -> Float {
            while true {
                let x = random.nextNormal()
                if abs(x) <= 2 { return Float(x * 0.1) }
            }
        }
        fill(embedding.table) { Float($0.nextUnitDouble() * 2 - 1) }
        for convolution in convolutions {
            fill(convolution.weights, truncatedNormal)
            fill(convolution.bias) { _ in 0.1 }
        }
        let limit = (6 / Double(2 * featureCount)).squareRoot()
        fill(highway.weights) { Float(($0.nextUnitDouble() * 2 - 1) * limit) }
        fill(highway.bias) { Float(($0.nextUnitDouble() * 2 - 1) * limit) }
        fill(output.weights, truncatedNormal)
        fill(output.bias) { _ in 0.1 }
        parametersDidChange()
    }

    /// Records that the parameters changed. The discriminator's own methods (training,
    /// loading, initialisation) call it; code that writes `arena.values` directly must call it
    /// before scoring, so that the scoring tables are rebuilt.
    public func parametersDidChange() { parameterVersion &+= 1 }

    /// Rebuilds the projection tables if the parameters changed since they were built.
    func prepareProjectionTables() {
        guard tableVersion != parameterVersion else { return }
        let parameters = UnsafePointer(arena.values.base)
        let embeddings = parameters + embedding.table.offset
        let tables = projectionTables.base
        let v = config.vocabularySize
        let perHalf = Discriminator.tableChunksPerHalf
        schedule.run(2 * perHalf) { chunk, _ in
            let half = Discriminator.part(chunk / perHalf, of: 2, in: v)
            let block = Discriminator.blasPart(chunk % perHalf, of: perHalf, in: half.count)
            let tokens = (half.lowerBound + block.lowerBound)..<(half.lowerBound + block.upperBound)
            for (bank, convolution) in convolutions.enumerated() {
                convolution.fillProjectionTable(
                    embeddings: embeddings, tokens: tokens, parameters: parameters,
                    table: tables + tableOffsets[bank])
            }
        }
        tableVersion = parameterVersion
    }

    /// Scratch space for batches of up to `batchSize` sequences, allocated once and reused.
    /// In scoring, the thread in slot `s` works in rows `s * share ..< (s + 1) * share`.
    public final class Workspace: @unchecked Sendable {
        /// The largest batch it holds.
        public let batchSize: Int
        /// Rows per scoring slot.
        let share: Int
        /// `[B, T, E]` embedded tokens, and their gradient.
        let embedded: FloatBuffer
        let embeddedGradient: FloatBuffer
        /// `[T, B, E]`: the embedded tokens time-major, for the training convolutions.
        let timeMajorEmbedded: FloatBuffer
        /// `[B, F]` pooled features (the highway input), and their gradient.
        let features: FloatBuffer
        let featureGradient: FloatBuffer
        /// `[B, F]`: the feature gradient's part through the highway's gate columns (the
        /// transform part goes to `featureGradient`, and this is added to it).
        let gateFeatureGradient: FloatBuffer
        /// `[B, F]` position of each feature's maximum.
        let argmax: UnsafeMutablePointer<Int32>
        let highway: Highway.Cache
        /// `[B, F]` dropout mask, dropped features, and their gradient (turned in place into
        /// the highway output's gradient).
        let mask: FloatBuffer
        let dropped: FloatBuffer
        let droppedGradient: FloatBuffer
        /// `[B, 2]` logits.
        let logits: FloatBuffer
        let outputWorkspace: SoftmaxOutputLayer.Workspace
        /// One convolution scratch area per thread of the discriminator's schedule (at least
        /// one per scoring slot).
        let convolutionScratch: [FloatBuffer]
        /// The running maxima of sampled sequences' windows when scoring roll-out completions
        /// (see `scoreCompletions`), grown on first use and then reused.
        var prefixMaxima = FloatBuffer(count: 0)

        /// Allocates room for batches of up to `batchSize` sequences of `discriminator`.
        public init(batchSize: Int, discriminator: Discriminator) {
            precondition(batchSize > 0, "empty workspace")
            let config = discriminator.config
            let f = discriminator.featureCount
            self.batchSize = batchSize
            let share = (batchSize + Discriminator.slotCount - 1) / Discriminator.slotCount
            self.share = share
            let tokens = batchSize * config.sequenceLength * config.embeddingSize
            embedded = FloatBuffer(count: tokens)
            timeMajorEmbedded = FloatBuffer(count: tokens)
            embeddedGradient = FloatBuffer(count: tokens)
            features = FloatBuffer(count: batchSize * f)
            featureGradient = FloatBuffer(count: batchSize * f)
            gateFeatureGradient = FloatBuffer(count: batchSize * f)
            argmax = .allocate(capacity: batchSize * f)
            argmax.initialize(repeating: 0, count: batchSize * f)
            highway = Highway.Cache(capacity: batchSize, size: f)
            mask = FloatBuffer(count: batchSize * f)
            dropped = FloatBuffer(count: batchSize * f)
            droppedGradient = FloatBuffer(count: batchSize * f)
            logits = FloatBuffer(count: batchSize * 2)
            outputWorkspace = SoftmaxOutputLayer.Workspace(classCount: 2)
            let scratch = discriminator.convolutions.map {
                max(
                    $0.scratchCount(batch: batchSize),
                    $0.timeMajorScratchCount(steps: config.sequenceLength, batch: batchSize))
            }.max()!
            let workers = max(Discriminator.slotCount, discriminator.schedule.threads)
            convolutionScratch = (0..<workers).map { _ in
                FloatBuffer(count: scratch)
            }
        }

        deinit { argmax.deallocate() }
    }

    /// Runs the convolutions (from the projection tables, or as products on the embedded
    /// tokens when `config.projectionTables` is off) and the highway layer on `rows` of a
    /// batch, for scoring.
    ///
    /// - Parameters:
    ///   - tokens: `[rows.count, T]`, the first of the rows.
    ///   - sharedPrefix: With projection tables, the pooled leading windows of the `i`-th row
    ///     (``Convolution1D``'s `runningMaxima`) for bank `bank`: `sharedPrefix(i, bank)`.
    func scoreFeatures(
        tokens: UnsafePointer<Int32>, rows: Range<Int>, parameters: UnsafePointer<Float>,
        workspace: Workspace, scratch: UnsafeMutablePointer<Float>,
        sharedPrefix: SharedPrefix? = nil
    ) {
        guard !rows.isEmpty else { return }
        let t = config.sequenceLength
        let f = featureCount
        let first = rows.lowerBound * f
        if config.projectionTables {
            for n in 0..<(rows.count * t) {
                let token = Int(tokens[n])
                precondition(
                    token >= 0 && token < config.vocabularySize, "token \(token) outside vocabulary")
            }
            for (bank, convolution) in convolutions.enumerated() {
                let table = projectionTables.base + tableOffsets[bank]
                let output = workspace.features.base + first + featureOffsets[bank]
                if let sharedPrefix {
                    convolution.forward(
                        tokens: tokens, steps: t, batch: rows.count, table: table, parameters: parameters,
                        output: output, outputStride: f
                    ) { sharedPrefix($0, bank) }
                } else {
                    convolution.forward(
                        tokens: tokens, steps: t, batch: rows.count, table: table, parameters: parameters,
                        output: output, outputStride: f)
                }
            }
        } else {
            let embedded = workspace.embedded.base + rows.lowerBound * t * config.embeddingSize
            embedding.forward(
                tokens: tokens, count: rows.count * t, parameters: parameters, into: embedded)
            for (bank, convolution) in convolutions.enumerated() {
                convolution.forward(
                    input: embedded, steps: t, batch: rows.count, parameters: parameters,
                    output: workspace.features.base + first + featureOffsets[bank],
                    argmax: workspace.argmax + first + featureOffsets[bank], outputStride: f,
                    scratch: scratch)
            }
        }
        highway.forward(
            input: workspace.features.base, rows: rows, parameters: parameters,
            cache: workspace.highway)
    }

    /// Runs the model without dropout on `count` sequences, in chunks of one slot's share of
    /// `workspace` that the threads (one per slot) take as they come free, and hands each
    /// chunk's `[n, 2]` logits to `consume` with the chunk's range of sequences.
    ///
    /// The convolutions use the projection tables (rebuilt first if the parameters changed),
    /// and every sequence is computed on its own row, so its logits depend on the others in
    /// its chunk only through the float rounding of the highway product (BLAS may pick other
    /// kernels for other heights). `consume` runs concurrently for different chunks. Not to be
    /// called from several threads at once.
    ///
    /// `sharedPrefix(n, bank)`, given, says which leading windows of sequence `n` are pooled
    /// already (see ``scoreFeatures(tokens:rows:parameters:workspace:scratch:sharedPrefix:)``).
    func scoreLogits(
        of sequences: UnsafePointer<Int32>, count: Int, workspace: Workspace,
        sharedPrefix: SharedPrefix? = nil, consume: (Range<Int>, UnsafePointer<Float>) -> Void
    ) {
        if config.projectionTables { prepareProjectionTables() }
        let t = config.sequenceLength
        let f = featureCount
        let chunk = workspace.share
        let chunkCount = (count + chunk - 1) / chunk
        let parameters = UnsafePointer(arena.values.base)
        schedule.run(chunkCount, maximumWorkers: Discriminator.slotCount) { c, slot in
            let range = (c * chunk)..<min(count, (c + 1) * chunk)
            let rows = (slot * chunk)..<(slot * chunk + range.count)
            scoreFeatures(
                tokens: sequences + range.lowerBound * t, rows: rows, parameters: parameters,
                workspace: workspace, scratch: workspace.convolutionScratch[slot].base,
                sharedPrefix: sharedPrefix.map { shared in { shared(range.lowerBound + $0, $1) } })
            let logits = workspace.logits.base + rows.lowerBound * 2
            output.logits(
                input: workspace.highway.output.base + rows.lowerBound * f, rows: rows.count,
                parameters: parameters, into: logits)
            consume(range, logits)
        }
    }

    /// The probability that each of `count` sequences is real, `D(Y)`, with dropout off:
    /// the reward of the policy gradient.
    ///
    /// The convolutions run by lookup in projection tables (`V x sum(w F)` floats, 250 MB at
    /// the paper's sizes; see ``DiscriminatorConfig/projectionTables``) that are rebuilt on
    /// the first call after the parameters change; the threads take chunks of a `workspace` slot's rows as they come free. Not to be called from
    /// several threads at once.
    ///
    /// - Parameters:
    ///   - sequences: `[count, T]` token ids, batch-major.
    ///   - probabilities: Receives `count` values.
    ///   - workspace: Scratch space; a larger one (a few hundred rows) makes bigger products.
    public func probabilityReal(
        of sequences: UnsafePointer<Int32>, count: Int,
        into probabilities: UnsafeMutablePointer<Float>, workspace: Workspace
    ) {
        scoreLogits(of: sequences, count: count, workspace: workspace) { range, logits in
            Discriminator.writeProbabilityReal(logits, rows: range, into: probabilities)
        }
    }

    /// `softmax([z0, z1])[1]` of each row of `[n, 2]` logits, into `probabilities[rows]`.
    static func writeProbabilityReal(
        _ logits: UnsafePointer<Float>, rows: Range<Int>, into probabilities: UnsafeMutablePointer<Float>
    ) {
        for (row, n) in rows.enumerated() {
            probabilities[n] = 1 / (1 + Foundation.exp(logits[2 * row] - logits[2 * row + 1]))
        }
    }

    /// The mean cross-entropy plus the L2 penalty (the loss that training minimises) and the
    /// accuracy over `real` and `fake` sequences, with dropout off.
    ///
    /// - Parameters:
    ///   - real, fake: `[n, T]` token ids each, batch-major.
    public func evaluate(
        real: [Int32], fake: [Int32], workspaceSize: Int = 256
    ) -> (loss: Double, accuracy: Double) {
        let t = config.sequenceLength
        precondition(real.count % t == 0 && fake.count % t == 0, "sequences must have length \(t)")
        let sequences = real + fake
        let realCount = real.count / t
        let count = sequences.count / t
        guard count > 0 else { return (0, 0) }
        var losses = [Double](repeating: 0, count: count)
        var correct = [Bool](repeating: false, count: count)
        let workspace = Workspace(batchSize: workspaceSize, discriminator: self)
        sequences.withUnsafeBufferPointer { tokens in
            losses.withUnsafeMutableBufferPointer { loss in
                correct.withUnsafeMutableBufferPointer { right in
                    scoreLogits(of: tokens.baseAddress!, count: count, workspace: workspace) {
                        range, logits in
                        for (row, n) in range.enumerated() {
                            let label = n < realCount ? 1 : 0
                            let z0 = Double(logits[2 * row])
                            let z1 = Double(logits[2 * row + 1])
                            let top = max(z0, z1)
                            let logSum =
                                top
                                + Foundation.log(
                                    Foundation.exp(z0 - top) + Foundation.exp(z1 - top))
                            loss[n] = logSum - (label == 1 ? z1 : z0)
                            right[n] = (z1 > z0 ? 1 : 0) == label
                        }
                    }
                }
            }
        }
        let penalty = l2Penalty(
            of: [output.weights, output.bias], coefficient: config.l2Coefficient,
            parameters: arena.values.base)
        let meanLoss = losses.reduce(0, +) / Double(count)
        return (meanLoss + penalty, Double(correct.filter { $0 }.count) / Double(count))
    }
}
