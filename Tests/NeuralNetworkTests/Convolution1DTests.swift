import Testing
import TestSupport
@testable import NeuralNetwork
import TensorCore

@Suite("Convolution1D: convolution over time, ReLU, max over time")
struct Convolution1DTests {
    let steps = 7
    let width = 3
    let filters = 5
    let window = 3
    let batch = 3
    var stride: Int { filters + 2 }  // write into a wider, concatenated feature matrix

    func makeLayer(filters: Int? = nil) -> (Convolution1D, ParameterArena) {
        var layout = ParameterLayout()
        let layer = Convolution1D(
            name: "c", window: window, inputWidth: width, filterCount: filters ?? self.filters, layout: &layout)
        let arena = ParameterArena(layout: layout)
        fillNormal(arena.values.base, count: arena.values.count, scale: 0.7, seed: 11)
        return (layer, arena)
    }

    @Test("forward equals a direct triple loop, with the first maximising position")
    func forwardMatchesDirectLoop() {
        let (layer, arena) = makeLayer()
        let input = FloatBuffer(count: batch * steps * width)
        fillNormal(input.base, count: input.count, scale: 1, seed: 12)
        let output = FloatBuffer(count: batch * stride)
        let argmax = [Int32](unsafeUninitializedCapacity: batch * stride) { buffer, count in
            let scratch = FloatBuffer(count: layer.scratchCount(batch: batch))
            layer.forward(
                input: input.base, steps: steps, batch: batch, parameters: arena.values.base,
                output: output.base, argmax: buffer.baseAddress!, outputStride: stride,
                scratch: scratch.base)
            count = batch * stride
        }
        let w = arena.values.base + layer.weights.offset
        let b = arena.values.base + layer.bias.offset
        for row in 0..<batch {
            for f in 0..<filters {
                var best = -Double.infinity
                var bestPosition = -1
                for p in 0..<layer.positions(steps: steps) {
                    var z = 0.0
                    for j in 0..<window {
                        for e in 0..<width {
                            z += Double(input[(row * steps + p + j) * width + e]) * Double(w[f * window * width + j * width + e])
                        }
                    }
                    if z > best { best = z; bestPosition = p }
                }
                let expected = max(0, best + Double(b[f]))
                #expect(abs(Double(output[row * stride + f]) - expected) < 1e-5)
                #expect(Int(argmax[row * stride + f]) == bestPosition)
            }
        }
    }

    @Test("weight, bias and input gradients match finite differences, filters split in two")
    func gradients() {
        let (layer, arena) = makeLayer()
        let input = FloatBuffer(count: batch * steps * width)
        fillNormal(input.base, count: input.count, scale: 1, seed: 13)
        let lossWeights = FloatBuffer(count: batch * stride)
        fillNormal(lossWeights.base, count: lossWeights.count, scale: 1, seed: 14)
        let output = FloatBuffer(count: batch * stride)
        let argmax = UnsafeMutablePointer<Int32>.allocate(capacity: batch * stride)
        defer { argmax.deallocate() }
        let scratch = FloatBuffer(count: layer.scratchCount(batch: batch))
        func loss() -> Double {
            layer.forward(
                input: input.base, steps: steps, batch: batch, parameters: arena.values.base,
                output: output.base, argmax: argmax, outputStride: stride, scratch: scratch.base)
            var sum = 0.0
            for row in 0..<batch {
                for f in 0..<filters { sum += Double(output[row * stride + f] * lossWeights[row * stride + f]) }
            }
            return sum
        }
        _ = loss()
        #expect((0..<(batch * stride)).contains { output[$0] > 0 }, "some features must be active")
        arena.gradients.zero()
        let inputGradient = FloatBuffer(count: input.count)
        for filters in [0..<2, 2..<filters] {
            layer.accumulateParameterGradients(
                input: input.base, steps: steps, batch: batch, outputGradient: lossWeights.base,
                output: output.base, argmax: argmax, outputStride: stride, filters: filters,
                gradients: arena.gradients.base)
        }
        layer.accumulateInputGradient(
            steps: steps, batch: batch, outputGradient: lossWeights.base, output: output.base,
            argmax: argmax, outputStride: stride, parameters: arena.values.base,
            inputGradient: inputGradient.base)
        expectGradientsMatchFiniteDifferences(
            arena: arena, input: input, inputGradient: inputGradient, loss: loss)
    }

    /// 5 filters: single lanes only; 20: one vector and one that overlaps it; 83: a 64-filter
    /// block, a vector and an overlapping one; 200: the paper's bank size.
    @Test("forward from a projection table equals forward on the embedded tokens", arguments: [5, 20, 83, 200])
    func projectionTable(filters: Int) {
        let (layer, arena) = makeLayer(filters: filters)
        let stride = filters + 2
        let vocabulary = 9
        let embeddings = FloatBuffer(count: vocabulary * width)
        fillNormal(embeddings.base, count: embeddings.count, scale: 1, seed: 15)
        var random = SplitMix64(seed: 16)
        let tokens = (0..<(batch * steps)).map { _ in Int32(random.next() % UInt64(vocabulary)) }
        let input = FloatBuffer(count: batch * steps * width)
        for (n, token) in tokens.enumerated() {
            (input.base + n * width).update(from: embeddings.base + Int(token) * width, count: width)
        }
        let expected = FloatBuffer(count: batch * stride)
        let argmax = UnsafeMutablePointer<Int32>.allocate(capacity: batch * stride)
        defer { argmax.deallocate() }
        let scratch = FloatBuffer(count: layer.scratchCount(batch: batch))
        layer.forward(
            input: input.base, steps: steps, batch: batch, parameters: arena.values.base,
            output: expected.base, argmax: argmax, outputStride: stride, scratch: scratch.base)
        let table = FloatBuffer(count: layer.projectionTableCount(vocabularySize: vocabulary))
        for part in [0..<4, 4..<vocabulary] {
            layer.fillProjectionTable(
                embeddings: embeddings.base, tokens: part, parameters: arena.values.base, table: table.base)
        }
        let output = FloatBuffer(count: batch * stride)
        layer.forward(
            tokens: tokens, steps: steps, batch: batch, table: table.base, parameters: arena.values.base,
            output: output.base, outputStride: stride)
        for row in 0..<batch {
            for f in 0..<filters {
                #expect(abs(output[row * stride + f] - expected[row * stride + f]) < 1e-5)
            }
        }
    }
}

extension Convolution1DTests {
    @Test("forward on a time-major input equals forward on the batch-major one")
    func timeMajorForward() {
        let (layer, arena) = makeLayer()
        let input = FloatBuffer(count: batch * steps * width)
        fillNormal(input.base, count: input.count, scale: 1, seed: 17)
        let timeMajor = FloatBuffer(count: input.count)
        for row in 0..<batch {
            for step in 0..<steps {
                (timeMajor.base + (step * batch + row) * width).update(
                    from: input.base + (row * steps + step) * width, count: width)
            }
        }
        let expected = FloatBuffer(count: batch * stride)
        let expectedArgmax = UnsafeMutablePointer<Int32>.allocate(capacity: batch * stride)
        let argmax = UnsafeMutablePointer<Int32>.allocate(capacity: batch * stride)
        defer {
            expectedArgmax.deallocate()
            argmax.deallocate()
        }
        let batchMajorScratch = FloatBuffer(count: layer.scratchCount(batch: batch))
        layer.forward(
            input: input.base, steps: steps, batch: batch, parameters: arena.values.base,
            output: expected.base, argmax: expectedArgmax, outputStride: stride,
            scratch: batchMajorScratch.base)
        let output = FloatBuffer(count: batch * stride)
        let scratch = FloatBuffer(count: layer.timeMajorScratchCount(steps: steps, batch: batch))
        layer.forward(
            timeMajorInput: timeMajor.base, steps: steps, batch: batch,
            parameters: arena.values.base, output: output.base, argmax: argmax,
            outputStride: stride, scratch: scratch.base)
        for row in 0..<batch {
            for f in 0..<filters {
                let index = row * stride + f
                #expect(abs(output[index] - expected[index]) < 1e-5)
                if expected[index] > 0 { #expect(argmax[index] == expectedArgmax[index]) }
            }
        }
    }
}

extension Convolution1DTests {
    @Test(
        "pooling from a prefix's running maxima equals pooling the whole sequence, bit for bit",
        arguments: [5, 83])
    func sharedPrefix(filters: Int) {
        let (layer, arena) = makeLayer(filters: filters)
        let vocabulary = 9
        let embeddings = FloatBuffer(count: vocabulary * width)
        fillNormal(embeddings.base, count: embeddings.count, scale: 1, seed: 17)
        let table = FloatBuffer(count: layer.projectionTableCount(vocabularySize: vocabulary))
        layer.fillProjectionTable(
            embeddings: embeddings.base, tokens: 0..<vocabulary, parameters: arena.values.base, table: table.base)
        var random = SplitMix64(seed: 18)
        let sampled = (0..<steps).map { _ in Int32(random.next() % UInt64(vocabulary)) }
        let maxima = FloatBuffer(count: layer.runningMaximaCount(steps: steps, batch: 1))
        layer.runningMaxima(tokens: sampled, steps: steps, batch: 1, table: table.base, into: maxima.base)
        // The running maxima are maxima over the positions so far.
        let positions = layer.positions(steps: steps)
        for p in 1..<positions {
            for f in 0..<filters {
                #expect(maxima[p * filters + f] >= maxima[(p - 1) * filters + f])
            }
        }
        for prefix in 1..<steps {
            // Completions keep the prefix and differ after it.
            let completions = (0..<batch).flatMap { _ in
                Array(sampled[..<prefix]) + (prefix..<steps).map { _ in Int32(random.next() % UInt64(vocabulary)) }
            }
            let whole = FloatBuffer(count: batch * filters)
            layer.forward(
                tokens: completions, steps: steps, batch: batch, table: table.base, parameters: arena.values.base,
                output: whole.base, outputStride: filters)
            let shared = FloatBuffer(count: batch * filters)
            let inside = prefix - window + 1
            layer.forward(
                tokens: completions, steps: steps, batch: batch, table: table.base, parameters: arena.values.base,
                output: shared.base, outputStride: filters
            ) { _ in
                inside > 0 ? (inside, UnsafePointer(maxima.base + (inside - 1) * filters)) : (0, nil)
            }
            for i in 0..<(batch * filters) { #expect(shared[i] == whole[i], "prefix \(prefix) value \(i)") }
        }
    }
}
