import Foundation
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
        let text = contrast.tableText(firstName: "A", secondName: "B")
        #expect(text.contains("MGEval overlap: mean") && text.contains("(20 permutations)"))
        #expect(text.split(separator: "\n").count == 1 + 1 + contrast.repetitionTests.count)
    }
}
