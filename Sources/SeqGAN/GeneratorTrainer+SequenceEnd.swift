import NeuralNetwork
import TensorCore

extension GeneratorTrainer {
    /// The gradient of the mean per-token NLL of a batch (into `generator.arena.gradients`),
    /// and that mean.
    ///
    /// Without a ``SequenceEnd`` every one of the `B x T` tokens counts (weight `1 / (B T)`).
    /// With one, each row counts up to and including its first end token, and the mean is over
    /// the counted tokens: positions after the end carry weight 0 and are not run, so their
    /// tokens change neither the loss nor the gradient.
    ///
    /// - Parameters:
    ///   - sequences: `[B, T]` targets.
    ///   - inputs: `[B, T]` tokens fed after the start token, or `nil` for teacher forcing.
    func meanNLLGradients(
        sequences: UnsafePointer<Int32>, inputs: UnsafePointer<Int32>? = nil, batchSize: Int
    ) -> Double {
        let t = generator.config.sequenceLength
        let dropoutSeed = nextDropoutSeed(for: optimizer)
        guard generator.config.sequenceEnd != nil else {
            return generator.accumulateGradients(
                sequences: sequences, inputs: inputs, batch: batchSize,
                uniformWeight: 1 / Float(batchSize * t), dropoutSeed: dropoutSeed, workspace: workspace)
        }
        let weights = stepWeights.base
        var counted = 0
        if settings.batches == .similarLengths {
            // Only up to the longest row's end: the positions after it carry no weight.
            measureRows(sequences, batchSize: batchSize)
            var steps = 1
            for b in 0..<batchSize { steps = max(steps, rowLengths[b]) }
            for b in 0..<batchSize {
                for step in 0..<steps { weights[b * steps + step] = step < rowLengths[b] ? 1 : 0 }
                counted += rowLengths[b]
            }
            VectorMath.scale(weights, count: batchSize * steps, by: 1 / Float(max(1, counted)))
            return generator.accumulateGradients(
                sequences: sequences, inputs: inputs, rowLength: t, chunk: 0..<steps, carryState: false,
                batch: batchSize, weights: weights, rowLengths: rowLengths, uniformWeight: 1,
                dropoutSeed: dropoutSeed, workspace: workspace)
        }
        measureRows(sequences, batchSize: batchSize)
        for b in 0..<batchSize {
            for position in 0..<t { weights[b * t + position] = position < rowLengths[b] ? 1 : 0 }
            counted += rowLengths[b]
        }
        VectorMath.scale(weights, count: batchSize * t, by: 1 / Float(max(1, counted)))
        return generator.accumulateGradients(
            sequences: sequences, inputs: inputs, rowLength: t, chunk: 0..<t, carryState: false,
            batch: batchSize, weights: weights, rowLengths: rowLengths, uniformWeight: 1,
            dropoutSeed: dropoutSeed, workspace: workspace)
    }

    /// Writes each row's counted length (``SequenceEnd/countedLength(of:length:)``, or `T`
    /// without an end token) to `rowLengths`.
    func measureRows(_ sequences: UnsafePointer<Int32>, batchSize: Int) {
        let t = generator.config.sequenceLength
        for b in 0..<batchSize {
            rowLengths[b] =
                generator.config.sequenceEnd?.countedLength(of: sequences + b * t, length: t) ?? t
        }
    }
}
