import NeuralNetwork
import TensorCore

extension GeneratorTrainer {
    /// One scheduled-sampling update (Bengio et al. 2015): the generator runs over the batch
    /// and at each step is fed the true previous token with probability `omega`, else its own
    /// sample; the chosen inputs are then treated as fixed and the mean NLL of the true tokens
    /// (the counted ones, with a ``SequenceEnd``) is minimised (clipping, Adam). With a
    /// conditioning, the readers follow the chosen inputs, in the sampling pass and the update.
    ///
    /// - Returns: The batch's mean per-token NLL before the update.
    @discardableResult
    public func scheduledSamplingStep(
        sequences: UnsafePointer<Int32>, batchSize: Int, omega: Double,
        using random: inout SplitMix64
    ) -> Double {
        let t = generator.config.sequenceLength
        precondition(batchSize <= settings.batchSize, "batch larger than the trainer's")
        let inputs = stepInputs
        let own = stepSamples
        let buffers = samplingBuffers
        let parameters = UnsafePointer(generator.arena.values.base)
        generator.prepareReaders(buffers)
        buffers.state.zero()
        buffers.readers?.reset(0..<batchSize)
        buffers.previous.update(repeating: Int32(generator.config.startToken), count: batchSize)
        generator.feedPrevious(buffers, rows: batchSize, parameters: parameters)
        for step in 0..<t {
            // Draw the model's own token at this step, then choose each row's next input.
            generator.sampleSteps(
                buffers, rows: batchSize, steps: step..<(step + 1), destination: own, rowStride: t,
                temperature: 1, random: &random, parameters: parameters)
            for b in 0..<batchSize {
                let truth = sequences[b * t + step]
                let chosen = random.nextUnitDouble() < omega ? truth : own[b * t + step]
                inputs[b * t + step] = chosen
                buffers.previous[b] = chosen
            }
            if step + 1 < t {
                generator.readPrevious(buffers, rows: 0..<batchSize)
                generator.feedPrevious(buffers, rows: batchSize, parameters: parameters)
            }
        }
        let loss = meanNLLGradients(sequences: sequences, inputs: inputs, batchSize: batchSize)
        clipByGlobalNorm(generator.arena.gradients, maxNorm: settings.gradientClip)
        optimizer.update(generator.arena)
        return loss
    }
}
