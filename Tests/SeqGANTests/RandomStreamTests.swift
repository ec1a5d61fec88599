import Testing
import TensorCore

@Suite("Named random streams")
struct RandomStreamTests {
    @Test("every named stream has its own value, so no two random choices share numbers")
    func streamsAreDistinct() {
        let values = RandomStream.allCases.map(\.rawValue)
        #expect(Set(values).count == values.count)
    }

    @Test("a named stream draws the same numbers as its raw value with the same indices", arguments: RandomStream.allCases)
    func namedEqualsRaw(stream: RandomStream) {
        var named = SplitMix64(seed: 7, stream: stream, 3, 4)
        var raw = SplitMix64(seed: 7, stream: stream.rawValue, 3, 4)
        #expect((0..<4).map { _ in named.next() } == (0..<4).map { _ in raw.next() })
        #expect(SplitMix64(seed: 7, stream: stream, 3, 4) != SplitMix64(seed: 7, stream: stream, 3, 5))
    }
}
