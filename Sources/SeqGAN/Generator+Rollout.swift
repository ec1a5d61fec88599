import Foundation
import NeuralNetwork
import TensorCore

extension Generator {
    /// Monte Carlo completions of every prefix of a batch (SeqGAN's roll-out).
    ///
    /// For each prefix length `t` in `1..<T` and each sequence `b`, `n` completions keep
    /// `Y_b[0..<t]` and sample the remaining `T - t` tokens from this generator. The LSTM state
    /// after each prefix is computed once (one teacher-forced pass over the batch) and shared
    /// by its `n` completions, and so is the softmax their first token is drawn from; all
    /// `B x n` completions of a prefix length run as one batch.
    /// Prefix lengths are independent tasks spread over the cores, each with its own random
    /// stream derived from `seed` and `t`, so the result does not depend on scheduling.
    ///
    /// - Parameters:
    ///   - sequences: `[B, T]` sampled sequences.
    ///   - perPrefix: `N`, completions per prefix.
    /// - Returns: `[T-1][B][N][T]` tokens: block `t - 1` holds the completions of the
    ///   length-`t` prefixes.
    public func rolloutCompletions(
        of sequences: UnsafePointer<Int32>, batch: Int, perPrefix: Int, temperature: Float = 1,
        seed: UInt64
    ) -> [Int32] {
        let t = config.sequenceLength
        let h = config.hiddenSize
        let layers = config.layers
        let rows = batch * perPrefix
        let parameters = UnsafePointer(arena.values.base)
        precondition(batch > 0 && perPrefix > 0, "roll-outs need sequences and completions per prefix")
        guard t > 1 else { return [] }

        // States after each prefix: block t-1 of each holds the [L, B, H] hidden states and
        // cells after feeding start, y_1, ..., y_t, which predict y_{t+1}.
        let stateSize = layers * batch * h
        let hiddenStates = FloatBuffer(count: (t - 1) * stateSize)
        let cellStates = FloatBuffer(count: (t - 1) * stateSize)
        let teacher = SamplingBuffers(rows: batch, config: config)
        teacher.previous.update(repeating: Int32(config.startToken), count: batch)
        feedPrevious(teacher, rows: batch, parameters: parameters)
        for prefix in 1..<t {
            for b in 0..<batch { teacher.previous[b] = sequences[b * t + prefix - 1] }
            feedPrevious(teacher, rows: batch, parameters: parameters)
            (hiddenStates.base + (prefix - 1) * stateSize).update(from: teacher.state.hidden.base, count: stateSize)
            (cellStates.base + (prefix - 1) * stateSize).update(from: teacher.state.cell.base, count: stateSize)
        }

        var result = [Int32](repeating: 0, count: (t - 1) * rows * t)
        let next = TaskCounter()
        result.withUnsafeMutableBufferPointer { out in
            parallelFor(Generator.partitionCount) { _ in
                let buffers = SamplingBuffers(rows: rows, config: config)
                while let task = next.take(below: t - 1) {
                    let prefix = task + 1
                    let block = out.baseAddress! + task * rows * t
                    for b in 0..<batch {
                        for n in 0..<perPrefix {
                            let row = b * perPrefix + n
                            for k in 0..<layers {
                                let source = (task * layers + k) * batch * h + b * h
                                (buffers.state.hidden(layer: k) + row * h).update(
                                    from: hiddenStates.base + source, count: h)
                                (buffers.state.cell(layer: k) + row * h).update(
                                    from: cellStates.base + source, count: h)
                            }
                            (block + row * t).update(from: sequences + b * t, count: prefix)
                        }
                    }
                    var random = SplitMix64(seed: seed, stream: UInt64(prefix))
                    drawFirstCompletionTokens(
                        buffers, prefixHidden: hiddenStates.base + (task * layers + layers - 1) * batch * h,
                        batch: batch,
                        perPrefix: perPrefix, position: prefix, destination: block, temperature: temperature,
                        random: &random, parameters: parameters)
                    if prefix + 1 < t {
                        feedPrevious(buffers, rows: rows, parameters: parameters)
                        sampleSteps(
                            buffers, rows: rows, steps: (prefix + 1)..<t, destination: block, rowStride: t,
                            temperature: temperature, random: &random, parameters: parameters)
                    }
                }
            }
        }
        return result
    }
}

extension Generator {
    /// The first sampled token of every completion of one prefix length, at `position`: the `N`
    /// completions of sequence `b` share the prefix's state, so its softmax is formed once and
    /// drawn from `N` times. The draws are those of ``sampleSteps(_:rows:steps:destination:rowStride:temperature:random:parameters:)``
    /// for that step: one uniform per row, in row order, with the same end-token rules.
    ///
    /// - Parameters:
    ///   - prefixHidden: `[B, H]`, the top LSTM layer's hidden state after each prefix.
    ///   - destination: `[B N, T]` completions; receives column `position`, and
    ///     `buffers.previous` the same tokens.
    fileprivate func drawFirstCompletionTokens(
        _ buffers: SamplingBuffers, prefixHidden: UnsafePointer<Float>, batch: Int, perPrefix: Int,
        position: Int, destination: UnsafeMutablePointer<Int32>, temperature: Float,
        random: inout SplitMix64, parameters: UnsafePointer<Float>
    ) {
        let v = config.vocabularySize
        let t = config.sequenceLength
        var first = 0
        while first < batch {
            let tile = min(buffers.logitRows, batch - first)
            output.logits(
                input: prefixHidden + first * config.hiddenSize, rows: tile, parameters: parameters,
                into: buffers.logits.base)
            for b in first..<(first + tile) {
                let weights = buffers.logits.base + (b - first) * v
                let padding = paddingAfter(destination[b * perPrefix * t + position - 1])
                let total = padding == nil ? samplingWeights(weights, temperature: temperature) : 0
                for row in (b * perPrefix)..<((b + 1) * perPrefix) {
                    let uniform = random.nextUnitFloat()
                    let token = padding
                        ?? Int32(Sampling.drawIndex(fromWeights: weights, count: v, total: total, uniform: uniform))
                    buffers.previous[row] = token
                    destination[row * t + position] = token
                }
            }
            first += tile
        }
    }
}

/// Hands out task indices `0, 1, 2, ...` to worker threads, each exactly once.
final class TaskCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0

    /// The next task index below `limit`, or `nil` when all are taken.
    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextIndex < limit else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }
}
