extension ABCTuneBook {
    /// A bar as written, with the marks around it that decide the form.
    private struct WrittenBar {
        var bar: TuneBar
        /// `|:` (or `::`) before the bar.
        var startsRepeat = false
        /// `:|` (or `::`) after the bar.
        var endsRepeat = false
        /// `||`, `|]` or `[|` after the bar.
        var endsPart = false
        /// The variant ending (`[1`, `|2` ...) that starts at this bar.
        var ending: Int?
        /// The part label (`P:`) before the bar.
        var label: String?
    }

    /// The tune's form from its elements as written.
    ///
    /// Follows the playing rules of the note expansion: a repeat goes back to the last `|:`,
    /// or to the bar after the last completed repeat, or to the tune's start; the first ending
    /// runs to the `:|`; the second ending, to the next double bar, repeat, part label or
    /// after as many bars as the first ending (empty when a later `:|` without a `|:` goes back
    /// to the bar after this `:|`).
    static func form(
        of elements: [Element], unit: Double, metre: Metre, unitLength: NoteFraction?, tune: ABCTune
    ) -> FormedTune {
        let bars = writtenBars(elements, unit: unit)
        return FormedTune(
            metre: metre, sharps: tune.sharps, minor: tune.minor, unitLength: unitLength,
            beatsPerMinute: tune.beatsPerMinute, sections: sections(of: bars))
    }

    /// Splits the elements into bars at bar lines; ties are merged in written order (a note
    /// tied over a bar line belongs to the bar where it starts).
    private static func writtenBars(_ elements: [Element], unit: Double) -> [WrittenBar] {
        var bars: [WrittenBar] = []
        var current = WrittenBar(bar: TuneBar(length: 0, notes: []))
        var tied: (bar: Int?, note: Int)?  // bar nil: the current bar
        func isEmpty(_ bar: WrittenBar) -> Bool { bar.bar.length == 0 && bar.bar.notes.isEmpty }
        func close() {
            guard !isEmpty(current) else { return }
            if let link = tied, link.bar == nil { tied = (bars.count, link.note) }
            bars.append(current)
            current = WrittenBar(bar: TuneBar(length: 0, notes: []))
        }
        func tiedNote() -> TuneNote? {
            guard let link = tied else { return nil }
            return link.bar.map { bars[$0].bar.notes[link.note] } ?? current.bar.notes[link.note]
        }
        func lengthen(by quarters: Double) {
            guard let link = tied else { return }
            if let bar = link.bar { bars[bar].bar.notes[link.note].duration += quarters } else {
                current.bar.notes[link.note].duration += quarters
            }
        }
        // A note tied into the first ending is, when the second ending starts with the same
        // continuation, tied into that one too: the continuation is then already counted.
        var tieIntoEnding: (bar: Int, note: Int, absorbed: Double)?
        var replayedContinuation: (pitch: Int, remaining: Double)?
        for element in elements {
            switch element {
            case .notes(let pitches, let length, let tie):
                let quarters = length * unit * 4
                let onset = current.bar.length
                if let replay = replayedContinuation {
                    replayedContinuation = nil
                    if pitches == [replay.pitch] && quarters <= replay.remaining + 1e-9 {
                        current.bar.length += quarters
                        if tie && quarters < replay.remaining - 1e-9 {
                            replayedContinuation = (replay.pitch, replay.remaining - quarters)
                        }
                        tied = nil
                        continue
                    }
                }
                if let previous = tiedNote(), pitches.count == 1, previous.pitch == pitches[0] {
                    if let link = tied, let into = tieIntoEnding, link.bar == into.bar, link.note == into.note {
                        tieIntoEnding?.absorbed += quarters
                    }
                    lengthen(by: quarters)
                } else {
                    for pitch in pitches {
                        current.bar.notes.append(TuneNote(pitch: pitch, onset: onset, duration: quarters))
                    }
                    if tie && pitches.count == 1 { tied = (nil, current.bar.notes.count - 1) }
                }
                if !(tie && pitches.count == 1) { tied = nil }
                current.bar.length += quarters
            case .rest(let length):
                current.bar.length += length * unit * 4
                tied = nil
            case .bar:
                close()
            case .repeatStart:
                current.startsRepeat = true
            case .repeatEnd:
                if isEmpty(current), !bars.isEmpty { bars[bars.count - 1].endsRepeat = true } else { current.endsRepeat = true }
            case .sectionEnd:
                if isEmpty(current), !bars.isEmpty { bars[bars.count - 1].endsPart = true } else { current.endsPart = true }
            case .ending(let number):
                // An ending may start inside a bar: the bar is split there.
                close()
                current.ending = number
                if number == 1 {
                    tieIntoEnding = tied.flatMap { link in link.bar.map { ($0, link.note, 0) } }
                } else if let into = tieIntoEnding, into.absorbed > 0 {
                    replayedContinuation = (bars[into.bar].bar.notes[into.note].pitch, into.absorbed)
                }
            case .part(let label):
                current.label = label
            case .metre(let numerator, let denominator):
                current.bar.metreChange = Metre(numerator, denominator)
            }
        }
        close()
        return bars
    }

    /// Groups written bars into sections.
    private static func sections(of bars: [WrittenBar]) -> [TuneSection] {
        var sections: [TuneSection] = []
        var regionStart = 0
        var firstEnding: Int?
        func once(_ range: Range<Int>) {
            // A part label starts a new section; the bars are played once either way.
            var start = range.lowerBound
            for index in range where index > start && bars[index].label != nil {
                sections.append(TuneSection(label: bars[start].label, bars: bars[start..<index].map(\.bar)))
                start = index
            }
            if start < range.upperBound {
                sections.append(TuneSection(label: bars[start].label, bars: bars[start..<range.upperBound].map(\.bar)))
            }
        }
        var index = 0
        while index < bars.count {
            let bar = bars[index]
            if bar.startsRepeat && index > regionStart {
                once(regionStart..<index)
                regionStart = index
                firstEnding = nil
            }
            if bar.ending == 1 && firstEnding == nil { firstEnding = index }
            guard bar.endsRepeat else {
                index += 1
                continue
            }
            let label = bars[regionStart].label
            if let first = firstEnding {
                let ending1 = bars[first...index].map(\.bar)
                var next = index + 1
                if next < bars.count, let number = bars[next].ending, number != 1 {
                    while next < bars.count && next - index - 1 < ending1.count {
                        let candidate = bars[next]
                        if next > index + 1
                            && (candidate.startsRepeat || candidate.ending != nil || candidate.label != nil)
                        {
                            break
                        }
                        if candidate.startsRepeat || candidate.endsRepeat { break }
                        next += 1
                        if candidate.endsPart { break }
                    }
                }
                // A later `:|` with no `|:` before it goes back to the bar after this `:|`
                // (the reader's rule): the second ending is then played again as part of the
                // next repeated section, so it is written there instead.
                if let after = bars[next...].firstIndex(where: { $0.startsRepeat || $0.endsRepeat }),
                    !bars[after].startsRepeat
                {
                    next = index + 1
                }
                sections.append(
                    TuneSection(
                        label: label, bars: bars[regionStart..<first].map(\.bar), passes: 2,
                        endings: [ending1, bars[(index + 1)..<next].map(\.bar)]))
                regionStart = next
                index = next
            } else {
                sections.append(TuneSection(label: label, bars: bars[regionStart...index].map(\.bar), passes: 2))
                regionStart = index + 1
                index += 1
            }
            firstEnding = nil
        }
        if regionStart < bars.count { once(regionStart..<bars.count) }
        return sections
    }
}
