import Foundation
import MusicEncoding
import TestSupport
import Testing

/// `Tests/Fixtures/MusicEncoding/melody_statistics_golden.json`, written by
/// `melody_statistics_reference.py` beside it.
private struct StatisticsGolden: Decodable {
    struct Melody: Decodable {
        var pitches: [Int]
        var pitchClassCounts: [Int]
        var intervalCounts: [Int]
        var keyTonic: Int?
        var inKeyShare: Double?
        var range: Int?
        var repetition: Double?
    }
    struct Pooled: Decodable {
        var pitchClassCounts: [Int]
        var intervalCounts: [Int]
        var inKeyShare: Double?
        var pitchRange: Double?
        var repetition: Double?
    }
    struct Sets: Decodable {
        var first: Pooled
        var second: Pooled
        var firstCount: Int
        var pitchClassDistance: Double?
        var intervalDistance: Double?
    }
    var melodies: [Melody]
    var sets: Sets
}

/// Hand-made melodies whose statistics are worked out by hand in the comments.
@Suite("Musical statistics of melodies and sets of melodies")
struct MusicStatisticsTests {
    static let cMajorScale = [60, 62, 64, 65, 67, 69, 71, 72]
    static let gMajorScale = [67, 69, 71, 72, 74, 76, 78, 79]
    static let chromatic = Array(60...71)

    @Test("a C major scale: all in C major, steps of 2 and 1, range an octave, no repetition")
    func cMajorScale() {
        let statistics = MelodyStatistics(pitches: Self.cMajorScale)
        #expect(statistics.noteCount == 8)
        // C twice (C4 and C5), D E F G A B once; no black key.
        #expect(statistics.pitchClassCounts == [2, 0, 1, 0, 1, 1, 0, 1, 0, 1, 0, 1])
        // +2 +2 +1 +2 +2 +2 +1: five whole steps, two half steps.
        var intervals = [Int](repeating: 0, count: 25)
        intervals[12 + 2] = 5
        intervals[12 + 1] = 2
        #expect(statistics.intervalCounts == intervals)
        #expect(statistics.keyTonic == 0)
        #expect(statistics.inKeyShare == 1)
        #expect(statistics.range == 12)
        #expect(statistics.fourGrams == 5)
        #expect(statistics.repetition == 0)
    }

    @Test("A natural minor is C major's scale: all in key, tonic C")
    func aMinorScale() {
        let statistics = MelodyStatistics(pitches: [57, 59, 60, 62, 64, 65, 67, 69])
        #expect(statistics.inKeyShare == 1)
        #expect(statistics.keyTonic == 0)
    }

    @Test("a G major scale has its tonic on G; an F# makes C major fit only 7 of 8")
    func gMajorScale() {
        let statistics = MelodyStatistics(pitches: Self.gMajorScale)
        #expect(statistics.keyTonic == 7)
        #expect(statistics.inKeyShare == 1)
        // Forced into C major, F# (78) is the one note outside.
        #expect(statistics.pitchClassCounts[6] == 1)
    }

    @Test("twelve chromatic notes: any major scale holds 7 of them, ties go to C")
    func chromatic() {
        let statistics = MelodyStatistics(pitches: Self.chromatic)
        #expect(statistics.notesInKey == 7)
        let sevenOfTwelve: Double = 7.0 / 12
        #expect(statistics.inKeyShare == sevenOfTwelve)
        #expect(statistics.keyTonic == 0)
        #expect(statistics.range == 11)
        #expect(statistics.intervalCounts[13] == 11)
    }

    @Test("C D C D C D C D: 5 four-note patterns, the last 3 repeat earlier ones")
    func repetition() {
        let statistics = MelodyStatistics(pitches: [60, 62, 60, 62, 60, 62, 60, 62])
        #expect(statistics.fourGrams == 5)
        #expect(statistics.repeatedFourGrams == 3)
        #expect(statistics.repetition == 0.6)
        // +2 four times, -2 three times.
        #expect(statistics.intervalCounts[14] == 4)
        #expect(statistics.intervalCounts[10] == 3)
    }

    @Test("leaps beyond an octave count in the outer bins")
    func largeLeaps() {
        let statistics = MelodyStatistics(pitches: [40, 80, 40, 52])
        #expect(statistics.intervalCounts[24] == 2)  // +40, and +12 itself
        #expect(statistics.intervalCounts[0] == 1)  // -40
        #expect(statistics.intervalCounts.reduce(0, +) == 3)
        #expect(statistics.range == 40)
        #expect(statistics.repetition == 0)
    }

    @Test("no notes, or fewer than four: undefined values are nil, not zero")
    func degenerate() {
        let empty = MelodyStatistics(pitches: [])
        #expect(empty.inKeyShare == nil && empty.range == nil && empty.repetition == nil)
        #expect(empty.keyTonic == nil)
        let short = MelodyStatistics(pitches: [60, 67, 64])
        #expect(short.repetition == nil)
        #expect(short.range == 7)
        let set = MusicStatistics(melodies: [[], [60, 67, 64]])
        #expect(set.melodyCount == 2 && set.noteCount == 3)
        #expect(set.pitchRange == 7)  // the mean over melodies that have notes
        #expect(set.repetition == nil)
        #expect(MusicStatistics(melodies: []).pitchClassDistance(to: set) == nil)
    }

    @Test("a set pools histograms and averages the per-melody values")
    func pooling() {
        let set = MusicStatistics(melodies: [Self.cMajorScale, Self.chromatic])
        #expect(set.melodyCount == 2)
        #expect(set.noteCount == 20)
        #expect(set.pitchClassCounts == [3, 1, 2, 1, 2, 2, 1, 2, 1, 2, 1, 2])
        let expectedInKey: Double = (1 + 7.0 / 12) / 2
        #expect(set.inKeyShare == expectedInKey)
        #expect(set.pitchRange == 11.5)
        #expect(set.repetition == 0)
        #expect(set.notesPerMelody == 10)
    }

    @Test("total variation: 0 for the same shape, 1 for disjoint, 1/4 for C major against G major")
    func distances() {
        #expect(MusicStatistics.totalVariation([1, 1], [2, 2]) == 0)
        #expect(MusicStatistics.totalVariation([1, 0], [0, 1]) == 1)
        #expect(MusicStatistics.totalVariation([3, 1], [1, 1]) == 0.25)
        #expect(MusicStatistics.totalVariation([0, 0], [1, 1]) == nil)
        // Per eighth of the notes: C 2 vs 1, F 1 vs 0, F# 0 vs 1, G 1 vs 2; half of 4/8.
        let c = MusicStatistics(melodies: [Self.cMajorScale])
        let g = MusicStatistics(melodies: [Self.gMajorScale])
        #expect(c.pitchClassDistance(to: g) == 0.25)
        #expect(g.pitchClassDistance(to: c) == 0.25)
        // Both scales have the same steps: 2 2 1 2 2 2 1.
        #expect(c.intervalDistance(to: g) == 0)
        #expect(c.pitchClassDistance(to: c) == 0)
    }

    @Test("pitch numbers: paper tokens as they are; grid tokens give the sounding pitch minus 20")
    func pitchNumbers() {
        let paper = MusicTokenizer(settings: TokenizerSettings(scheme: .paper))
        #expect(paper.pitchNumbers(of: [0, 40, 40, 88, 1]) == [0, 40, 40, 88, 1])
        let grid = MusicTokenizer(settings: TokenizerSettings(scheme: .grid))
        let on = { (pitch: Int) in GridScheme.firstNoteOn + pitch - 36 }
        let (rest, hold, bar) = (GridScheme.rest, GridScheme.hold, GridScheme.bar)
        // A leading hold has nothing sounding; a bar line keeps the note; a rest stops it.
        #expect(
            grid.pitchNumbers(of: [hold, on(60), hold, bar, hold, rest, hold, on(62)])
                == [0, 40, 40, 40, 40, 0, 0, 42])
    }

    @Test("melody pitches: the notes the tokens decode to, in order")
    func melodyPitches() {
        let grid = MusicTokenizer(settings: TokenizerSettings(scheme: .grid))
        let on = { (pitch: Int) in GridScheme.firstNoteOn + pitch - 36 }
        #expect(
            grid.melodyPitches(of: [GridScheme.bar, on(60), GridScheme.hold, on(64), GridScheme.rest, on(67)])
                == [60, 64, 67])
        let paper = MusicTokenizer(settings: TokenizerSettings(scheme: .paper))
        // A run of one token is one note; token 40 is MIDI key 60.
        #expect(paper.melodyPitches(of: [40, 40, 0, 44, 44, 44]) == [60, 64])
    }

    @Test("22 melodies and two pooled sets agree with the independent Python reference")
    func goldenReference() throws {
        let url = TestPaths.repositoryRoot.appendingPathComponent("Tests/Fixtures/MusicEncoding/melody_statistics_golden.json")
        let golden = try JSONDecoder().decode(StatisticsGolden.self, from: Data(contentsOf: url))
        #expect(golden.melodies.count == 22)
        func close(_ a: Double?, _ b: Double?) -> Bool {
            switch (a, b) {
            case (nil, nil): true
            case (let a?, let b?): abs(a - b) < 1e-12
            default: false
            }
        }
        for (index, expected) in golden.melodies.enumerated() {
            let measured = MelodyStatistics(pitches: expected.pitches)
            #expect(measured.pitchClassCounts == expected.pitchClassCounts, "melody \(index)")
            #expect(measured.intervalCounts == expected.intervalCounts, "melody \(index)")
            #expect(measured.keyTonic == expected.keyTonic, "melody \(index)")
            #expect(close(measured.inKeyShare, expected.inKeyShare), "melody \(index)")
            #expect(measured.range == expected.range, "melody \(index)")
            #expect(close(measured.repetition, expected.repetition), "melody \(index)")
        }
        let pitches = golden.melodies.map(\.pitches)
        let first = MusicStatistics(melodies: Array(pitches.prefix(golden.sets.firstCount)))
        let second = MusicStatistics(melodies: Array(pitches.dropFirst(golden.sets.firstCount)))
        for (measured, expected) in [(first, golden.sets.first), (second, golden.sets.second)] {
            #expect(measured.pitchClassCounts == expected.pitchClassCounts)
            #expect(measured.intervalCounts == expected.intervalCounts)
            #expect(close(measured.inKeyShare, expected.inKeyShare))
            #expect(close(measured.pitchRange, expected.pitchRange))
            #expect(close(measured.repetition, expected.repetition))
        }
        #expect(close(first.pitchClassDistance(to: second), golden.sets.pitchClassDistance))
        #expect(close(first.intervalDistance(to: second), golden.sets.intervalDistance))
    }
}
