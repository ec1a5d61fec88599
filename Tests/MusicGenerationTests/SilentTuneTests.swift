import Testing

@testable import MusicGeneration

@Suite("Generated whole tunes without notes are drawn again")
struct SilentTuneTests {
    /// Pitch tokens 10..<20 in these made-up rows; 1 and 2 stand for anything else.
    static let pitches = 10..<20

    @Test("a tune of rests alone is replaced by the first redraw with a note; the others stay")
    func replacedByTheFirstWithANote() {
        var seeds: [UInt64] = []
        let redrawn = MusicModel.redrawingSilentTunes([[1, 12, 2], [1, 2, 2], [1, 15]], pitches: Self.pitches, seed: 4) { seed in
            seeds.append(seed)
            return seeds.count < 3 ? [1, 2] : [1, 11, 2]
        }
        #expect(redrawn == [[1, 12, 2], [1, 11, 2], [1, 15]])
        #expect(seeds.count == 3 && Set(seeds).count == 3)
    }

    @Test("the redraws follow the seed and the tune's place; a model that never plays a note is given up on")
    func seededAndBounded() {
        func seeds(seed: UInt64, silentAt index: Int) -> [UInt64] {
            var drawn: [UInt64] = []
            var tunes = [[Int]](repeating: [1, 13], count: 3)
            tunes[index] = [1, 2]
            let result = MusicModel.redrawingSilentTunes(tunes, pitches: Self.pitches, seed: seed) { seed in
                drawn.append(seed)
                return [1, 2]
            }
            #expect(result[index] == [1, 2])
            return drawn
        }
        #expect(seeds(seed: 4, silentAt: 1).count == MusicModel.silentTuneRedraws)
        #expect(seeds(seed: 4, silentAt: 1) == seeds(seed: 4, silentAt: 1))
        #expect(seeds(seed: 4, silentAt: 1) != seeds(seed: 4, silentAt: 2))
        #expect(seeds(seed: 4, silentAt: 1) != seeds(seed: 5, silentAt: 1))
    }
}
