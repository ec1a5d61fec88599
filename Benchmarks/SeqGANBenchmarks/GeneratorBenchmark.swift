import Foundation
import TensorCore
enum GeneratorBenchmark {
    static func run(arguments: [String]) throws {
        let n = 5000
        let buf = FloatBuffer(count: n)
        for i in 0..<n { buf[i] = Float(i % 97) * 0.1 - 3 }
        var clock = ContinuousClock.now
        var s: Float = 0
        for _ in 0..<2000 { let m = VectorMath.maximum(buf.base, count: n); s += m }
        print("max", ContinuousClock.now - clock, s)
        clock = ContinuousClock.now
        for _ in 0..<2000 { s += VectorMath.exponentiate(buf.base, count: n, subtracting: 1, multiplying: 0.0001) }
        print("exp", ContinuousClock.now - clock, s)
        clock = ContinuousClock.now
        for _ in 0..<2000 { VectorMath.scale(buf.base, count: n, by: 1.0001) }
        print("scale", ContinuousClock.now - clock, s)
    }
}
