import MIDI
import MusicAnalysis

/// Builds hand-made tunes for the tests: notes given in quarter notes at 480 ticks a quarter.
enum TuneMaker {
    static let ticksPerQuarter = 480

    /// A note at `start` quarters lasting `length` quarters.
    static func note(_ pitch: Int, _ start: Double, _ length: Double) -> Note {
        let startTick = Int(start * Double(ticksPerQuarter))
        return Note(
            pitch: pitch, startTick: startTick,
            endTick: startTick + Int(length * Double(ticksPerQuarter)),
            start: 0, end: 0)
    }

    /// A tune of `notes` (pitch, start, length in quarters).
    static func tune(
        _ notes: [(Int, Double, Double)], metres: [TimeSignature] = [],
        key: TuneKey = TuneKey(tonic: 2, mode: .major),
        pickupQuarters: Double = 0
    ) -> Tune {
        Tune(
            notes: notes.map { note($0.0, $0.1, $0.2) }, ticksPerQuarter: ticksPerQuarter,
            metres: metres,
            key: key,
            pickupTicks: Int(pickupQuarters * Double(ticksPerQuarter)))
    }

    /// Eight distinct 4/4 bars in D major: bars 0...6 of four quarters (bar `k` beat `i` at
    /// pitch `60 + 2k + i`, so no two bars share an onset and pitch), bar 7 ending on a held high D.
    static func eightBarPart(startingAtBar first: Int) -> [(Int, Double, Double)] {
        var notes: [(Int, Double, Double)] = []
        for k in 0..<7 {
            for i in 0..<4 { notes.append((60 + 2 * k + i, Double(4 * (first + k) + i), 1)) }
        }
        let last = Double(4 * (first + 7))
        notes += [(76, last, 1), (78, last + 1, 1), (86, last + 2, 2)]
        return notes
    }
}
