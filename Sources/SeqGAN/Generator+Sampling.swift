import NeuralNetwork
import TensorCore

extension Generator {
    /// Rows sampled together in one chunk (one GEMM per step for all of them).
    static let samplingChunk = 128

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
        precondition(temperature > 0, "temperature must be positive")
        let t = config.sequenceLength
        let seed = generator.next()
        var result = [Int32](repeating: 0, count: count * t)
        let chunk = Generator.samplingChunk
        let chunkCount = (count + chunk - 1) / chunk
        let parameters = UnsafePointer(arena.values.base)
        let e = config.embeddingSize
        let h = config.hiddenSize
        let v = config.vocabularySize
        result.withUnsafeMutableBufferPointer { out in
            parallelFor(min(Generator.partitionCount, chunkCount)) { p in
                let hidden = FloatBuffer(count: chunk * h)
                let cell = FloatBuffer(count: chunk * h)
                let inputs = FloatBuffer(count: chunk * e)
                let scratch = FloatBuffer(count: chunk * 4 * h)
                let logits = FloatBuffer(count: chunk * v)
                let previous = UnsafeMutablePointer<Int32>.allocate(capacity: chunk)
                defer { previous.deallocate() }
                var c = p
                while c < chunkCount {
                    var random = SplitMix64(seed: seed, stream: UInt64(c))
                    let first = c * chunk
                    let rows = min(chunk, count - first)
                    hidden.zero()
                    cell.zero()
                    previous.update(repeating: Int32(config.startToken), count: rows)
                    for step in 0..<t {
                        embedding.forward(
                            tokens: previous, count: rows, parameters: parameters,
                            into: inputs.base)
                        lstm.step(
                            input: inputs.base, hidden: hidden.base, cell: cell.base, batch: rows,
                            parameters: parameters, scratch: scratch.base)
                        output.logits(
                            input: hidden.base, rows: rows, parameters: parameters,
                            into: logits.base)
                        for row in 0..<rows {
                            let token = Sampling.drawIndex(
                                fromLogits: logits.base + row * v, count: v,
                                temperature: temperature, uniform: random.nextUnitFloat())
                            previous[row] = Int32(token)
                            out[(first + row) * t + step] = Int32(token)
                        }
                    }
                    c += Generator.partitionCount
                }
            }
        }
        return result
    }
}
