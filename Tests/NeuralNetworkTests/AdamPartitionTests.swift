import Foundation
import Testing
@testable import NeuralNetwork
import TensorCore

@Suite("Adam over partitions")
struct AdamPartitionTests {
    /// Three steps of Adam on 101 parameters (16-lane blocks and a tail) with `partitions`.
    func run(
        partitions: Int, schedule: ChunkSchedule = ChunkSchedule()
    ) -> (values: [Float], first: [Float], second: [Float]) {
        var layout = ParameterLayout()
        _ = layout.add("w", shape: [101])
        let arena = ParameterArena(layout: layout)
        fillNormal(arena.values.base, count: arena.values.count, scale: 1, seed: 61)
        let adam = Adam(parameterCount: arena.values.count, learningRate: 0.01)
        for step in 0..<3 {
            fillNormal(arena.gradients.base, count: arena.gradients.count, scale: 1, seed: 62 + UInt64(step))
            adam.update(arena, partitions: partitions, schedule: schedule)
        }
        return (arena.values.array, adam.firstMoments.array, adam.secondMoments.array)
    }

    @Test("the vectorised, chunked update is bit-identical for any split, thread count and order and matches the formula")
    func partitionsAgree() {
        let one = run(partitions: 1)
        for partitions in [2, 3, 7] {
            let split = run(partitions: partitions)
            #expect(split.values == one.values && split.first == one.first && split.second == one.second)
        }
        for schedule in [ChunkSchedule(threads: 1, order: .shuffled(seed: 4)), ChunkSchedule(threads: 4, order: .shuffled(seed: 6))] {
            let split = run(partitions: 7, schedule: schedule)
            #expect(split.values == one.values && split.first == one.first && split.second == one.second)
        }
        // Reference in Double.
        let start = FloatBuffer(count: 112)
        fillNormal(start.base, count: 112, scale: 1, seed: 61)
        var theta = start.array.map(Double.init)
        var m = [Double](repeating: 0, count: 112)
        var v = [Double](repeating: 0, count: 112)
        for step in 0..<3 {
            let g = FloatBuffer(count: 112)
            fillNormal(g.base, count: 112, scale: 1, seed: 62 + UInt64(step))
            let t = Double(step + 1)
            let lr = 0.01 * (1 - pow(0.999, t)).squareRoot() / (1 - pow(0.9, t))
            for i in 0..<112 {
                m[i] = 0.9 * m[i] + 0.1 * Double(g[i])
                v[i] = 0.999 * v[i] + 0.001 * Double(g[i]) * Double(g[i])
                theta[i] -= lr * m[i] / (v[i].squareRoot() + 1e-8)
            }
        }
        for i in 0..<112 { #expect(abs(Double(one.values[i]) - theta[i]) < 1e-5) }
    }
}
