import NeuralNetwork
import TensorCore

extension GeneratorTrainer {
    /// Maximum-likelihood updates on `[B, S]` sequences of any length `S` (whole tunes), by
    /// truncated back-propagation through time.
    ///
    /// The rows are cut into chunks of `chunkLength` positions (the last may be shorter), run
    /// in order; each chunk is one update (the mean NLL of its counted tokens, its gradient,
    /// clipping, Adam). A chunk starts from the LSTM state the previous chunk of the same rows
    /// ended in, carried over and detached (no gradient flows back into the previous chunk),
    /// so a token can be predicted from tokens many chunks back. With a ``SequenceEnd``, the
    /// positions after each row's end token carry no weight and are not run, and the chunks
    /// after every row has ended are skipped. With `chunkLength >= S` this is one ``step(sequences:batchSize:)``.
    ///
    /// - Parameters:
    ///   - sequences: `[B, S]` token ids, batch-major.
    ///   - length: `S`.
    ///   - chunkLength: Positions per chunk, `1...T` (by default `T`, the generator's
    ///     sequence length).
    ///   - carriesState: `false` starts every chunk from zero instead (windows trained as
    ///     independent sequences; for comparison).
    /// - Returns: The mean per-token NLL over all counted tokens, each chunk's taken before
    ///   its update.
    @discardableResult
    public func truncatedStep(
        sequences: UnsafePointer<Int32>, length: Int, batchSize: Int, chunkLength: Int? = nil,
        carriesState: Bool = true
    ) -> Double {
        let chunkLength = chunkLength ?? generator.config.sequenceLength
        precondition(
            chunkLength >= 1 && chunkLength <= generator.config.sequenceLength,
            "the chunk length must be 1...T")
        precondition(length >= 1, "sequences must not be empty")
        precondition(batchSize <= settings.batchSize, "batch larger than the trainer's")
        let end = generator.config.sequenceEnd
        for b in 0..<batchSize {
            rowLengths[b] = end?.countedLength(of: sequences + b * length, length: length) ?? length
        }
        var total = 0.0
        var totalCounted = 0
        var start = 0
        while start < length {
            let chunk = start..<min(length, start + chunkLength)
            let steps = chunk.count
            var counted = 0
            for b in 0..<batchSize {
                counted += max(0, min(rowLengths[b], chunk.upperBound) - chunk.lowerBound)
            }
            guard counted > 0 else { break }
            var weights: UnsafePointer<Float>?
            if end != nil {
                let w = stepWeights.base
                for b in 0..<batchSize {
                    for step in 0..<steps { w[b * steps + step] = chunk.lowerBound + step < rowLengths[b] ? 1 : 0 }
                }
                VectorMath.scale(w, count: batchSize * steps, by: 1 / Float(counted))
                weights = UnsafePointer(w)
            }
            let loss = generator.accumulateGradients(
                sequences: sequences, inputs: nil, rowLength: length, chunk: chunk,
                carryState: carriesState, batch: batchSize, weights: weights,
                rowLengths: end == nil ? nil : UnsafePointer(rowLengths), uniformWeight: 1 / Float(batchSize * steps),
                dropoutSeed: nextDropoutSeed(for: optimizer), workspace: workspace)
            clipByGlobalNorm(generator.arena.gradients, maxNorm: settings.gradientClip)
            optimizer.update(generator.arena)
            total += loss * Double(counted)
            totalCounted += counted
            start = chunk.upperBound
        }
        return totalCounted > 0 ? total / Double(totalCounted) : 0
    }

    /// One epoch of ``truncatedStep(sequences:length:batchSize:chunkLength:carriesState:)``
    /// over `count` sequences of `length` tokens, in an order shuffled by `random`, in full
    /// batches (a remainder smaller than a batch is skipped).
    ///
    /// - Parameters:
    ///   - data: `[count, length]` sequences.
    ///   - onBatch: Called after each batch with (batch index, batch count, loss).
    /// - Returns: The mean of the batches' losses.
    public func trainTruncatedEpoch(
        data: [Int32], count: Int, length: Int, chunkLength: Int? = nil,
        using random: inout some RandomNumberGenerator,
        onBatch: (Int, Int, Double) -> Void = { _, _, _ in }
    ) -> Double {
        precondition(data.count >= count * length, "data holds fewer than count x length tokens")
        let b = settings.batchSize
        let batches = count / b
        var order = Array(0..<count)
        random.shuffle(&order)
        var rows = [Int32](repeating: 0, count: b * length)
        var total = 0.0
        data.withUnsafeBufferPointer { source in
            rows.withUnsafeMutableBufferPointer { rows in
                for index in 0..<batches {
                    for row in 0..<b {
                        (rows.baseAddress! + row * length).update(
                            from: source.baseAddress! + order[index * b + row] * length, count: length)
                    }
                    let loss = truncatedStep(
                        sequences: rows.baseAddress!, length: length, batchSize: b, chunkLength: chunkLength)
                    total += loss
                    onBatch(index, batches, loss)
                }
            }
        }
        return batches > 0 ? total / Double(batches) : 0
    }
}
