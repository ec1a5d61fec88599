import MIDI
import Testing

@testable import MusicAnalysis

@Suite("Tune-level statistics of hand-made tunes")
struct TuneStatisticsTests {
    @Test("an AA tune of 16 bars repeats bars 9-16 exactly 8 bars back and ends on the held tonic")
    func repeatedPart() throws {
        let tune = TuneMaker.tune(
            TuneMaker.eightBarPart(startingAtBar: 0) + TuneMaker.eightBarPart(startingAtBar: 8))
        let statistics = TuneStatistics(tune)
        #expect(statistics.bars == 16)
        #expect(statistics.lengthIsMultipleOf8)
        #expect(statistics.noteCount == 62)
        #expect(statistics.repeatedBarShare == 0.5)
        #expect(statistics.barRepeat8Share == 1)
        #expect(statistics.barRepeat4Share == 0)
        #expect(abs(try #require(statistics.barSelfSimilarity) - 8.0 / 15) < 1e-12)
        #expect(statistics.endsOnTonic == true)
        #expect(statistics.endsOnTonicTriad == true)
        #expect(statistics.endsOnStrongBeat == true)
        #expect(statistics.endsHeld == true)
        #expect(statistics.notesPerBar == 62.0 / 16)
        #expect(statistics.onBeatShare == 1)
        // Three of the 15 neighbouring pairs differ by the last bar's missing fourth onset.
        let groove = try #require(statistics.grooveSimilarity)
        let expectedGroove: Double = (15 - 3.0 / 16) / 15
        #expect(abs(groove - expectedGroove) < 1e-12)
        let quarter = TuneStatistics.noteLengthBins.firstIndex(of: 1)!
        let half = TuneStatistics.noteLengthBins.firstIndex(of: 2)!
        #expect(statistics.noteLengthHistogram[quarter] == 60.0 / 62)
        #expect(statistics.noteLengthHistogram[half] == 2.0 / 62)
        #expect(statistics.pitchRange == 86 - 60)
    }

    @Test(
        "a tune stopping on a short fifth off the beat does not end on the tonic, a strong beat or held"
    )
    func weakEnding() {
        // D E F# | A quaver on the 'and' of beat 2, then silence to the end of the bar.
        let tune = TuneMaker.tune([
            (62, 0, 1), (64, 1, 1), (66, 2, 1), (69, 3, 0.5), (69, 5.5, 0.5),
        ])
        let statistics = TuneStatistics(tune)
        #expect(statistics.bars == 2)
        #expect(statistics.endsOnTonic == false)
        #expect(statistics.endsOnTonicTriad == true)
        #expect(statistics.endsOnStrongBeat == false)
        #expect(statistics.endsHeld == false)
        #expect(statistics.onBeatShare == 4.0 / 5)
        #expect(!statistics.lengthIsMultipleOf8)
    }

    @Test(
        "a last note that lasts to the end of its bar counts as held even when shorter than a beat")
    func heldToBarEnd() {
        let tune = TuneMaker.tune([(62, 0, 3.5), (62, 3.5, 0.5)])
        #expect(TuneStatistics(tune).endsHeld == true)
        #expect(TuneStatistics(tune).endsOnStrongBeat == false)
    }

    @Test("the third beat of a 4/4 bar is strong, the second is not; in 3/4 only the downbeat")
    func strongBeats() {
        #expect(TuneStatistics(TuneMaker.tune([(62, 0, 2), (62, 2, 2)])).endsOnStrongBeat == true)
        #expect(TuneStatistics(TuneMaker.tune([(62, 0, 1), (62, 1, 3)])).endsOnStrongBeat == false)
        let waltz = [TimeSignature(tick: 0, numerator: 3, denominator: 4)]
        #expect(
            TuneStatistics(TuneMaker.tune([(62, 0, 1.5), (62, 1.5, 1.5)], metres: waltz))
                .endsOnStrongBeat
                == false)
        #expect(
            TuneStatistics(TuneMaker.tune([(62, 0, 3), (62, 3, 3)], metres: waltz)).endsOnStrongBeat
                == true)
    }

    @Test(
        "a padded pickup is found at the first onset; the last bar shortened by it still ends held")
    func detectedPickup() throws {
        // A 2/2 reel as MIDI files of ABC tunes write it: a rest, a crotchet pickup on beat 4,
        // 8 bars, the last bar 3 crotchets ending on a crotchet D.
        var notes = [TuneMaker.note(69, 3, 1)]
        for quarter in 4..<34 { notes.append(TuneMaker.note(66 + quarter % 3, Double(quarter), 1)) }
        notes.append(TuneMaker.note(62, 34, 1))
        let metres = [TimeSignature(tick: 0, numerator: 2, denominator: 2)]
        let pickup = Tune.detectedPickupTicks(notes: notes, ticksPerQuarter: 480, metres: metres)
        #expect(pickup == 4 * 480)
        let tune = Tune(
            notes: notes, ticksPerQuarter: 480, metres: metres,
            key: TuneKey(tonic: 2, mode: .major),
            pickupTicks: pickup)
        #expect(tune.pickupLength == 480)
        let statistics = TuneStatistics(tune)
        #expect(statistics.bars == 8)
        #expect(statistics.endsHeld == true)
        #expect(statistics.endsOnStrongBeat == true)
        #expect(
            Tune.detectedPickupTicks(
                notes: [TuneMaker.note(62, 8, 1)], ticksPerQuarter: 480, metres: metres) == 8 * 480)
    }

    @Test("an empty tune has no bars and no values, and histograms of zeros")
    func emptyTune() {
        let statistics = TuneStatistics(TuneMaker.tune([]))
        #expect(statistics.bars == 0)
        #expect(statistics.noteCount == 0)
        #expect(!statistics.lengthIsMultipleOf8)
        #expect(statistics.repeatedBarShare == nil)
        #expect(statistics.barSelfSimilarity == nil)
        #expect(statistics.endsOnTonic == nil)
        #expect(statistics.notesPerBar == nil)
        #expect(statistics.grooveSimilarity == nil)
        #expect(statistics.pitchRange == nil)
        #expect(statistics.inKeyShare == nil)
        #expect(statistics.pitchClassHistogram.allSatisfy { $0 == 0 })
        #expect(statistics.noteLengthHistogram.allSatisfy { $0 == 0 })
    }

    @Test("a one-bar tune has nothing to repeat and no neighbouring bars")
    func oneBar() {
        let statistics = TuneStatistics(TuneMaker.tune([(62, 0, 1), (66, 1, 1), (69, 2, 2)]))
        #expect(statistics.bars == 1)
        #expect(statistics.repeatedBarShare == 0)
        #expect(statistics.barRepeat4Share == nil)
        #expect(statistics.barRepeat8Share == nil)
        #expect(statistics.barSelfSimilarity == nil)
        #expect(statistics.grooveSimilarity == nil)
        #expect(statistics.notesPerBar == 3)
    }

    @Test("a pickup bar is not counted: a quarter pickup and 8 full bars make 8 bars, without it 9")
    func pickup() {
        var notes: [(Int, Double, Double)] = [(57, 0, 1)]
        for bar in 0..<8 {
            for beat in 0..<4 { notes.append((62 + beat, 1 + Double(4 * bar + beat), 1)) }
        }
        let withPickup = TuneStatistics(TuneMaker.tune(notes, pickupQuarters: 1))
        #expect(withPickup.bars == 8)
        #expect(withPickup.lengthIsMultipleOf8)
        #expect(withPickup.notesPerBar == 4)
        #expect(withPickup.repeatedBarShare == 7.0 / 8)
        #expect(withPickup.onBeatShare == 1)
        let withoutPickup = TuneStatistics(TuneMaker.tune(notes))
        #expect(withoutPickup.bars == 9)
        // Bar 1 holds the pickup, bar 9 only the last note: bars 3-8 repeat bar 2.
        #expect(withoutPickup.repeatedBarShare == 6.0 / 9)
    }

    @Test(
        "a metre change gives bars of the new length, and only bars of equal length are grooved together"
    )
    func metreChange() {
        // Two bars of 4/4 (crotchets), then 3/4 from quarter 8: two bars of crotchets.
        var notes: [(Int, Double, Double)] = []
        for beat in 0..<8 { notes.append((62, Double(beat), 1)) }
        for beat in 0..<6 { notes.append((62, 8 + Double(beat), 1)) }
        let metres = [
            TimeSignature(tick: 0, numerator: 4, denominator: 4),
            TimeSignature(tick: 8 * 480, numerator: 3, denominator: 4),
        ]
        let tune = TuneMaker.tune(notes, metres: metres)
        #expect(tune.bars.map(\.length) == [1920, 1920, 1440, 1440])
        let statistics = TuneStatistics(tune)
        #expect(statistics.bars == 4)
        // Bars 2 and 4 repeat bars 1 and 3; the 3/4 bars differ from the 4/4 bars in length.
        #expect(statistics.repeatedBarShare == 0.5)
        #expect(statistics.grooveSimilarity == 1)
    }

    @Test("a time signature inside a bar cuts that bar short")
    func signatureInsideBar() {
        let metres = [
            TimeSignature(tick: 0, numerator: 4, denominator: 4),
            TimeSignature(tick: 2400, numerator: 3, denominator: 4),
        ]
        let tune = TuneMaker.tune([(62, 0, 1), (62, 6, 1)], metres: metres)
        #expect(tune.bars.map(\.length) == [1920, 480, 1440])
    }

    @Test(
        "in 6/8 the beat is a dotted quarter: onsets on the second and third quavers are off the beat, the second beat is strong"
    )
    func compoundMetre() {
        let metres = [TimeSignature(tick: 0, numerator: 6, denominator: 8)]
        let tune = TuneMaker.tune(
            [(62, 0, 0.5), (64, 0.5, 0.5), (66, 1, 0.5), (67, 1.5, 1.5)], metres: metres)
        let statistics = TuneStatistics(tune)
        #expect(statistics.bars == 1)
        #expect(statistics.onBeatShare == 0.5)
        #expect(statistics.endsOnStrongBeat == true)
        #expect(statistics.endsHeld == true)
    }

    @Test("pitch classes are counted from the tonic; intervals, range and notes in key as written")
    func pitch() {
        // In G major (tonic 7): G A B C C# D, one note out of the scale.
        let tune = TuneMaker.tune(
            [(67, 0, 1), (69, 1, 1), (71, 2, 1), (72, 3, 1), (73, 4, 1), (62, 5, 1)],
            key: TuneKey(tonic: 7, mode: .major))
        let statistics = TuneStatistics(tune)
        #expect(statistics.pitchClassHistogram[0] == 1.0 / 6)  // G
        #expect(statistics.pitchClassHistogram[6] == 1.0 / 6)  // C#
        #expect(statistics.pitchClassHistogram[7] == 1.0 / 6)  // D
        #expect(statistics.pitchClassHistogram[1] == 0)
        #expect(statistics.inKeyShare == 5.0 / 6)
        #expect(statistics.pitchRange == 73 - 62)
        let up2 = TuneStatistics.largestInterval + 2
        #expect(statistics.intervalHistogram[up2] == 2.0 / 5)
        #expect(statistics.intervalHistogram[TuneStatistics.largestInterval - 11] == 1.0 / 5)
    }
}
