import NeuralNetwork
import TensorCore

extension Generator {
    /// Samples `count` sequences of `length` tokens that all begin with `primer`: the LSTM
    /// reads the start token and then the primer's tokens, and samples the rest from there
    /// (a tune continued from its first bars).
    ///
    /// Chunks and random streams are those of ``sample(count:length:temperature:using:)``,
    /// and each primer position still draws (and discards) its row's uniform number, so a
    /// row primed with the first `k` tokens that method drew for it continues exactly as it
    /// did. With an empty primer the two are the same. Buffers are allocated once per chunk
    /// task, none per step. With a conditioning, each row's reader reads the primer, and the
    /// sampled tokens are drawn under its masks.
    ///
    /// - Parameters:
    ///   - count: Sequences to sample.
    ///   - length: Tokens per sequence, primer included; at least `primer.count` and 1.
    ///   - primer: The tokens every sequence begins with, each in `0..<V`.
    ///   - temperature: Divides the logits.
    ///   - generator: One value is drawn from it to seed every chunk's stream.
    /// - Returns: `[count, length]` token ids, batch-major.
    public func sample(
        count: Int, length: Int, primer: [Int32], temperature: Float = 1,
        using generator: inout some RandomNumberGenerator
    ) -> [Int32] {
        precondition(temperature > 0, "temperature must be positive")
        precondition(length > 0 && primer.count <= length, "length must be positive and hold the primer")
        precondition(
            primer.allSatisfy { $0 >= 0 && Int($0) < config.vocabularySize }, "primer token outside the vocabulary")
        let seed = generator.next()
        var result = [Int32](repeating: 0, count: count * length)
        let chunk = Generator.samplingChunk
        let chunkCount = (count + chunk - 1) / chunk
        let parameters = UnsafePointer(arena.values.base)
        result.withUnsafeMutableBufferPointer { out in
            primer.withUnsafeBufferPointer { primer in
                parallelFor(min(Generator.partitionCount, chunkCount)) { p in
                    let buffers = SamplingBuffers(rows: chunk, config: config)
                    prepareReaders(buffers)
                    var c = p
                    while c < chunkCount {
                        var random = SplitMix64(seed: seed, stream: UInt64(c))
                        let rows = min(chunk, count - c * chunk)
                        let destination = out.baseAddress! + c * chunk * length
                        buffers.state.zero()
                        buffers.readers?.reset(0..<rows)
                        buffers.previous.update(repeating: Int32(config.startToken), count: rows)
                        feedPrevious(buffers, rows: rows, parameters: parameters)
                        for (step, token) in primer.enumerated() {
                            for row in 0..<rows {
                                _ = random.nextUnitFloat()
                                destination[row * length + step] = token
                            }
                            guard step + 1 < length else { break }
                            buffers.previous.update(repeating: token, count: rows)
                            readPrevious(buffers, rows: 0..<rows)
                            feedPrevious(buffers, rows: rows, parameters: parameters)
                        }
                        sampleSteps(
                            buffers, rows: rows, steps: primer.count..<length, destination: destination,
                            rowStride: length, temperature: temperature, random: &random,
                            parameters: parameters, splitRows: chunkCount == 1)
                        c += Generator.partitionCount
                    }
                }
            }
        }
        return result
    }
}
