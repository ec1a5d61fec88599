import Testing
import TextEncoding

@Suite("Fixed-length sequences: end token, padding, mask, cut and windows")
struct PaddedSequencesTests {
    let end = Vocabulary.endID
    let pad = Vocabulary.paddingID

    @Test("a short sequence gets the end token, then padding; its length counts the end")
    func short() {
        let padded = PaddedSequences([[5, 6], [], [7, 8, 9]], length: 4)
        #expect(padded.count == 3)
        #expect(Array(padded[0]) == [5, 6, end, pad])
        #expect(Array(padded[1]) == [end, pad, pad, pad])
        #expect(Array(padded[2]) == [7, 8, 9, end])
        #expect(padded.lengths == [3, 1, 4])
        #expect(padded.mask == [1, 1, 1, 0, 1, 0, 0, 0, 1, 1, 1, 1])
    }

    @Test("cut keeps the first T tokens")
    func cut() {
        let padded = PaddedSequences([[3, 4, 5, 6, 7]], length: 3, overflow: .cut)
        #expect(padded.tokens == [3, 4, 5])
        #expect(padded.lengths == [3])
    }

    @Test("windows cover the sequence and the last window ends with the end token")
    func windows() {
        // With the end token: 3 4 5 6 7 end (6 ids). Windows of 4 every 3: starts 0, then a
        // last window aligned to the end, since start 3 would run past it.
        let padded = PaddedSequences([[3, 4, 5, 6, 7]], length: 4, overflow: .windows(stride: 3))
        #expect(padded.tokens == [3, 4, 5, 6, 5, 6, 7, end])
        // Stride 2 lands exactly on the end: starts 0 and 2.
        let exact = PaddedSequences([[3, 4, 5, 6, 7]], length: 4, overflow: .windows(stride: 2))
        #expect(exact.tokens == [3, 4, 5, 6, 5, 6, 7, end])
        #expect(exact.count == 2)
        let one = PaddedSequences([[3, 4, 5, 6, 7]], length: 4, overflow: .windows(stride: 1))
        #expect(one.count == 3)
        #expect(one.lengths == [4, 4, 4])
    }
}
