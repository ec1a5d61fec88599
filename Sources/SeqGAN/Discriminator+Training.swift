import NeuralNetwork
import TensorCore

extension Discriminator {
    /// One Adam update on a batch: forward with dropout, mean cross-entropy plus the L2
    /// penalty, backward, update. No gradient clipping (the released code's discriminator
    /// applies Adam's gradients unclipped).
    ///
    /// - Parameters:
    ///   - sequences: `[count, T]` token ids, batch-major.
    ///   - labels: `count` classes, ``realClass`` (1) for real, 0 for generated.
    ///   - count: At most `config.batchSize`.
    ///   - generator: Draws the dropout mask.
    /// - Returns: The loss before the update and the batch's accuracy (with dropout).
    @discardableResult
    public func trainStep(
        sequences: UnsafePointer<Int32>, labels: UnsafePointer<Int32>, count: Int,
        using generator: inout some RandomNumberGenerator
    ) -> (loss: Double, accuracy: Double) {
        let workspace = trainingWorkspace
        precondition(count > 0 && count <= workspace.batchSize, "batch of \(count) does not fit")
        dropout.drawMask(workspace.mask.base, count: count * featureCount, using: &generator)
        let loss = accumulateGradients(
            sequences: sequences, labels: labels, count: count, workspace: workspace,
            applyDropout: true)
        var correct = 0
        for n in 0..<count {
            let predicted: Int32 = workspace.logits[2 * n + 1] > workspace.logits[2 * n] ? 1 : 0
            if predicted == labels[n] { correct += 1 }
        }
        optimizer.update(arena, partitions: Discriminator.partitionCount)
        parametersDidChange()
        return (loss, Double(correct) / Double(count))
    }

    /// Sets `arena.gradients` to the gradient of the loss of a batch and returns the loss
    /// (mean cross-entropy plus the L2 penalty); leaves the batch's logits in
    /// `workspace.logits`.
    ///
    /// - Parameter applyDropout: Multiply the highway output by `workspace.mask` (which the
    ///   caller has drawn); otherwise dropout is off.
    func accumulateGradients(
        sequences: UnsafePointer<Int32>, labels: UnsafePointer<Int32>, count: Int,
        workspace: Workspace, applyDropout: Bool
    ) -> Double {
        let t = config.sequenceLength
        let e = config.embeddingSize
        let f = featureCount
        let parameters = UnsafePointer(arena.values.base)
        let gradients = arena.gradients.base
        let parts = Discriminator.partitionCount
        let features = UnsafePointer(workspace.features.base)
        let outputGradient = workspace.droppedGradient.base
        let highwayOutput = applyDropout ? workspace.dropped : workspace.highway.output

        // Forward. The embedding (small) serially; then the convolution banks shared out
        // between the partitions, each over the whole batch (taller products); the slots
        // whose gradients are accumulated are zeroed alongside (the highway gradient is
        // overwritten, so its 6 million values need no zeroing).
        embedding.forward(
            tokens: sequences, count: count * t, parameters: parameters,
            into: workspace.embedded.base)
        // The convolutions run on a time-major copy (one tall product per window offset).
        for row in 0..<count {
            for step in 0..<t {
                (workspace.timeMajorEmbedded.base + (step * count + row) * e).update(
                    from: workspace.embedded.base + (row * t + step) * e, count: e)
            }
        }
        let zeroed = [0..<highway.weights.offset, output.weights.offset..<arena.gradients.count]
        parallelFor(parts) { p in
            let range = zeroed[p % zeroed.count]
            (gradients + range.lowerBound).update(repeating: 0, count: range.count)
            for bank in bankPartitions[p] {
                convolutions[bank].forward(
                    timeMajorInput: workspace.timeMajorEmbedded.base, steps: t, batch: count,
                    parameters: parameters, output: workspace.features.base + featureOffsets[bank],
                    argmax: workspace.argmax + featureOffsets[bank], outputStride: f,
                    scratch: workspace.convolutionScratch[p].base)
            }
        }
        parallelFor(parts) { p in
            highway.project(
                input: features, rows: 0..<count, columns: highwayBlock(p), parameters: parameters,
                cache: workspace.highway)
        }
        parallelFor(parts) { p in
            let rows = workspace.rows(p, count: count)
            guard !rows.isEmpty else { return }
            highway.activate(input: features, rows: rows, cache: workspace.highway)
            if applyDropout {
                let first = rows.lowerBound * f
                dropout.apply(
                    mask: workspace.mask.base + first, to: workspace.highway.output.base + first,
                    count: rows.count * f, into: workspace.dropped.base + first)
            }
        }

        // The output layer over the whole batch (two classes: small).
        let crossEntropy = output.crossEntropy(
            input: highwayOutput.base, targets: labels, rows: count,
            uniformWeight: 1 / Float(count), inputGradient: outputGradient,
            gradients: gradients, parameters: parameters, workspace: workspace.outputWorkspace)
        output.logits(
            input: highwayOutput.base, rows: count, parameters: parameters,
            into: workspace.logits.base)
        let penalty = l2Penalty(
            of: [output.weights, output.bias], coefficient: config.l2Coefficient,
            parameters: parameters, gradients: gradients)

        // Back through dropout and the highway nonlinearities, by rows.
        parallelFor(parts) { p in
            let rows = workspace.rows(p, count: count)
            guard !rows.isEmpty else { return }
            if applyDropout {
                let first = rows.lowerBound * f
                dropout.apply(
                    mask: workspace.mask.base + first, to: outputGradient + first,
                    count: rows.count * f, into: outputGradient + first)
            }
            highway.backpropagateActivations(
                input: features, outputGradient: outputGradient, rows: rows,
                cache: workspace.highway)
        }

        // Highway weights and the highway input gradient by column block (each partition
        // reads half of the weights; the first adds the carry term).
        parallelFor(parts) { p in
            highway.accumulateParameterGradients(
                input: features, rows: count, columns: highwayBlock(p), gradients: gradients,
                overwrite: true, cache: workspace.highway)
            highway.inputGradient(
                outputGradient: outputGradient, rows: 0..<count, columns: highwayBlock(p),
                includingCarry: p == 0, parameters: parameters, cache: workspace.highway,
                into: p == 0 ? workspace.featureGradient.base : workspace.partialFeatureGradients[p - 1].base)
        }

        // The parts of the feature gradient summed, and the convolution input gradients, by rows.
        parallelFor(parts) { p in
            let rows = workspace.rows(p, count: count)
            guard !rows.isEmpty else { return }
            let first = rows.lowerBound * f
            for part in workspace.partialFeatureGradients {
                VectorMath.add(
                    part.base + first, to: workspace.featureGradient.base + first,
                    count: rows.count * f)
            }
            let embeddedGradient = workspace.embeddedGradient.base + rows.lowerBound * t * e
            embeddedGradient.update(repeating: 0, count: rows.count * t * e)
            for (bank, convolution) in convolutions.enumerated() {
                let column = first + featureOffsets[bank]
                convolution.accumulateInputGradient(
                    steps: t, batch: rows.count,
                    outputGradient: workspace.featureGradient.base + column,
                    output: features + column, argmax: workspace.argmax + column, outputStride: f,
                    parameters: parameters, inputGradient: embeddedGradient)
            }
        }

        // Convolution weights by filter halves; the embedding rows.
        parallelFor(parts) { p in
            for (bank, convolution) in convolutions.enumerated() {
                let column = featureOffsets[bank]
                let filters = convolution.filterCount
                convolution.accumulateParameterGradients(
                    input: workspace.embedded.base, steps: t, batch: count,
                    outputGradient: workspace.featureGradient.base + column,
                    output: features + column, argmax: workspace.argmax + column, outputStride: f,
                    filters: (p * filters / parts)..<((p + 1) * filters / parts),
                    gradients: gradients)
            }
            if p == parts - 1 {
                embedding.backward(
                    tokens: sequences, count: count * t,
                    outputGradient: workspace.embeddedGradient.base, gradients: gradients)
            }
        }
        return crossEntropy + penalty
    }

    /// The highway columns partition `p` computes: the transform block, then the gate block.
    func highwayBlock(_ p: Int) -> Range<Int> {
        let width = 2 * highway.size
        let parts = Discriminator.partitionCount
        return (p * width / parts)..<((p + 1) * width / parts)
    }

    /// Trains for `epochs` epochs on `real` and `fake` sequences (the released code's
    /// discriminator steps use equal numbers of each): each epoch shuffles all of them together
    /// with their labels and takes full batches of `config.batchSize` (a remainder smaller than
    /// a batch is skipped, as in the released code; the released code shuffles once per
    /// `load_train_data`, this shuffles every epoch).
    ///
    /// - Parameters:
    ///   - real, fake: `[n, T]` token ids each, batch-major.
    ///   - generator: Shuffles the data and draws the dropout masks.
    ///   - onBatch: Called after each update with (epoch, batch index, batch count, loss,
    ///     accuracy).
    /// - Returns: Each epoch's mean loss and accuracy over its batches.
    @discardableResult
    public func trainEpochs(
        real: [Int32], fake: [Int32], epochs: Int,
        using generator: inout some RandomNumberGenerator,
        onBatch: (Int, Int, Int, Double, Double) -> Void = { _, _, _, _, _ in }
    ) -> [(loss: Double, accuracy: Double)] {
        let t = config.sequenceLength
        precondition(real.count % t == 0 && fake.count % t == 0, "sequences must have length \(t)")
        let realCount = real.count / t
        let total = realCount + fake.count / t
        let b = config.batchSize
        let batches = total / b
        var order = Array(0..<total)
        var tokens = [Int32](repeating: 0, count: b * t)
        var labels = [Int32](repeating: 0, count: b)
        var results: [(loss: Double, accuracy: Double)] = []
        real.withUnsafeBufferPointer { realTokens in
            fake.withUnsafeBufferPointer { fakeTokens in
                for epoch in 0..<epochs {
                    generator.shuffle(&order)
                    var loss = 0.0
                    var accuracy = 0.0
                    for index in 0..<batches {
                        for row in 0..<b {
                            let n = order[index * b + row]
                            let isReal = n < realCount
                            let source =
                                isReal
                                ? realTokens.baseAddress! + n * t
                                : fakeTokens.baseAddress! + (n - realCount) * t
                            tokens.withUnsafeMutableBufferPointer {
                                ($0.baseAddress! + row * t).update(from: source, count: t)
                            }
                            labels[row] = isReal ? Discriminator.realClass : 0
                        }
                        let step = trainStep(
                            sequences: tokens, labels: labels, count: b, using: &generator)
                        loss += step.loss
                        accuracy += step.accuracy
                        onBatch(epoch, index, batches, step.loss, step.accuracy)
                    }
                    let n = Double(max(1, batches))
                    results.append((loss / n, accuracy / n))
                }
            }
        }
        return results
    }
}
