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
        optimizer.update(arena, partitions: Discriminator.optimizerChunkCount, schedule: schedule)
        parametersDidChange()
        return (loss, Double(correct) / Double(count))
    }

    /// Sets `arena.gradients` to the gradient of the loss of a batch and returns the loss
    /// (mean cross-entropy plus the L2 penalty); leaves the batch's logits in
    /// `workspace.logits`.
    ///
    /// Each step's work is cut into chunks (see `Discriminator+TrainingChunks.swift`) that
    /// ``schedule`` hands to the threads; the steps run one after another.
    ///
    /// - Parameter applyDropout: Multiply the highway output by `workspace.mask` (which the
    ///   caller has drawn); otherwise dropout is off.
    func accumulateGradients(
        sequences: UnsafePointer<Int32>, labels: UnsafePointer<Int32>, count: Int,
        workspace: Workspace, applyDropout: Bool
    ) -> Double {
        let t = config.sequenceLength
        let e = config.embeddingSize
        let parameters = UnsafePointer(arena.values.base)
        let gradients = arena.gradients.base
        let rowChunks = Discriminator.rowChunkCount
        func rows(_ chunk: Int) -> Range<Int> { Discriminator.part(chunk, of: rowChunks, in: count) }
        let highwayOutput = applyDropout ? workspace.dropped : workspace.highway.output

        // Forward. The embedding (small) serially, then copied time-major for the
        // convolutions (one tall product per window offset).
        embedding.forward(
            tokens: sequences, count: count * t, parameters: parameters,
            into: workspace.embedded.base)
        for row in 0..<count {
            for step in 0..<t {
                (workspace.timeMajorEmbedded.base + (step * count + row) * e).update(
                    from: workspace.embedded.base + (row * t + step) * e, count: e)
            }
        }
        schedule.run(convolutionChunkCount, maximumWorkers: workspace.convolutionScratch.count) {
            chunk, worker in
            convolveChunk(
                chunk, count: count, parameters: parameters, workspace: workspace,
                scratch: workspace.convolutionScratch[worker].base)
        }
        schedule.run(Discriminator.projectionChunkCount(count)) { chunk, _ in
            projectHighwayChunk(chunk, count: count, parameters: parameters, workspace: workspace)
        }
        schedule.run(rowChunks) { chunk, _ in
            activateHighway(rows: rows(chunk), workspace: workspace, applyDropout: applyDropout)
        }

        // The output layer over the whole batch (two classes: small).
        let crossEntropy = output.crossEntropy(
            input: highwayOutput.base, targets: labels, rows: count,
            uniformWeight: 1 / Float(count), inputGradient: workspace.droppedGradient.base,
            gradients: gradients, parameters: parameters, workspace: workspace.outputWorkspace)
        output.logits(
            input: highwayOutput.base, rows: count, parameters: parameters,
            into: workspace.logits.base)
        let penalty = l2Penalty(
            of: [output.weights, output.bias], coefficient: config.l2Coefficient,
            parameters: parameters, gradients: gradients)

        // Backward.
        schedule.run(rowChunks) { chunk, _ in
            backpropagateHighwayActivations(
                rows: rows(chunk), workspace: workspace, applyDropout: applyDropout)
        }
        schedule.run(Discriminator.highwayGradientChunkCount(count)) { chunk, _ in
            highwayGradientChunk(chunk, count: count, parameters: parameters, workspace: workspace)
        }
        schedule.run(rowChunks) { chunk, _ in
            backpropagateConvolutionInputs(rows: rows(chunk), workspace: workspace)
        }
        schedule.run(Discriminator.parameterGradientChunkCount) { chunk, _ in
            parameterGradientChunk(chunk, sequences: sequences, count: count, workspace: workspace)
        }
        return crossEntropy + penalty
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
