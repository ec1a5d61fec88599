import Foundation
import MIDI

extension TuneStatistics {
    /// Measures `tune` (see the type's description for each definition).
    public init(_ tune: Tune) {
        let notes = tune.notes
        let bars = tune.bars
        let contents = bars.map { BarContent(bar: $0, notes: notes) }
        key = tune.key
        noteCount = notes.count
        self.bars = bars.count
        lengthIsMultipleOf8 = !bars.isEmpty && bars.count % 8 == 0

        // Structure.
        var seen = Set<BarContent>()
        var repeated = 0
        for content in contents {
            if !seen.insert(content).inserted && !content.events.isEmpty { repeated += 1 }
        }
        repeatedBarShare = bars.isEmpty ? nil : Double(repeated) / Double(bars.count)
        barRepeat4Share = Self.shareEqual(contents, back: 4)
        barRepeat8Share = Self.shareEqual(contents, back: 8)
        let onsetSets = contents.map(\.onsetPitches)
        if onsetSets.count >= 2 {
            var total = 0.0
            for i in 1..<onsetSets.count {
                total +=
                    (0..<i).map { BarContent.similarity(onsetSets[i], onsetSets[$0]) }.max() ?? 0
            }
            barSelfSimilarity = total / Double(onsetSets.count - 1)
        } else {
            barSelfSimilarity = nil
        }

        // Ending.
        let positioned = Self.place(notes, in: bars, pickup: tune.pickupBar)
        if let last = notes.indices.max(by: {
            (notes[$0].startTick, notes[$0].pitch) < (notes[$1].startTick, notes[$1].pitch)
        }),
            let bar = positioned[last]
        {
            let note = notes[last]
            let degree = tune.key.degree(of: note.pitch)
            endsOnTonic = degree == 0
            endsOnTonicTriad = tune.key.triadSteps.contains(degree)
            endsOnStrongBeat = bar.isStrongBeat(offset: note.startTick - bar.start)
            // The last bar is shorter by the pickup's length, as written music balances it.
            let barEnd = bar == bars.last ? bar.end - tune.pickupLength : bar.end
            endsHeld = note.endTick - note.startTick >= bar.beatTicks || note.endTick >= barEnd
        } else {
            endsOnTonic = nil
            endsOnTonicTriad = nil
            endsOnStrongBeat = nil
            endsHeld = nil
        }

        // Rhythm.
        let inFullBars = contents.reduce(0) { $0 + $1.events.count }
        notesPerBar = bars.isEmpty ? nil : Double(inFullBars) / Double(bars.count)
        var lengths = [Double](repeating: 0, count: Self.noteLengthBins.count)
        for note in notes {
            let quarters = Double(note.endTick - note.startTick) / Double(tune.ticksPerQuarter)
            lengths[Self.noteLengthBin(quarters: quarters)] += 1
        }
        noteLengthHistogram = Self.normalised(lengths)
        let onBeat = notes.indices.filter { index in
            positioned[index].map { $0.isOnBeat(offset: notes[index].startTick - $0.start) }
                ?? false
        }.count
        onBeatShare = notes.isEmpty ? nil : Double(onBeat) / Double(notes.count)
        grooveSimilarity = Self.grooveSimilarity(contents, ticksPerQuarter: tune.ticksPerQuarter)

        // Pitch.
        var classes = [Double](repeating: 0, count: 12)
        for note in notes { classes[tune.key.degree(of: note.pitch)] += 1 }
        pitchClassHistogram = Self.normalised(classes)
        let largest = Self.largestInterval
        var intervals = [Double](repeating: 0, count: 2 * largest + 1)
        for (previous, next) in zip(notes, notes.dropFirst()) {
            intervals[min(largest, max(-largest, next.pitch - previous.pitch)) + largest] += 1
        }
        intervalHistogram = Self.normalised(intervals)
        pitchRange = notes.isEmpty ? nil : notes.map(\.pitch).max()! - notes.map(\.pitch).min()!
        let inKey = notes.filter { tune.key.contains(pitch: $0.pitch) }.count
        inKeyShare = notes.isEmpty ? nil : Double(inKey) / Double(notes.count)
    }

    /// The index of the note-length bin nearest to `quarters` on a log scale.
    static func noteLengthBin(quarters: Double) -> Int {
        guard quarters > 0 else { return 0 }
        let target = log2(quarters)
        var best = 0
        for (index, centre) in noteLengthBins.enumerated()
        where abs(log2(centre) - target) < abs(log2(noteLengthBins[best]) - target) {
            best = index
        }
        return best
    }

    /// Bars equal to the bar `back` before them, over the bars that have one; `nil` when none has.
    static func shareEqual(_ contents: [BarContent], back: Int) -> Double? {
        guard contents.count > back else { return nil }
        let equal = (back..<contents.count).filter {
            !contents[$0].events.isEmpty && contents[$0] == contents[$0 - back]
        }.count
        return Double(equal) / Double(contents.count - back)
    }

    /// The bar each note's onset falls in: a full bar, the pickup bar, or `nil` (before the
    /// pickup bar, which cannot happen for a well-formed tune).
    static func place(_ notes: [Note], in bars: [Bar], pickup: Bar?) -> [Bar?] {
        notes.map { note in
            if let bar = bars.last(where: { $0.start <= note.startTick }), note.startTick < bar.end
            {
                return bar
            }
            if let pickup, note.startTick < pickup.end { return pickup }
            return nil
        }
    }

    /// The mean grooving similarity of consecutive bars of equal length (see the type's
    /// description); `nil` without such a pair.
    static func grooveSimilarity(_ contents: [BarContent], ticksPerQuarter: Int) -> Double? {
        let step = Double(ticksPerQuarter) / Double(grooveStepsPerQuarter)
        func onsets(_ content: BarContent) -> [Bool] {
            let size = max(1, Int((Double(content.length) / step).rounded()))
            var vector = [Bool](repeating: false, count: size)
            for event in content.events {
                vector[min(size - 1, Int((Double(event.offset) / step).rounded()))] = true
            }
            return vector
        }
        var total = 0.0
        var pairs = 0
        for (a, b) in zip(contents, contents.dropFirst()) where a.length == b.length {
            let (x, y) = (onsets(a), onsets(b))
            let differing = zip(x, y).filter { $0 != $1 }.count
            total += 1 - Double(differing) / Double(x.count)
            pairs += 1
        }
        return pairs == 0 ? nil : total / Double(pairs)
    }

    /// `counts` divided by their sum (unchanged when the sum is 0).
    static func normalised(_ counts: [Double]) -> [Double] {
        let total = counts.reduce(0, +)
        return total > 0 ? counts.map { $0 / total } : counts
    }
}
