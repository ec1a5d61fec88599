import Foundation

/// Writes a ``FormedTune`` as an ABC 2.1 tune that folk musicians' tools read, print and play.
///
/// The header has `X:`, `T:`, `M:`, `L:`, `Q:` and `K:` (the key from the key signature,
/// major or minor). Notes are written in units of `L:` (the tune's own, or 1/8, or 1/16 for
/// metres shorter than 3/4), with accidentals where the key signature and the bar's earlier
/// accidentals do not give the pitch, octave marks (`C,` `c'`), rests, ties (`-`) where a note
/// is held over a bar line, triplets (`(3`) where three notes share the time of two, and other
/// lengths as exact fractions (`A2/3`). Repeated sections get `|:` `:|`, variant endings
/// `[1` `:|[2`; a line holds at most ``barsPerLine`` bars and ends at each section's end. A
/// metre change starts a line with an inline field (`[M:2/4]`). A first bar that starts with a rest is written as
/// a pickup (anacrusis). Times are rounded to 1/480 of a quarter note.
public enum ABCWriter {
    /// Bars per line of music.
    public static let barsPerLine = 4
    /// Grid steps per quarter note (divisible by 2, 3 and 5).
    static let grid = 480

    /// The ABC text of a tune.
    ///
    /// - Parameters:
    ///   - tune: The tune.
    ///   - reference: The `X:` number.
    ///   - title: The `T:` title.
    /// - Throws: ``ABCWriteError`` when the tune has no notes or cannot be written as one voice.
    public static func abc(for tune: FormedTune, reference: Int = 1, title: String) throws(ABCWriteError) -> String {
        let written = tune.sections.flatMap(\.writtenBars)
        guard written.contains(where: { !$0.notes.isEmpty }) else { throw .noNotes }
        let unit = tune.unitLength ?? (Double(tune.metre.numerator) / Double(tune.metre.denominator) < 0.75
            ? NoteFraction(1, 16) : NoteFraction(1, 8))
        let unitSteps = grid * 4 * unit.numerator / unit.denominator
        var header = [
            "X:\(reference)", "T:\(title.isEmpty ? "Untitled" : title)", "M:\(tune.metre)", "L:\(unit)",
        ]
        if tune.beatsPerMinute.isFinite && tune.beatsPerMinute > 0 {
            header.append("Q:1/4=\(Int(tune.beatsPerMinute.rounded()))")
        }
        header.append("K:\(keyName(sharps: tune.sharps, minor: tune.minor))")

        let held = heldOverByWrittenBar(tune)
        var speller = ABCPitchSpeller(sharps: tune.sharps)
        var metre = tune.metre
        var lines: [String] = []
        var line = ""
        var barsOnLine = 0
        var barNumber = 0
        func endLine() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty { lines.append(trimmed) }
            line = ""
            barsOnLine = 0
        }
        let lastWritten = (tune.sections.count - 1, tune.sections.last.map { $0.writtenBars.count - 1 } ?? -1)
        for (sectionIndex, section) in tune.sections.enumerated() {
            var writtenIndex = 0
            /// Writes one bar and the bar line after it.
            func write(_ bar: TuneBar, barLine: String, prefix: String = "") throws(ABCWriteError) {
                barNumber += 1
                if let change = bar.metreChange, change != metre, barNumber > 1 {
                    // Inline, so that the header's M: stays the tune's metre for readers that
                    // take the last M: line as the tune's.
                    endLine()
                    line = "[M:\(change)] "
                    metre = change
                }
                line += prefix
                let isFirst = sectionIndex == 0 && writtenIndex == 0
                let isLast = (sectionIndex, writtenIndex) == lastWritten
                let text = try barText(
                    bar, heldOver: held[sectionIndex][writtenIndex], number: barNumber, unitSteps: unitSteps,
                    metre: metre, asPickup: isFirst && !section.isRepeated,
                    trailingRest: !(isLast && (!section.isRepeated || !section.endings.isEmpty)),
                    speller: &speller)
                writtenIndex += 1
                line += text + " " + barLine + " "
                barsOnLine += 1
                if barsOnLine >= barsPerLine { endLine() }
            }
            if section.isRepeated { line += "|: " }
            for (index, bar) in section.bars.enumerated() {
                let isLastOfBody = index == section.bars.count - 1
                let barLine: String
                if !isLastOfBody || section.isRepeated && !section.endings.isEmpty {
                    barLine = "|"
                } else if section.isRepeated {
                    barLine = ":|"
                } else {
                    barLine = sectionIndex == tune.sections.count - 1 ? "|]" : "|"
                }
                try write(bar, barLine: barLine)
            }
            if section.isRepeated && !section.endings.isEmpty {
                for (number, ending) in section.endings.enumerated() where !ending.isEmpty {
                    for (index, bar) in ending.enumerated() {
                        let lastOfEnding = index == ending.count - 1
                        let barLine: String
                        if !lastOfEnding {
                            barLine = "|"
                        } else if number < section.endings.count - 1 {
                            barLine = ":|"
                        } else {
                            barLine = sectionIndex == tune.sections.count - 1 ? "|]" : "||"
                        }
                        try write(bar, barLine: barLine, prefix: index == 0 ? "[\(number + 1) " : "")
                    }
                }
                if section.endings.last?.isEmpty == true { line += ":| " }
            }
            endLine()
        }
        return (header + lines).joined(separator: "\n") + "\n"
    }

    /// The ABC key name of a key signature: `D`, `Bm`, `Eb`.
    public static func keyName(sharps: Int, minor: Bool) -> String {
        let majors = ["Cb", "Gb", "Db", "Ab", "Eb", "Bb", "F", "C", "G", "D", "A", "E", "B", "F#", "C#"]
        let minors = ["Abm", "Ebm", "Bbm", "Fm", "Cm", "Gm", "Dm", "Am", "Em", "Bm", "F#m", "C#m", "G#m", "D#m", "A#m"]
        let index = min(max(sharps, -7), 7) + 7
        return minor ? minors[index] : majors[index]
    }

    /// The note held over into each written bar (pitch and remaining quarter notes), taken
    /// from the bar's first time in playing order; indexed by section, then written bar.
    private static func heldOverByWrittenBar(_ tune: FormedTune) -> [[(pitch: Int, remaining: Double)]] {
        var result = tune.sections.map { [(pitch: Int, remaining: Double)?](repeating: nil, count: $0.writtenBars.count) }
        var played: [TuneBar] = []
        var places: [(section: Int, written: Int)] = []
        for (sectionIndex, section) in tune.sections.enumerated() {
            for pass in 0..<section.passes {
                for index in section.bars.indices {
                    played.append(section.bars[index])
                    places.append((sectionIndex, index))
                }
                if !section.endings.isEmpty {
                    let offset = section.bars.count + section.endings[..<pass].reduce(0) { $0 + $1.count }
                    for index in section.endings[pass].indices {
                        played.append(section.endings[pass][index])
                        places.append((sectionIndex, offset + index))
                    }
                }
            }
        }
        for (index, held) in RepeatFolder.heldOver(played).enumerated() {
            let place = places[index]
            if result[place.section][place.written] == nil { result[place.section][place.written] = held }
        }
        return result.map { $0.map { $0 ?? (-1, 0) } }
    }

    /// One element of a bar: a note, chord or rest, its length in grid steps, and whether it
    /// is tied to the next bar.
    private struct Element {
        var pitches: [Int]
        var steps: Int
        var tied: Bool
        var onset: Int
    }

    /// The text of one bar (without bar lines).
    private static func barText(
        _ bar: TuneBar, heldOver: (pitch: Int, remaining: Double), number: Int, unitSteps: Int, metre: Metre,
        asPickup: Bool, trailingRest: Bool, speller: inout ABCPitchSpeller
    ) throws(ABCWriteError) -> String {
        func steps(_ quarters: Double) -> Int { Int((quarters * Double(grid)).rounded()) }
        let length = steps(bar.length)
        guard length > 0 else { throw .zeroLength(bar: number) }
        var elements: [Element] = []
        var time = 0
        if heldOver.pitch >= 0 && steps(heldOver.remaining) > 0 {
            let remaining = steps(heldOver.remaining)
            elements.append(Element(pitches: [heldOver.pitch], steps: min(remaining, length), tied: remaining > length, onset: 0))
            time = min(remaining, length)
        }
        var index = 0
        let notes = bar.notes.sorted { ($0.onset, -$0.pitch) < ($1.onset, -$1.pitch) }
        while index < notes.count {
            let onset = steps(notes[index].onset)
            var group = [notes[index]]
            while index + group.count < notes.count && steps(notes[index + group.count].onset) == onset {
                group.append(notes[index + group.count])
            }
            index += group.count
            let duration = steps(group[0].duration)
            guard duration > 0 else { throw .zeroLength(bar: number) }
            guard onset >= time, onset < length, group.allSatisfy({ steps($0.duration) == duration }) else {
                throw .overlappingNotes(bar: number)
            }
            if onset > time {
                if !(asPickup && elements.isEmpty) {
                    elements.append(Element(pitches: [], steps: onset - time, tied: false, onset: time))
                }
            }
            let tied = onset + duration > length
            if tied && group.count > 1 { throw .tiedChord(bar: number) }
            elements.append(
                Element(pitches: group.map(\.pitch).sorted(), steps: min(duration, length - onset), tied: tied, onset: onset))
            time = min(onset + duration, length)
        }
        if time < length && trailingRest {
            elements.append(Element(pitches: [], steps: length - time, tied: false, onset: time))
        }

        speller.newBar()
        // Notes are grouped by beat (dotted beats in 6/8, 9/8, 12/8; half bars in 4/4).
        let compound = metre.denominator >= 8 && metre.numerator % 3 == 0 && metre.numerator > 3
        let beat = grid * 4 / metre.denominator * (compound ? 3 : metre == Metre(4, 4) ? 2 : 1)
        func tripletWritable(_ element: Element) -> Bool {
            (element.steps * 3) % 2 == 0 && isDyadic(element.steps * 3 / 2, unitSteps)
        }
        var text = ""
        var tupletLeft = 0
        for (position, element) in elements.enumerated() {
            var written = element.steps
            if tupletLeft == 0 && !isDyadic(written, unitSteps) && position + 2 < elements.count
                && elements[position..<position + 3].allSatisfy(tripletWritable)
            {
                text += text.isEmpty || text.hasSuffix(" ") ? "(3" : " (3"
                tupletLeft = 3
            }
            if tupletLeft > 0 {
                written = element.steps * 3 / 2
                tupletLeft -= 1
            } else if position > 0 && element.onset % max(beat, 1) == 0 && !text.hasSuffix(" ") {
                text += " "
            }
            if element.pitches.isEmpty {
                text += "z"
            } else if element.pitches.count == 1 {
                text += speller.spell(element.pitches[0])
            } else {
                text += "[" + element.pitches.map { speller.spell($0) }.joined() + "]"
            }
            text += lengthText(written, unitSteps)
            if element.tied { text += "-" }
        }
        return text
    }

    /// Whether `steps / unitSteps` has a power of two as its denominator.
    private static func isDyadic(_ steps: Int, _ unitSteps: Int) -> Bool {
        var denominator = unitSteps / NoteFraction.greatestCommonDivisor(steps, unitSteps)
        while denominator % 2 == 0 { denominator /= 2 }
        return denominator == 1
    }

    /// ABC's length suffix for `steps` grid steps in units of `unitSteps`: "", "2", "/2"
    /// written "/", "3/2", "2/3".
    private static func lengthText(_ steps: Int, _ unitSteps: Int) -> String {
        let divisor = NoteFraction.greatestCommonDivisor(steps, unitSteps)
        let (numerator, denominator) = (steps / divisor, unitSteps / divisor)
        switch (numerator, denominator) {
        case (1, 1): return ""
        case (_, 1): return "\(numerator)"
        case (1, 2): return "/"
        case (1, _): return "/\(denominator)"
        default: return "\(numerator)/\(denominator)"
        }
    }
}
