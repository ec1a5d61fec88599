extension TuneScheme {
    /// What encoding a tune changed or counted; every field is a count.
    public struct EncodingReport: Sendable, Hashable, Codable {
        /// Notes in the written bars.
        public var notes = 0
        /// Notes whose onset or end was off the grid of twelfths and moved to the nearest.
        public var movedNotes = 0
        /// Notes moved by octaves into the pitch range.
        public var octaveMovedNotes = 0
        /// Notes dropped because a higher note starts at the same time (a chord keeps its top
        /// note, as ``MelodyExtractor`` does).
        public var droppedChordNotes = 0
        /// Notes cut short: a later note starts before they end, or the tune ends while they
        /// sound.
        public var shortenedNotes = 0
        /// Notes and rests whose length has no token, written as a sum (a note and ties).
        public var splitLengths = 0
        /// Written bars.
        public var writtenBars = 0
        /// Written bars encoded as copies, per distance (aligned with ``TuneScheme/copyDistances``).
        public var copiedBars: [Int] = []
        /// Bars longer than the metre's bar that no metre fits, cut to it (their notes past the
        /// bar are dropped).
        public var cutBars = 0
        /// Short bars inside a section (not a pickup and not a section's last bar) merged with
        /// the next (a bar split in two).
        public var mergedBars = 0
        /// Bars too long or too short for the metre written with the metre of their length
        /// (and the tune's metre again after them).
        public var rewrittenMetres = 0
        /// Short bars inside a section that no merge or metre fits, filled with a rest.
        public var filledBars = 0
        /// Sections played more than twice, written as a repeated section and copies of it.
        public var unfoldedSections = 0

        /// An empty report (every count 0).
        public init() {}

        /// Adds another report's counts.
        public mutating func add(_ other: EncodingReport) {
            notes += other.notes
            movedNotes += other.movedNotes
            octaveMovedNotes += other.octaveMovedNotes
            droppedChordNotes += other.droppedChordNotes
            shortenedNotes += other.shortenedNotes
            splitLengths += other.splitLengths
            writtenBars += other.writtenBars
            if copiedBars.count < other.copiedBars.count {
                copiedBars += [Int](repeating: 0, count: other.copiedBars.count - copiedBars.count)
            }
            for (index, count) in other.copiedBars.enumerated() { copiedBars[index] += count }
            cutBars += other.cutBars
            mergedBars += other.mergedBars
            rewrittenMetres += other.rewrittenMetres
            filledBars += other.filledBars
            unfoldedSections += other.unfoldedSections
        }
    }

    /// One tune as tokens.
    public struct Encoded: Sendable, Hashable {
        /// `begin` ... `end`.
        public var tokens: [Int]
        /// Semitones added to every pitch before the move into range (to C major / A minor).
        public var transposition: Int
        /// What encoding changed.
        public var report: EncodingReport
    }

    /// Encodes a tune with its form.
    ///
    /// Pitches move to C major / A minor (from ``FormedTune/sharps``) and by octaves into
    /// range; onsets and ends move to the nearest twelfth of a quarter; a chord keeps its
    /// highest note; a note overlapping the next is cut at its onset; a bar equal (as tokens)
    /// to the written bar *k* back, for *k* in ``copyDistances``, becomes a copy token (the
    /// largest such *k*). Part labels, tempo and the unit note length are not encoded.
    ///
    /// - Throws: ``TuneEncodingError/unsupportedMetre(_:bar:)`` for a metre without a token.
    public func encode(_ tune: FormedTune) throws(TuneEncodingError) -> Encoded {
        precondition(problem == nil, problem ?? "")
        let shift = GridScheme.shiftToC(sharps: tune.sharps)
        var writer = TuneWriter(scheme: self, shift: shift)
        guard let metre = id(of: .metre(tune.metre)) else { throw .unsupportedMetre(tune.metre, bar: 0) }
        writer.tokens += [Self.begin, metre, tune.minor ? Self.minor : Self.major]
        writer.setMetre(tune.metre)
        for section in tune.sections {
            try writer.write(section)
        }
        if writer.overhang > 0 { writer.report.shortenedNotes += 1 }  // held past the last bar
        writer.tokens.append(Self.end)
        return Encoded(tokens: writer.tokens, transposition: shift, report: writer.report)
    }
}

/// The encoder's state while it writes one tune.
private struct TuneWriter {
    let scheme: TuneScheme
    let shift: Int
    var tokens: [Int] = []
    var report = TuneScheme.EncodingReport()
    /// Each written bar's content tokens (what a copy token stands for).
    var contents: [[Int]] = []
    /// The full bar length of the current metre, in twelfths.
    var full = 48
    /// How far the sounding note reaches past the last bar's end, in twelfths (0: none).
    var overhang = 0

    init(scheme: TuneScheme, shift: Int) {
        self.scheme = scheme
        self.shift = shift
        report.copiedBars = [Int](repeating: 0, count: scheme.copyDistances.count)
    }

    /// The metre the form gives (its bar lengths are what bars should have).
    var metre = Metre(4, 4)
    /// The metre of the tokens written (differs from ``metre`` for a bar whose length only
    /// another metre fits).
    var writtenMetre = Metre(4, 4)

    mutating func setMetre(_ metre: Metre) {
        self.metre = metre
        writtenMetre = metre
        full = Self.units(of: metre)
    }

    static func units(of metre: Metre) -> Int {
        metre.numerator * 4 * TuneScheme.unitsPerQuarter / metre.denominator
    }

    mutating func write(_ section: TuneSection) throws(TuneEncodingError) {
        if section.passes > 2 {
            // Played more than twice: a repeated section for the first two passes, then each
            // further pass as a section played once.
            report.unfoldedSections += 1
            let twice = TuneSection(
                label: section.label, bars: section.bars, passes: 2,
                endings: section.endings.isEmpty ? [] : Array(section.endings.prefix(2)))
            try write(twice)
            for pass in 2..<section.passes {
                let bars = section.bars + (section.endings.isEmpty ? [] : section.endings[pass])
                try write(TuneSection(bars: bars))
            }
            return
        }
        let endings = section.endings
        if !section.isRepeated {
            let bars = section.bars + endings.joined()
            guard !bars.isEmpty else { return }
            try write(bars, last: TuneScheme.sectionEnd)
            return
        }
        guard !section.bars.isEmpty || !endings.isEmpty else { return }
        tokens.append(TuneScheme.repeatStart)
        if endings.isEmpty {
            try write(section.bars, last: TuneScheme.repeatEnd)
            return
        }
        if !section.bars.isEmpty { try write(section.bars, last: TuneScheme.barLine) }
        let saved = (overhang, full, metre, writtenMetre)
        tokens.append(TuneScheme.firstEnding)
        try write(endings[0], last: TuneScheme.repeatEnd)
        if overhang > 0 { report.shortenedNotes += 1 }  // held over `:|` back into the body
        (overhang, full, metre, writtenMetre) = saved
        tokens.append(TuneScheme.secondEnding)
        if endings[1].isEmpty {
            tokens.append(TuneScheme.sectionEnd)
        } else {
            try write(endings[1], last: TuneScheme.sectionEnd)
        }
    }

    /// Writes a run of bars that starts a section or an ending; the last closes with `last`.
    ///
    /// The first bar, when short, is a pickup; the last may be short (it completes a pickup,
    /// or an ending starts inside it). A short bar between them is merged with the next when
    /// both fit in one bar (a bar split in two); a bar that is still short, or too long, gets
    /// the metre of its length when there is one, else it is filled with a rest or cut.
    mutating func write(_ bars: [TuneBar], last: Int) throws(TuneEncodingError) {
        var index = 0
        while index < bars.count {
            var bar = bars[index]
            let first = index == 0
            let barFull = bar.metreChange.map(Self.units(of:)) ?? Self.units(of: metre)
            let length = units(bar.length)
            if !first && index + 1 < bars.count && length < barFull {
                let next = bars[index + 1]
                if next.metreChange == nil && length + units(next.length) <= barFull {
                    let shifted = next.notes.map {
                        TuneNote(pitch: $0.pitch, onset: $0.onset + bar.length, duration: $0.duration)
                    }
                    bar = TuneBar(length: bar.length + next.length, notes: bar.notes + shifted, metreChange: bar.metreChange)
                    report.mergedBars += 1
                    index += 1
                }
            }
            let isLast = index == bars.count - 1
            try write(bar, first: first, last: isLast, closer: isLast ? last : TuneScheme.barLine)
            index += 1
        }
    }

    mutating func write(_ bar: TuneBar, first: Bool, last: Bool, closer: Int) throws(TuneEncodingError) {
        if let change = bar.metreChange {
            guard scheme.id(of: .metre(change)) != nil else { throw .unsupportedMetre(change, bar: contents.count) }
            metre = change
        }
        var length = units(bar.length)
        var wanted = metre
        let formFull = Self.units(of: metre)
        if length > formFull || (length < formFull && !first && !last) {
            // A bar the form's metre does not fit: the metre of its length, same beat first.
            let fitting = TuneScheme.metres.filter { Self.units(of: $0) == length }
            if let other = fitting.first(where: { $0.denominator == metre.denominator }) ?? fitting.first {
                wanted = other
                report.rewrittenMetres += 1
            }
        }
        if wanted != writtenMetre || bar.metreChange != nil {
            tokens.append(scheme.id(of: .metre(wanted))!)
            writtenMetre = wanted
        }
        full = Self.units(of: wanted)
        if length > full {
            report.cutBars += 1
            length = full
        }
        var pickup = 0
        if length < full {
            if first && !(last && overhang > 0) {
                // A short first bar is a pickup, unless it is also the last and a tied note
                // runs into it (a pickup starts in silence; a short last bar may close).
                pickup = full - length
            } else if !last {
                report.filledBars += 1
                length = full
            }
        }
        let content = self.content(of: bar, length: length, pickup: pickup)
        report.writtenBars += 1
        var copied = false
        for (index, distance) in scheme.copyDistances.enumerated().reversed()
        where distance <= contents.count && contents[contents.count - distance] == content {
            tokens.append(TuneScheme.firstCopy + index)
            report.copiedBars[index] += 1
            copied = true
            break
        }
        if !copied { tokens += content }
        contents.append(content)
        tokens.append(closer)
    }

    func units(_ quarters: Double) -> Int { Int((quarters * Double(TuneScheme.unitsPerQuarter)).rounded()) }

    /// The bar's tokens between its metre token and its closing token.
    mutating func content(of bar: TuneBar, length: Int, pickup: Int) -> [Int] {
        var result: [Int] = []
        if pickup > 0 {
            append(TuneScheme.pickup, pickup, to: &result)
            if overhang > 0 {
                report.shortenedNotes += 1  // a pickup bar starts in silence
                overhang = 0
            }
        }
        // Onsets and ends on the grid; a chord keeps its highest note.
        var notes: [(onset: Int, end: Int, pitch: Int)] = []
        for note in bar.notes {
            report.notes += 1
            let onset = units(note.onset)
            let end = max(onset + 1, units(note.end))
            let exact = note.onset * Double(TuneScheme.unitsPerQuarter)
            let exactEnd = note.end * Double(TuneScheme.unitsPerQuarter)
            if abs(exact - Double(onset)) > 1e-6 || abs(exactEnd - Double(end)) > 1e-6 { report.movedNotes += 1 }
            guard onset < length else {
                report.shortenedNotes += 1  // starts after the cut
                continue
            }
            let transposed = note.pitch + shift
            let pitch = scheme.pitchInRange(transposed)
            if pitch != transposed { report.octaveMovedNotes += 1 }
            if let previous = notes.last, previous.onset == onset {
                report.droppedChordNotes += 1
                if pitch > previous.pitch { notes[notes.count - 1] = (onset, end, pitch) }
                continue
            }
            notes.append((onset, end, pitch))
        }
        notes.sort { $0.onset < $1.onset }
        var cursor = 0
        // The note sounding over the bar line goes on.
        let firstOnset = notes.first?.onset ?? length
        if overhang > 0 {
            let tied = min(overhang, firstOnset)
            if tied > 0 { append(TuneScheme.tie, tied, to: &result) }
            if overhang > firstOnset && !notes.isEmpty { report.shortenedNotes += 1 }
            cursor = tied
            overhang = notes.isEmpty ? overhang - tied : 0
        }
        for (index, note) in notes.enumerated() {
            if note.onset > cursor { append(TuneScheme.rest, note.onset - cursor, to: &result) }
            let next = index + 1 < notes.count ? notes[index + 1].onset : length
            let end = min(note.end, next)
            if index + 1 < notes.count && note.end > next { report.shortenedNotes += 1 }
            append(scheme.firstPitch + note.pitch - scheme.lowestPitch, end - note.onset, to: &result)
            cursor = end
            if index + 1 == notes.count { overhang = max(0, note.end - length) }
        }
        if cursor < length {
            append(TuneScheme.rest, length - cursor, to: &result)
            overhang = 0
        }
        return result
    }

    /// Appends an event and its length; a length without a token becomes a sum of the
    /// largest lengths that have one (notes go on with ties, rests and pickups repeat).
    mutating func append(_ event: Int, _ units: Int, to result: inout [Int]) {
        var remaining = units
        var token = event
        if scheme.durations.firstIndex(of: units) == nil { report.splitLengths += 1 }
        while remaining > 0 {
            let index = scheme.durations.lastIndex(where: { $0 <= remaining })!
            result += [token, scheme.firstDuration + index]
            remaining -= scheme.durations[index]
            if event != TuneScheme.rest && event != TuneScheme.pickup { token = TuneScheme.tie }
        }
    }
}
