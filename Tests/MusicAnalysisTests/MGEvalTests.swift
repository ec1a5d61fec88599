import Foundation
import MIDI
import Randomness
import Testing

@testable import MusicAnalysis

@Suite("MGEval: intra- and inter-set distances, densities and their overlap")
struct MGEvalTests {
    /// `count` tunes of 8 bars of 4/4 in D major, every note `length` quarters long, pitches
    /// drawn from the D major scale around D5 by a seeded generator.
    static func tunes(count: Int, noteLength: Double, seed: UInt64) -> [Tune] {
        var random = SplitMix64(seed: seed)
        let scale = [62, 64, 66, 67, 69, 71, 73, 74, 76, 78]
        return (0..<count).map { _ in
            var notes: [(Int, Double, Double)] = []
            var time = 0.0
            let bars = [8, 16][Int(random.next() % 2)]
            while time < Double(4 * bars) {
                notes.append((scale[Int(random.next() % UInt64(scale.count))], time, noteLength))
                time += noteLength
            }
            return TuneMaker.tune(notes)
        }
    }

    @Test("a set compared with itself overlaps nearly fully on every feature")
    func identicalSets() throws {
        let tunes = Self.tunes(count: 40, noteLength: 0.5, seed: 1).map(TuneStatistics.init)
        let result = MGEval(generated: tunes, real: tunes)
        for feature in result.features {
            let overlap = try #require(feature.overlap, "\(feature.feature)")
            #expect(overlap > 0.9, "\(feature.feature): \(overlap)")
        }
        #expect(try #require(result.meanOverlap) > 0.9)
    }

    @Test(
        "quaver tunes against minim tunes overlap little on note lengths and well on pitch classes")
    func differentRhythms() throws {
        let quavers = Self.tunes(count: 40, noteLength: 0.5, seed: 2).map(TuneStatistics.init)
        let minims = Self.tunes(count: 40, noteLength: 2, seed: 3).map(TuneStatistics.init)
        let result = MGEval(generated: quavers, real: minims)
        func overlap(_ feature: TuneFeature) throws -> Double {
            try #require(result.features.first { $0.feature == feature }?.overlap)
        }
        #expect(try overlap(.noteLengths) < 0.1)
        #expect(try overlap(.notesPerBar) < 0.1)
        #expect(try overlap(.pitchClasses) > 0.5)
        #expect(try overlap(.pitchClasses) > 5 * overlap(.noteLengths))
        #expect(
            result.lowest.map {
                [.noteLengths, .notesPerBar, .noteCount, .onBeat, .grooveSimilarity].contains(
                    $0.feature)
            } == true)
    }

    @Test("the result is the same in every run and whatever the order of the tunes")
    func orderIndependent() throws {
        let generated = Self.tunes(count: 30, noteLength: 1, seed: 4).map(TuneStatistics.init)
        let real = Self.tunes(count: 30, noteLength: 0.5, seed: 5).map(TuneStatistics.init)
        var random = SplitMix64(seed: 6)
        let first = MGEval(generated: generated, real: real)
        let again = MGEval(generated: generated, real: real)
        let shuffled = MGEval(
            generated: generated.shuffled(using: &random), real: real.shuffled(using: &random))
        for index in first.features.indices {
            let (a, b, c) = (first.features[index], again.features[index], shuffled.features[index])
            #expect(a.overlap == b.overlap)
            #expect(a.overlap == c.overlap, "\(a.feature)")
            #expect(a.divergence == c.divergence, "\(a.feature)")
        }
    }

    @Test(
        "intra-set distances count each pair of real tunes once, inter-set every generated-real pair"
    )
    func distanceCounts() throws {
        let generated = Self.tunes(count: 5, noteLength: 1, seed: 7).map(TuneStatistics.init)
        let real = Self.tunes(count: 6, noteLength: 1, seed: 8).map(TuneStatistics.init)
        let result = MGEval(generated: generated, real: real, features: [.noteCount])
        let counts = real.map { Double($0.noteCount) }
        var pairs: [Double] = []
        for i in counts.indices {
            for j in (i + 1)..<counts.count { pairs.append(abs(counts[i] - counts[j])) }
        }
        let feature = try #require(result.features.first)
        #expect(feature.realTunes == 6 && feature.generatedTunes == 5)
        #expect(abs(try #require(feature.intraMean) - pairs.reduce(0, +) / 15) < 1e-9)
    }

    @Test("tunes without a value for a feature are left out of it")
    func missingValues() throws {
        let short = TuneStatistics(TuneMaker.tune([(62, 0, 4)]))
        let long = Self.tunes(count: 10, noteLength: 1, seed: 9).map(TuneStatistics.init)
        let result = MGEval(
            generated: [short] + long, real: long, features: [.barRepeat8, .noteCount])
        #expect(result.features[0].generatedTunes == long.filter { $0.bars > 8 }.count)
        #expect(result.features[1].generatedTunes == 11)
    }
}
