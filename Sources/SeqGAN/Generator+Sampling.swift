import NeuralNetwork
import TensorCore

extension Generator {
    /// Rows sampled together in one chunk (one GEMM per step for all of them).
    static let samplingChunk = 128

    /// Buffers for sampling up to `rows` sequences at once; allocated once per task.
    ///
    /// The logits of a step are formed ``logitRows`` rows at a time, so that a tile of them
    /// stays in cache while its rows are drawn (for the 1,024 rows of a roll-out step, the
    /// whole `[rows, V]` would be 20 MB, written and read back from memory).
    final class SamplingBuffers {
        let rows: Int
        /// Rows of logits formed at once.
        let logitRows: Int
        /// Every LSTM layer's state of every row.
        let state: StackedLSTM.State
        let inputs: FloatBuffer
        let scratch: FloatBuffer
        let logits: FloatBuffer
        let previous: UnsafeMutablePointer<Int32>
        /// One reader per row, with a conditioning (see ``Generator/prepareReaders(_:)``).
        var readers: SequenceReaderRows?
        /// `[V]`, the mask of the row being drawn.
        let mask: FloatBuffer

        init(rows: Int, config: GeneratorConfig) {
            self.rows = rows
            state = StackedLSTM.State(
                layerCount: config.layers, batchCapacity: rows, hiddenSize: config.hiddenSize)
            inputs = FloatBuffer(count: rows * (config.embeddingSize + config.featureCount))
            mask = FloatBuffer(count: config.vocabularySize)
            scratch = FloatBuffer(count: rows * 4 * config.hiddenSize)
            logitRows = min(rows, Generator.samplingChunk)
            logits = FloatBuffer(count: logitRows * config.vocabularySize)
            previous = .allocate(capacity: rows)
        }

        deinit { previous.deallocate() }

        /// `[rows, H]`, the top LSTM layer's hidden states: what the next token is drawn from.
        var topHidden: UnsafeMutablePointer<Float> { state.hidden(layer: state.layerCount - 1) }
    }

    /// Gives `buffers` one reader per row for the current conditioning (made once, kept until
    /// the conditioning changes), or none without a conditioning. Call before a task's first
    /// step; the readers still need a reset.
    func prepareReaders(_ buffers: SamplingBuffers) {
        buffers.readers = readerRows(reusing: buffers.readers, count: buffers.rows)
    }

    /// Each of rows `range`'s readers (if any) reads its token in `buffers.previous`: call
    /// after a step's tokens are chosen, before they are fed.
    func readPrevious(_ buffers: SamplingBuffers, rows range: Range<Int>) {
        guard let readers = buffers.readers else { return }
        for row in range { readers.read(buffers.previous[row], row: row) }
    }

    /// Feeds `buffers.previous` (one token per row) through the LSTM: one step.
    func feedPrevious(_ buffers: SamplingBuffers, rows: Int, parameters: UnsafePointer<Float>) {
        feedPrevious(buffers, rows: 0..<rows, parameters: parameters)
    }

    /// Feeds `buffers.previous` of rows `range` through the LSTM: one step of those rows
    /// only, touching no other row's buffers. With readers, each row's input is the token's
    /// embedding followed by its reader's features.
    func feedPrevious(_ buffers: SamplingBuffers, rows range: Range<Int>, parameters: UnsafePointer<Float>) {
        let first = range.lowerBound
        let width = inputWidth
        embedding.forward(
            tokens: buffers.previous + first, count: range.count, parameters: parameters,
            into: buffers.inputs.base + first * width, rowStride: width)
        if let readers = buffers.readers {
            for row in range {
                readers.fillFeatures(row: row, into: buffers.inputs.base + row * width + config.embeddingSize)
            }
        }
        lstm.step(
            input: buffers.inputs.base + first * width, state: buffers.state,
            firstRow: first, batch: range.count, parameters: parameters,
            scratch: buffers.scratch.base + first * 4 * config.hiddenSize)
    }

    /// Rows at or above which one chunk's LSTM steps and logits run as two halves on two cores
    /// (``sampleSteps(_:rows:steps:destination:rowStride:temperature:random:parameters:splitRows:)``).
    static let splitSamplingRows = 16

    /// The padding token when a row whose previous token is `previous` has ended (that token
    /// is the ``SequenceEnd``'s end token or padding), so that padding follows; nil otherwise.
    func paddingAfter(_ previous: Int32) -> Int32? {
        guard let end = config.sequenceEnd,
            previous == Int32(end.endToken) || previous == Int32(end.paddingToken)
        else { return nil }
        return Int32(end.paddingToken)
    }

    /// Turns a row of `V` logits into the weights of the next token's draw, in place, and
    /// returns their sum (``Sampling/exponentiate(_:count:temperature:)``); with a
    /// ``SequenceEnd`` the padding token gets weight 0, so it is never drawn.
    func samplingWeights(_ logits: UnsafeMutablePointer<Float>, temperature: Float) -> Float {
        if let end = config.sequenceEnd { logits[end.paddingToken] = -.infinity }
        return Sampling.exponentiate(logits, count: config.vocabularySize, temperature: temperature)
    }

    /// Adds row `row`'s mask (from its reader in `buffers`, if any) to its `V` logits.
    ///
    /// - Returns: `false`, leaving the logits as they are, when the mask forbids every token
    ///   that may be drawn (all, or all but the ``SequenceEnd``'s padding token).
    func applyMask(_ logits: UnsafeMutablePointer<Float>, row: Int, buffers: SamplingBuffers) -> Bool {
        guard let readers = buffers.readers else { return true }
        let v = config.vocabularySize
        let mask = buffers.mask.base
        readers.fillMask(row: row, vocabularySize: v, into: mask)
        let padding = config.sequenceEnd?.paddingToken ?? -1
        var anyAllowed = false
        for token in 0..<v where token != padding && mask[token] == 0 {
            anyAllowed = true
            break
        }
        guard anyAllowed else { return false }
        VectorMath.add(mask, to: logits, count: v)
        return true
    }

    /// The token drawn with `uniform` from row `row`'s logits, masked by its reader: the end
    /// token when the mask allows nothing and the generator has a ``SequenceEnd``, a draw from
    /// the unmasked logits when it allows nothing and there is none.
    @inline(__always)
    func drawMasked(
        _ logits: UnsafeMutablePointer<Float>, row: Int, buffers: SamplingBuffers, temperature: Float,
        uniform: Float
    ) -> Int32 {
        if !applyMask(logits, row: row, buffers: buffers), let end = config.sequenceEnd {
            return Int32(end.endToken)
        }
        let total = samplingWeights(logits, temperature: temperature)
        return Int32(
            Sampling.drawIndex(fromWeights: logits, count: config.vocabularySize, total: total, uniform: uniform))
    }

    /// Samples positions `steps` of `rows` sequences whose LSTM state in `buffers` already
    /// predicts position `steps.lowerBound`. Row `r`'s tokens go to `destination + r * rowStride`
    /// (positions before `steps.lowerBound` hold the row's prefix).
    ///
    /// With readers in `buffers` (a conditioning; each already at position
    /// `steps.lowerBound`), each draw is from the logits plus the row's mask (forbidden tokens
    /// never drawn; see ``drawMasked(_:row:buffers:temperature:uniform:)`` for a mask that
    /// allows nothing), and the drawn token is read before it is fed. The last step's tokens
    /// are neither read nor fed.
    ///
    /// With a ``SequenceEnd``, the padding token is never drawn, and once a row's previous
    /// token is its end token (or padding after it) every following token is padding; each
    /// row still consumes one uniform draw per step, so the other rows' draws do not move.
    ///
    /// With `splitRows` (and all rows' logits fitting in `buffers`), each step's LSTM update
    /// and logits run as two halves of the rows on two cores, while the draws stay in row
    /// order on one: the tokens are the same as without it. For a single chunk of rows (a
    /// caller not already spreading chunks over the cores).
    func sampleSteps(
        _ buffers: SamplingBuffers, rows: Int, steps: Range<Int>,
        destination: UnsafeMutablePointer<Int32>, rowStride: Int, temperature: Float,
        random: inout SplitMix64, parameters: UnsafePointer<Float>, splitRows: Bool = false
    ) {
        let v = config.vocabularySize
        if splitRows && rows >= Generator.splitSamplingRows && rows <= buffers.logitRows {
            let half = (rows + 1) / 2
            let halves = [0..<half, half..<rows]
            /// Optionally one step of a half's rows, then its logits.
            func advance(feeding: Bool) {
                parallelFor(2) { p in
                    let range = halves[p]
                    if feeding {
                        readPrevious(buffers, rows: range)
                        feedPrevious(buffers, rows: range, parameters: parameters)
                    }
                    output.logits(
                        input: buffers.topHidden + range.lowerBound * config.hiddenSize, rows: range.count,
                        parameters: parameters, into: buffers.logits.base + range.lowerBound * v)
                }
            }
            advance(feeding: false)
            for step in steps {
                for row in 0..<rows {
                    drawToken(
                        row: row, logits: buffers.logits.base + row * v, step: step, buffers: buffers,
                        destination: destination, rowStride: rowStride, temperature: temperature,
                        random: &random)
                }
                if padIfAllEnded(buffers, rows: rows, after: step, until: steps.upperBound, destination, rowStride) {
                    return
                }
                if step + 1 < steps.upperBound { advance(feeding: true) }
            }
            return
        }
        for step in steps {
            var first = 0
            while first < rows {
                let tile = min(buffers.logitRows, rows - first)
                output.logits(
                    input: buffers.topHidden + first * config.hiddenSize, rows: tile,
                    parameters: parameters, into: buffers.logits.base)
                for row in first..<(first + tile) {
                    drawToken(
                        row: row, logits: buffers.logits.base + (row - first) * v, step: step,
                        buffers: buffers, destination: destination, rowStride: rowStride,
                        temperature: temperature, random: &random)
                }
                first += tile
            }
            if padIfAllEnded(buffers, rows: rows, after: step, until: steps.upperBound, destination, rowStride) {
                return
            }
            if step + 1 < steps.upperBound {
                readPrevious(buffers, rows: 0..<rows)
                feedPrevious(buffers, rows: rows, parameters: parameters)
            }
        }
    }

    /// With a ``SequenceEnd``, when every row has ended by `step`: writes padding at the
    /// positions `step + 1 ..< end` of every row and returns `true`, so the steps that could
    /// only draw padding are skipped (the stream's later draws are never used: each chunk and
    /// roll-out group has its own stream). Otherwise `false`.
    @inline(__always)
    private func padIfAllEnded(
        _ buffers: SamplingBuffers, rows: Int, after step: Int, until end: Int,
        _ destination: UnsafeMutablePointer<Int32>, _ rowStride: Int
    ) -> Bool {
        guard let sequenceEnd = config.sequenceEnd, step + 1 < end else { return false }
        for row in 0..<rows where paddingAfter(buffers.previous[row]) == nil { return false }
        let padding = Int32(sequenceEnd.paddingToken)
        for row in 0..<rows {
            (destination + row * rowStride + step + 1).update(repeating: padding, count: end - step - 1)
            buffers.previous[row] = padding
        }
        return true
    }

    /// Draws row `row`'s token at `step` from its `V` logits (one uniform number, whether or
    /// not the row has ended) into `destination` and `buffers.previous`.
    @inline(__always)
    private func drawToken(
        row: Int, logits: UnsafeMutablePointer<Float>, step: Int, buffers: SamplingBuffers,
        destination: UnsafeMutablePointer<Int32>, rowStride: Int, temperature: Float,
        random: inout SplitMix64
    ) {
        let uniform = random.nextUnitFloat()
        let previous = step > 0 ? destination[row * rowStride + step - 1] : -1
        let token: Int32
        if let padding = paddingAfter(previous) {
            token = padding
        } else {
            token = drawMasked(logits, row: row, buffers: buffers, temperature: temperature, uniform: uniform)
        }
        buffers.previous[row] = token
        destination[row * rowStride + step] = token
    }

    /// Samples `count` sequences of `T` tokens, each token drawn from
    /// `softmax(logits / temperature)` given the tokens before it.
    ///
    /// The work is cut into fixed chunks of sequences, each with its own random stream derived
    /// from one draw of `generator` and the chunk's index, so the result does not depend on
    /// how chunks are spread over cores.
    ///
    /// - Returns: `[count, T]` token ids, batch-major.
    public func sample(
        count: Int, temperature: Float = 1, using generator: inout some RandomNumberGenerator
    ) -> [Int32] {
        sample(count: count, length: config.sequenceLength, temperature: temperature, using: &generator)
    }
}
