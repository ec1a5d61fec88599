import NeuralNetwork
import TensorCore

/// The training pass's work, one chunk at a time: each function below runs one layer's forward
/// or backward step on a part of the batch (rows), of the highway's columns, of a bank's
/// filters, or one whole bank, reading and writing the buffers of a ``Discriminator/Workspace``
/// and the parameter arena. ``Discriminator/accumulateGradients(sequences:labels:count:workspace:applyDropout:)``
/// hands the chunks of each step to the threads through ``Discriminator/schedule``.
///
/// The chunks never depend on the number of threads, and each is cut along an axis that keeps
/// every output element's arithmetic the same whatever the cut (one sequence's elementwise
/// work, one filter's sums, a block of a product's columns or rows), so the results are bit
/// for bit those of a single thread. OpenBLAS computes an element of a product according to
/// its place in the kernel's register tiles, so the highway products are cut only inside its
/// transform and gate halves and only along the rows of their results, at multiples of
/// ``blasRowBlock`` rows: each element keeps the place it has in the product over the whole
/// half (cutting the columns, or rows at other multiples, changes the last bits). The one sum
/// of partial results, the feature gradient's transform-half and gate-half parts, goes through
/// a slot per part and is added in a fixed order.
extension Discriminator {
    /// Chunks of rows in the row-wise steps.
    static let rowChunkCount = 8
    /// Chunks of a product's result start at multiples of this many rows: the register tile
    /// height of OpenBLAS's single-precision Haswell kernel (a multiple of the others'), so that
    /// each element is computed as in the uncut product.
    static let blasRowBlock = 12
    /// Batch rows per chunk of the highway's projection and input gradient, a multiple of
    /// ``blasRowBlock``. Each such chunk streams a whole half of the weights (12 MB at the
    /// paper's sizes) from memory, so the blocks are large: at batch 64, two per half (36 and
    /// 28 rows), four chunks per product. Blocks of 12 rows cost a quarter more CPU time per
    /// epoch in that traffic.
    static let highwayRowBlock = 36
    /// Chunks of the `F` rows of each half of the highway weight gradient.
    static let featureChunkCount = 8
    /// Chunks of every bank's filters in the convolutions' weight gradients.
    static let filterChunkCount = 8

    /// Part `index` of `count` near-equal parts of `0..<total`.
    static func part(_ index: Int, of count: Int, in total: Int) -> Range<Int> {
        (index * total / count)..<((index + 1) * total / count)
    }

    /// Part `index` of `count` parts of `0..<total`, each starting at a multiple of
    /// ``blasRowBlock`` (some parts are empty when `total` is small).
    static func blasPart(_ index: Int, of count: Int, in total: Int) -> Range<Int> {
        func boundary(_ i: Int) -> Int { i == count ? total : (i * total / count) / blasRowBlock * blasRowBlock }
        return boundary(index)..<boundary(index + 1)
    }

    /// Chunks of ``highwayRowBlock`` rows in a batch of `count`.
    static func blasRowChunkCount(_ count: Int) -> Int { (count + highwayRowBlock - 1) / highwayRowBlock }

    /// Rows `chunk` of ``blasRowChunkCount(_:)``.
    static func blasRows(_ chunk: Int, count: Int) -> Range<Int> {
        (chunk * highwayRowBlock)..<min(count, (chunk + 1) * highwayRowBlock)
    }

    /// Half `half` (0: transform, 1: gate) of the highway's `2F` columns.
    func highwayHalf(_ half: Int) -> Range<Int> { (half * highway.size)..<((half + 1) * highway.size) }

    // MARK: Forward

    /// The chunks of ``convolveChunk(_:count:parameters:workspace:scratch:)``: one per bank,
    /// then the two ranges of gradients that are accumulated (and so zeroed first).
    var convolutionChunkCount: Int { convolutions.count + 2 }

    /// Chunk `chunk` of the forward convolutions: bank `bankOrder[chunk]` (the costliest
    /// first) over the whole time-major batch, into its columns of `workspace.features` and
    /// `workspace.argmax`; or, for the last two chunks, zeroes the gradients that the
    /// backward steps add to (the embedding's and convolutions', and the output layer's; the
    /// highway's are overwritten).
    func convolveChunk(
        _ chunk: Int, count: Int, parameters: UnsafePointer<Float>, workspace: Workspace,
        scratch: UnsafeMutablePointer<Float>
    ) {
        let gradients = arena.gradients.base
        switch chunk - convolutions.count {
        case 0:
            gradients.update(repeating: 0, count: highway.weights.offset)
        case 1:
            (gradients + output.weights.offset).update(
                repeating: 0, count: arena.gradients.count - output.weights.offset)
        default:
            let bank = bankOrder[chunk]
            convolutions[bank].forward(
                timeMajorInput: workspace.timeMajorEmbedded.base, steps: config.sequenceLength,
                batch: count, parameters: parameters,
                output: workspace.features.base + featureOffsets[bank],
                argmax: workspace.argmax + featureOffsets[bank], outputStride: featureCount,
                scratch: scratch)
        }
    }

    /// The chunks of ``projectHighwayChunk(_:count:parameters:workspace:)`` for a batch of
    /// `count`: each half of the columns by row blocks.
    static func projectionChunkCount(_ count: Int) -> Int { 2 * blasRowChunkCount(count) }

    /// Chunk `chunk` of the highway pre-activations: a block of rows, one half of the columns.
    func projectHighwayChunk(
        _ chunk: Int, count: Int, parameters: UnsafePointer<Float>, workspace: Workspace
    ) {
        let blocks = Discriminator.blasRowChunkCount(count)
        highway.project(
            input: workspace.features.base, rows: Discriminator.blasRows(chunk % blocks, count: count),
            columns: highwayHalf(chunk / blocks), parameters: parameters, cache: workspace.highway)
    }

    /// The highway nonlinearities of rows `rows` and, with `applyDropout`, the dropout mask.
    func activateHighway(rows: Range<Int>, workspace: Workspace, applyDropout: Bool) {
        guard !rows.isEmpty else { return }
        let f = featureCount
        highway.activate(input: workspace.features.base, rows: rows, cache: workspace.highway)
        if applyDropout {
            let first = rows.lowerBound * f
            dropout.apply(
                mask: workspace.mask.base + first, to: workspace.highway.output.base + first,
                count: rows.count * f, into: workspace.dropped.base + first)
        }
    }

    // MARK: Backward

    /// Rows `rows` back through dropout (in place in `workspace.droppedGradient`) and the
    /// highway nonlinearities, into the highway cache's pre-activation gradient.
    func backpropagateHighwayActivations(rows: Range<Int>, workspace: Workspace, applyDropout: Bool) {
        guard !rows.isEmpty else { return }
        let outputGradient = workspace.droppedGradient.base
        if applyDropout {
            let first = rows.lowerBound * featureCount
            dropout.apply(
                mask: workspace.mask.base + first, to: outputGradient + first,
                count: rows.count * featureCount, into: outputGradient + first)
        }
        highway.backpropagateActivations(
            input: workspace.features.base, outputGradient: outputGradient, rows: rows,
            cache: workspace.highway)
    }

    /// The chunks of ``highwayGradientChunk(_:count:parameters:workspace:)`` for a batch of
    /// `count`: the weight gradient by halves (transform, gate) and feature blocks, then the
    /// input gradient by halves and row blocks.
    static func highwayGradientChunkCount(_ count: Int) -> Int {
        2 * featureChunkCount + 2 * blasRowChunkCount(count)
    }

    /// Chunk `chunk` of the highway's backward products. The first `2` ``featureChunkCount``
    /// chunks write the weight gradient of a block of input features and one half of the
    /// columns over the whole batch (and that half's bias gradient with the first block); the
    /// others write, for a block of rows, the input gradient through the transform half of the
    /// columns plus the carry term into `workspace.featureGradient`, or through the gate half
    /// into `workspace.gateFeatureGradient` (the two are added afterwards).
    func highwayGradientChunk(
        _ chunk: Int, count: Int, parameters: UnsafePointer<Float>, workspace: Workspace
    ) {
        let featureChunks = Discriminator.featureChunkCount
        if chunk < 2 * featureChunks {
            let features = Discriminator.blasPart(chunk % featureChunks, of: featureChunks, in: highway.size)
            guard !features.isEmpty else { return }
            highway.accumulateParameterGradients(
                input: workspace.features.base, rows: count, columns: highwayHalf(chunk / featureChunks),
                features: features, gradients: arena.gradients.base, overwrite: true,
                cache: workspace.highway)
            return
        }
        let blocks = Discriminator.blasRowChunkCount(count)
        let half = (chunk - 2 * featureChunks) / blocks
        highway.inputGradient(
            outputGradient: workspace.droppedGradient.base,
            rows: Discriminator.blasRows((chunk - 2 * featureChunks) % blocks, count: count),
            columns: highwayHalf(half), includingCarry: half == 0,
            parameters: parameters, cache: workspace.highway,
            into: half == 0 ? workspace.featureGradient.base : workspace.gateFeatureGradient.base)
    }

    /// Rows `rows`: the feature gradient's two halves added, then back through the max over
    /// time and every bank's convolution into `workspace.embeddedGradient`.
    func backpropagateConvolutionInputs(rows: Range<Int>, workspace: Workspace) {
        guard !rows.isEmpty else { return }
        let t = config.sequenceLength
        let e = config.embeddingSize
        let f = featureCount
        let first = rows.lowerBound * f
        VectorMath.add(
            workspace.gateFeatureGradient.base + first, to: workspace.featureGradient.base + first,
            count: rows.count * f)
        let embeddedGradient = workspace.embeddedGradient.base + rows.lowerBound * t * e
        embeddedGradient.update(repeating: 0, count: rows.count * t * e)
        for (bank, convolution) in convolutions.enumerated() {
            let column = first + featureOffsets[bank]
            convolution.accumulateInputGradient(
                steps: t, batch: rows.count,
                outputGradient: workspace.featureGradient.base + column,
                output: workspace.features.base + column, argmax: workspace.argmax + column,
                outputStride: f, parameters: arena.values.base,
                inputGradient: embeddedGradient)
        }
    }

    /// The chunks of ``parameterGradientChunk(_:sequences:count:workspace:)``: the embedding,
    /// then the convolutions' filters in ``filterChunkCount`` parts.
    static var parameterGradientChunkCount: Int { 1 + filterChunkCount }

    /// Chunk `chunk` of the last backward step: 0 adds the embedding's gradient; chunk `c + 1`
    /// adds the weight and bias gradients of part `c` of every bank's filters.
    func parameterGradientChunk(
        _ chunk: Int, sequences: UnsafePointer<Int32>, count: Int, workspace: Workspace
    ) {
        let t = config.sequenceLength
        let gradients = arena.gradients.base
        guard chunk > 0 else {
            embedding.backward(
                tokens: sequences, count: count * t,
                outputGradient: workspace.embeddedGradient.base, gradients: gradients)
            return
        }
        for (bank, convolution) in convolutions.enumerated() {
            let column = featureOffsets[bank]
            convolution.accumulateParameterGradients(
                input: workspace.embedded.base, steps: t, batch: count,
                outputGradient: workspace.featureGradient.base + column,
                output: workspace.features.base + column, argmax: workspace.argmax + column,
                outputStride: featureCount,
                filters: Discriminator.part(
                    chunk - 1, of: Discriminator.filterChunkCount, in: convolution.filterCount),
                gradients: gradients)
        }
    }
}
