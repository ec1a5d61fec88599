import NeuralNetwork
import TensorCore

extension Generator {
    /// Samples `count` sequences of `length` tokens, which may be longer than the `T` the
    /// generator was trained on: the LSTM simply keeps running (music is generated this way,
    /// several training windows long).
    ///
    /// Chunks and random streams are those of ``sample(count:temperature:using:)``, so the
    /// first `T` tokens of each row equal what that method draws from the same generator state.
    ///
    /// - Returns: `[count, length]` token ids, batch-major.
    public func sample(
        count: Int, length: Int, temperature: Float = 1,
        using generator: inout some RandomNumberGenerator
    ) -> [Int32] {
        precondition(temperature > 0, "temperature must be positive")
        precondition(length > 0, "length must be positive")
        let seed = generator.next()
        var result = [Int32](repeating: 0, count: count * length)
        let chunk = Generator.samplingChunk
        let chunkCount = (count + chunk - 1) / chunk
        let parameters = UnsafePointer(arena.values.base)
        result.withUnsafeMutableBufferPointer { out in
            parallelFor(min(Generator.partitionCount, chunkCount)) { p in
                let buffers = SamplingBuffers(rows: chunk, config: config)
                var c = p
                while c < chunkCount {
                    var random = SplitMix64(seed: seed, stream: UInt64(c))
                    let rows = min(chunk, count - c * chunk)
                    buffers.hidden.zero()
                    buffers.cell.zero()
                    buffers.previous.update(repeating: Int32(config.startToken), count: rows)
                    feedPrevious(buffers, rows: rows, parameters: parameters)
                    sampleSteps(
                        buffers, rows: rows, steps: 0..<length,
                        destination: out.baseAddress! + c * chunk * length, rowStride: length,
                        temperature: temperature, random: &random, parameters: parameters)
                    c += Generator.partitionCount
                }
            }
        }
        return result
    }
}
