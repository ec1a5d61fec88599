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
        precondition(batch > 0 && perPrefix > 0, "roll-outs need sequences and completions per prefix")
        let blocks = (1..<max(1, config.sequenceLength)).flatMap { prefix in
            (0..<batch).map { RolloutBlock(sequence: $0, prefixLength: prefix) }
        }
        return rolloutCompletions(
            of: sequences, batch: batch, blocks: blocks, perPrefix: perPrefix, temperature: temperature,
            seed: seed)
    }

    /// Monte Carlo completions of chosen prefixes of a batch: `N` completions of each block's
    /// prefix, in the order of `blocks` (rows `k N ..< (k + 1) N` complete `blocks[k]`).
    ///
    /// The blocks of one prefix length run as one batch, with the random stream of
    /// ``rolloutCompletions(of:batch:perPrefix:temperature:seed:)`` for that length; with every
    /// row at every length, in that method's order, the two are the same, token for token.
    /// With a conditioning, each completion starts from a copy of its prefix's reader (one
    /// replay of the batch) and draws under its masks.
    ///
    /// - Parameters:
    ///   - sequences: `[B, T]` sampled sequences.
    ///   - blocks: The prefixes to complete, ordered by prefix length (each in `1..<T`), a row
    ///     at most once per length.
    /// - Returns: `[blocks.count][N][T]` tokens.
    func rolloutCompletions(
        of sequences: UnsafePointer<Int32>, batch: Int, blocks: [RolloutBlock], perPrefix: Int,
        temperature: Float, seed: UInt64
    ) -> [Int32] {
        let t = config.sequenceLength
        let h = config.hiddenSize
        let layers = config.layers
        let parameters = UnsafePointer(arena.values.base)
        precondition(batch > 0 && perPrefix > 0, "roll-outs need sequences and completions per prefix")
        guard t > 1, !blocks.isEmpty else { return [] }

        // The blocks of each prefix length, in order.
        var groups: [(prefix: Int, blocks: Range<Int>)] = []
        for (index, block) in blocks.enumerated() {
            precondition(
                (1..<t).contains(block.prefixLength) && (0..<batch).contains(block.sequence),
                "a roll-out block outside the batch")
            if let last = groups.last, last.prefix == block.prefixLength {
                groups[groups.count - 1].blocks = last.blocks.lowerBound..<(index + 1)
            } else {
                precondition(
                    groups.last.map { $0.prefix < block.prefixLength } ?? true,
                    "roll-out blocks must be ordered by prefix length")
                groups.append((block.prefixLength, index..<(index + 1)))
            }
        }

        // The state after each block's prefix (start, y_1, ..., y_t fed, predicting y_{t+1}):
        // [blocks][L][H] hidden states and cells, the top layer's hidden states again as
        // [blocks][H], and the prefix's reader.
        let stateSize = layers * h
        let hiddenStates = FloatBuffer(count: blocks.count * stateSize)
        let cellStates = FloatBuffer(count: blocks.count * stateSize)
        let topHidden = FloatBuffer(count: blocks.count * h)
        var prefixReaders: [any SequenceReader] = []
        let teacher = SamplingBuffers(rows: batch, config: config)
        prepareReaders(teacher)
        teacher.readers?.reset(0..<batch)
        if teacher.readers != nil { prefixReaders.reserveCapacity(blocks.count) }
        teacher.previous.update(repeating: Int32(config.startToken), count: batch)
        feedPrevious(teacher, rows: batch, parameters: parameters)
        var group = 0
        for prefix in 1...groups[groups.count - 1].prefix {
            for b in 0..<batch { teacher.previous[b] = sequences[b * t + prefix - 1] }
            readPrevious(teacher, rows: 0..<batch)
            feedPrevious(teacher, rows: batch, parameters: parameters)
            guard groups[group].prefix == prefix else { continue }
            for index in groups[group].blocks {
                let b = blocks[index].sequence
                for k in 0..<layers {
                    let target = (index * layers + k) * h
                    (hiddenStates.base + target).update(from: teacher.state.hidden(layer: k) + b * h, count: h)
                    (cellStates.base + target).update(from: teacher.state.cell(layer: k) + b * h, count: h)
                }
                (topHidden.base + index * h).update(from: teacher.state.hidden(layer: layers - 1) + b * h, count: h)
                if let readers = teacher.readers { prefixReaders.append(readers[b]) }
            }
            group += 1
        }

        let largest = groups.map(\.blocks.count).max()! * perPrefix
        var result = [Int32](repeating: 0, count: blocks.count * perPrefix * t)
        let next = TaskCounter()
        result.withUnsafeMutableBufferPointer { out in
            parallelFor(Generator.partitionCount) { _ in
                let buffers = SamplingBuffers(rows: largest, config: config)
                prepareReaders(buffers)
                while let task = next.take(below: groups.count) {
                    let (prefix, range) = groups[task]
                    let rows = range.count * perPrefix
                    let block = out.baseAddress! + range.lowerBound * perPrefix * t
                    for (local, index) in range.enumerated() {
                        let b = blocks[index].sequence
                        for n in 0..<perPrefix {
                            let row = local * perPrefix + n
                            for k in 0..<layers {
                                let source = (index * layers + k) * h
                                (buffers.state.hidden(layer: k) + row * h).update(
                                    from: hiddenStates.base + source, count: h)
                                (buffers.state.cell(layer: k) + row * h).update(
                                    from: cellStates.base + source, count: h)
                            }
                            (block + row * t).update(from: sequences + b * t, count: prefix)
                            buffers.readers?[row] = prefixReaders[index]
                        }
                    }
                    var random = SplitMix64(seed: seed, stream: UInt64(prefix))
                    drawFirstCompletionTokens(
                        buffers, prefixHidden: topHidden.base + range.lowerBound * h, batch: range.count,
                        perPrefix: perPrefix, position: prefix, destination: block, temperature: temperature,
                        random: &random, parameters: parameters)
                    if prefix + 1 < t {
                        readPrevious(buffers, rows: 0..<rows)
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
    /// for that step: one uniform per row, in row order, with the same end-token rules and,
    /// with readers, the mask of each prefix's first completion (they all share its reader).
    ///
    /// - Parameters:
    ///   - prefixHidden: `[B, H]`, the top LSTM layer's hidden state after each prefix (`B`
    ///     being the prefixes completed here).
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
                var forced = paddingAfter(destination[b * perPrefix * t + position - 1])
                var total: Float = 0
                if forced == nil {
                    if !applyMask(weights, row: b * perPrefix, buffers: buffers), let end = config.sequenceEnd {
                        forced = Int32(end.endToken)
                    } else {
                        total = samplingWeights(weights, temperature: temperature)
                    }
                }
                for row in (b * perPrefix)..<((b + 1) * perPrefix) {
                    let uniform = random.nextUnitFloat()
                    let token = forced
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
