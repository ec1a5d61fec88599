import Foundation
import Randomness
import Testing

@testable import MusicAnalysis

@Suite("Two generated sets contrasted against the same real tunes, with p-values")
struct TuneSetContrastTests {
    @Test("a set like the real tunes beats a set of another rhythm, with small p-values")
    func clearDifference() throws {
        let real = MGEvalTests.tunes(count: 30, noteLength: 0.5, seed: 10).map(TuneStatistics.init)
        let alike = MGEvalTests.tunes(count: 20, noteLength: 0.5, seed: 11).map(TuneStatistics.init)
        let unlike = MGEvalTests.tunes(count: 20, noteLength: 2, seed: 12).map(TuneStatistics.init)
        let contrast = TuneSetContrast(first: alike, second: unlike, real: real, permutations: 20)
        let a = try #require(contrast.first.mgeval.meanOverlap)
        let b = try #require(contrast.second.mgeval.meanOverlap)
        #expect(a > b + 0.2)
        // No random split separates the sets as well as the real one: the smallest p possible.
        #expect(contrast.overlapPValue == 1.0 / 21)
        #expect(contrast.repetitionTests.map(\.feature) == TuneSetContrast.repetitionFeatures)
    }

    /// `count` 16-bar 4/4 tunes of random crotchets from the D major scale; with `formed`, the
    /// second 8 bars play the first 8 again (an A part repeated), otherwise every bar is drawn.
    static func tunes(count: Int, formed: Bool, seed: UInt64) -> [TuneStatistics] {
        var random = SplitMix64(seed: seed)
        let scale = [62, 64, 66, 67, 69, 71, 73, 74, 76, 78]
        return (0..<count).map { _ in
            var pitches = (0..<(formed ? 32 : 64)).map { _ in scale[Int(random.next() % UInt64(scale.count))] }
            if formed { pitches += pitches }
            return TuneStatistics(TuneMaker.tune(pitches.enumerated().map { ($0.element, Double($0.offset), 1) }))
        }
    }

    @Test("a set that repeats its parts as the real tunes do has the higher bar-repetition overlap, with a small p-value")
    func repetitionDifference() throws {
        let real = Self.tunes(count: 30, formed: true, seed: 30)
        let contrast = TuneSetContrast(
            first: Self.tunes(count: 20, formed: true, seed: 31), second: Self.tunes(count: 20, formed: false, seed: 32),
            real: real, permutations: 20)
        let formed = try #require(TuneSetContrast.repetitionOverlap(contrast.first.mgeval))
        let wandering = try #require(TuneSetContrast.repetitionOverlap(contrast.second.mgeval))
        #expect(formed > wandering + 0.3)
        #expect(contrast.repetitionOverlapPValue == 1.0 / 21)
        // The mean over every feature moves far less: pitches and rhythm are drawn alike.
        let meanGap = try #require(contrast.first.mgeval.meanOverlap) - (contrast.second.mgeval.meanOverlap ?? 0)
        #expect(meanGap < formed - wandering)
    }

    @Test("two sets drawn alike are not told apart, and the same seed gives the same p-value")
    func noDifference() throws {
        let real = MGEvalTests.tunes(count: 30, noteLength: 1, seed: 20).map(TuneStatistics.init)
        let a = MGEvalTests.tunes(count: 20, noteLength: 1, seed: 21).map(TuneStatistics.init)
        let b = MGEvalTests.tunes(count: 20, noteLength: 1, seed: 22).map(TuneStatistics.init)
        let contrast = TuneSetContrast(first: a, second: b, real: real, permutations: 20, seed: 5)
        let p = try #require(contrast.overlapPValue)
        #expect(p > 0.05)
        let again = TuneSetContrast(first: a, second: b, real: real, permutations: 20, seed: 5)
        #expect(again.overlapPValue == p)
        #expect(try #require(contrast.repetitionOverlapPValue) > 0.05)
        let text = contrast.tableText(firstName: "A", secondName: "B")
        #expect(text.contains("MGEval overlap: mean") && text.contains("(20 permutations)"))
        #expect(text.contains("MGEval overlap: bar repetition"))
        #expect(text.split(separator: "\n").count == 1 + 2 + contrast.repetitionTests.count)
    }
}
