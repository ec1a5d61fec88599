extension TuneScheme {
    /// A decoded tune and what decoding had to skip or add.
    public struct Decoded: Sendable, Hashable {
        /// The tune, in C major or A minor (``FormedTune/sharps`` 0), at 120 quarters per
        /// minute.
        public var tune: FormedTune
        /// Tokens skipped because the grammar did not allow them there.
        public var skippedTokens: Int
        /// Tokens assumed where the sequence lacked them: `begin`, 4/4, major at the start.
        public var impliedTokens: Int
        /// Whether the sequence stopped before its `end` token (the open bar and section are
        /// closed as they stand).
        public var unfinished: Bool
    }

    /// Decodes any token sequence to a valid tune.
    ///
    /// Tokens are read through ``TuneTokenReader``: a token the grammar does not allow where
    /// it stands is skipped and counted; a sequence that does not start with `begin`, a metre
    /// and a mode gets `begin`, 4/4 and major; a sequence without `end` is closed where it
    /// stops (a pending note without its duration is dropped). Reading stops at `end`.
    public func decode(_ tokens: some Sequence<Int>) -> Decoded {
        precondition(problem == nil, problem ?? "")
        var builder = TuneBuilder(scheme: self)
        var reader = TuneTokenReader(scheme: self)
        var implied = 0
        var skipped = 0
        for token in tokens {
            if reader.expectation == .padding { break }
            // Missing header tokens are implied so that a headless sequence still decodes.
            while !reader.isGrammatical(token), let filler = Self.headerFiller(reader.expectation) {
                reader.read(filler)
                builder.apply(filler)
                implied += 1
            }
            guard reader.read(token) else {
                skipped += 1
                continue
            }
            builder.apply(token)
        }
        let finished = reader.expectation == .padding
        return Decoded(
            tune: builder.finish(), skippedTokens: skipped, impliedTokens: implied, unfinished: !finished)
    }

    /// The token assumed when a header token is missing: `begin`, 4/4, major.
    private static func headerFiller(_ expectation: TuneTokenReader.Expectation) -> Int? {
        switch expectation {
        case .begin: return begin
        case .metre: return firstMetre
        case .mode: return major
        case .event, .duration, .padding: return nil
        }
    }
}

/// Builds a ``FormedTune`` from grammatical tokens.
private struct TuneBuilder {
    struct Bar {
        var length = 0
        var pickup = 0
        var notes: [(pitch: Int, onset: Int, duration: Int)] = []
        var metreChange: Metre?
        var content: [Int] = []
    }

    /// A section under construction: indices into `bars`.
    struct OpenSection {
        var start: Int
        var passes: Int
        var firstEnding: Int?
        var secondEnding: Int?
    }

    let scheme: TuneScheme
    var metre = Metre(4, 4)
    var minor = false
    var bars: [Bar] = []
    var bar = Bar()
    var sections: [(start: Int, passes: Int, firstEnding: Int?, secondEnding: Int?, end: Int)] = []
    var open: OpenSection?
    /// The note a tie lengthens (index into `bars`, `bars.count` for the current bar) and the
    /// time from its onset to the current position.
    var sounding: (bar: Int, note: Int, elapsed: Int)?
    var savedSounding: (bar: Int, note: Int, elapsed: Int)?
    var pendingEvent: Int?
    var position = 0
    var sawMetre = false

    init(scheme: TuneScheme) { self.scheme = scheme }

    /// Applies a token the reader accepted.
    mutating func apply(_ token: Int) {
        switch token {
        case TuneScheme.padding, TuneScheme.begin, TuneScheme.end:
            break
        case TuneScheme.major, TuneScheme.minor:
            minor = token == TuneScheme.minor
        case TuneScheme.firstMetre..<TuneScheme.major:
            let value = TuneScheme.metres[token - TuneScheme.firstMetre]
            if !sawMetre {
                metre = value
                sawMetre = true
            } else {
                bar.metreChange = value
            }
        case TuneScheme.repeatStart:
            open = OpenSection(start: bars.count, passes: 2)
        case TuneScheme.firstEnding:
            open?.firstEnding = bars.count
            savedSounding = sounding
        case TuneScheme.secondEnding:
            open?.secondEnding = bars.count
            sounding = savedSounding  // the second ending starts where the first did
        case TuneScheme.barLine:
            closeBar()
        case TuneScheme.repeatEnd:
            closeBar()
            if open?.firstEnding == nil { closeSection() }
        case TuneScheme.sectionEnd:
            if !bar.content.isEmpty || bar.length > 0 { closeBar() }
            closeSection()
        case TuneScheme.firstCopy..<scheme.firstPitch:
            startSectionIfNeeded()
            let distance = scheme.copyDistances[token - TuneScheme.firstCopy]
            let copied = bars[bars.count - distance].content
            var index = 0
            while index + 1 < copied.count {
                event(copied[index], units: scheme.durations[copied[index + 1] - scheme.firstDuration])
                index += 2
            }
        case TuneScheme.rest, TuneScheme.tie, TuneScheme.pickup, scheme.pitchTokens:
            startSectionIfNeeded()
            pendingEvent = token
        default:  // a duration
            if let event = pendingEvent {
                self.event(event, units: scheme.durations[token - scheme.firstDuration])
            }
            pendingEvent = nil
        }
    }

    mutating func startSectionIfNeeded() {
        if open == nil { open = OpenSection(start: bars.count, passes: 1) }
    }

    /// One event and its length; recorded in the bar's content for copies.
    mutating func event(_ event: Int, units: Int) {
        bar.content += [event, scheme.firstDuration + scheme.durations.firstIndex(of: units)!]
        switch event {
        case TuneScheme.pickup:
            bar.pickup += units
            position += units
            sounding = nil
        case TuneScheme.rest:
            position += units
            sounding = nil
        case TuneScheme.tie:
            if let note = sounding {
                let reach = note.elapsed + units
                if note.bar == bars.count {
                    bar.notes[note.note].duration = max(bar.notes[note.note].duration, reach)
                } else {
                    bars[note.bar].notes[note.note].duration = max(bars[note.bar].notes[note.note].duration, reach)
                }
                sounding?.elapsed = reach
            }
            position += units
        default:  // a pitch
            let pitch = scheme.lowestPitch + event - scheme.firstPitch
            bar.notes.append((pitch, position - bar.pickup, units))
            sounding = (bars.count, bar.notes.count - 1, units)
            position += units
        }
    }

    mutating func closeBar() {
        bar.length = position - bar.pickup
        bars.append(bar)
        bar = Bar()
        position = 0
    }

    mutating func closeSection() {
        guard let section = open else { return }
        sections.append((section.start, section.passes, section.firstEnding, section.secondEnding, bars.count))
        open = nil
    }

    /// Closes what is open and builds the tune.
    mutating func finish() -> FormedTune {
        if position > bar.pickup { closeBar() }
        if open != nil && open?.firstEnding != nil && open?.secondEnding == nil { open?.secondEnding = bars.count }
        closeSection()
        let unit = Double(TuneScheme.unitsPerQuarter)
        func tuneBar(_ bar: Bar) -> TuneBar {
            TuneBar(
                length: Double(bar.length) / unit,
                notes: bar.notes.map { TuneNote(pitch: $0.pitch, onset: Double($0.onset) / unit, duration: Double($0.duration) / unit) },
                metreChange: bar.metreChange)
        }
        let built = sections.map { section -> TuneSection in
            guard let first = section.firstEnding, first < (section.secondEnding ?? section.end) else {
                // No endings, or an empty first ending (a sequence stopped right after `[1`).
                return TuneSection(bars: bars[section.start..<section.end].map(tuneBar), passes: section.passes)
            }
            let second = section.secondEnding ?? section.end
            return TuneSection(
                bars: bars[section.start..<first].map(tuneBar), passes: 2,
                endings: [bars[first..<second].map(tuneBar), bars[second..<section.end].map(tuneBar)])
        }
        return FormedTune(metre: metre, sharps: 0, minor: minor, sections: built)
    }
}
