/// Finds the repeated parts of a played-out tune and folds them into a ``FormedTune``'s
/// sections, the way a folk musician would write the tune down.
///
/// MIDI files (the usual input) play every repeat out; folding gives back `|: ... :|` and
/// first and second endings. Bars are compared exactly: the same length, the same notes
/// (pitch, onset in the bar, duration) and the same note held over from the bar before, so
/// ``FormedTune/unrolled()`` of the folded tune always gives back exactly the input notes.
///
/// From the first bar on, the folder takes at each bar the longest repeat that starts there:
/// a part of ``partLengths`` bars played twice, either exactly or with its last one or two
/// bars different (first and second endings). Bars in no repeat are kept in sections played
/// once.
public enum RepeatFolder {
    /// The part lengths tried, in bars (folk parts are 4, 8 or 16 bars long).
    public static let partLengths = [16, 8, 4]
    /// The variant ending lengths tried, in bars.
    public static let endingLengths = [1, 2]

    /// Folds bars (in playing order) into sections.
    ///
    /// - Parameters:
    ///   - bars: The bars as played.
    ///   - partLengths: The part lengths tried, in bars, longest first.
    public static func fold(_ bars: [TuneBar], partLengths: [Int] = partLengths) -> [TuneSection] {
        let incoming = heldOver(bars)
        func same(_ a: Int, _ b: Int) -> Bool {
            bars[a].sounds(like: bars[b], tolerance: 1e-9)
                && incoming[a].pitch == incoming[b].pitch && abs(incoming[a].remaining - incoming[b].remaining) <= 1e-9
        }
        func sameRun(_ a: Int, _ b: Int, count: Int) -> Bool { (0..<count).allSatisfy { same(a + $0, b + $0) } }

        var sections: [TuneSection] = []
        var onceStart = 0
        var index = 0
        while index < bars.count {
            var found: TuneSection?
            var covered = 0
            for length in partLengths where index + 2 * length <= bars.count && 2 * length > covered {
                if sameRun(index, index + length, count: length) {
                    found = TuneSection(bars: Array(bars[index..<index + length]), passes: 2)
                    covered = 2 * length
                    break
                }
                for ending in endingLengths where ending < length {
                    let body = length - ending
                    let first = index + body
                    let second = index + length + body
                    guard sameRun(index, index + length, count: body), !sameRun(first, second, count: ending) else {
                        continue
                    }
                    found = TuneSection(
                        bars: Array(bars[index..<first]), passes: 2,
                        endings: [Array(bars[first..<index + length]), Array(bars[second..<second + ending])])
                    covered = 2 * length
                    break
                }
                if found != nil { break }
            }
            guard let section = found else {
                index += 1
                continue
            }
            if onceStart < index { sections.append(TuneSection(bars: Array(bars[onceStart..<index]))) }
            sections.append(section)
            index += covered
            onceStart = index
        }
        if onceStart < bars.count { sections.append(TuneSection(bars: Array(bars[onceStart...]))) }
        return sections
    }

    /// For each bar, the note held over into it from the bar before (pitch -1 when none) and
    /// how long it still sounds.
    static func heldOver(_ bars: [TuneBar]) -> [(pitch: Int, remaining: Double)] {
        var result: [(pitch: Int, remaining: Double)] = []
        result.reserveCapacity(bars.count)
        var held: (pitch: Int, remaining: Double) = (-1, 0)
        for bar in bars {
            result.append(held)
            var next: (pitch: Int, remaining: Double) = held.remaining > bar.length ? (held.pitch, held.remaining - bar.length) : (-1, 0)
            for note in bar.notes where note.end > bar.length + 1e-9 {
                let remaining = note.end - bar.length
                if next.pitch < 0 || remaining > next.remaining { next = (note.pitch, remaining) }
            }
            held = next
        }
        return result
    }

    /// Cuts notes (onsets in quarter notes from the tune's start) into bars.
    ///
    /// - Parameters:
    ///   - notes: The notes, in any order.
    ///   - metres: Where each metre takes effect, in quarter notes, by time; 4/4 before the
    ///     first. A metre change inside a bar ends that bar early.
    /// - Returns: Bars from time 0 to the bar holding the last onset, and on to the bar where
    ///   the last note ends when it is held over bar lines (so that a score can tie it); every
    ///   bar has its metre's full length except one cut short by a metre change.
    public static func bars(of notes: [TuneNote], metres: [(onset: Double, metre: Metre)]) -> [TuneBar] {
        guard let lastOnset = notes.map(\.onset).max() else { return [] }
        let lastEnd = notes.map { $0.onset + $0.duration }.max() ?? lastOnset
        var changes = metres.filter { $0.onset >= 0 }.sorted { $0.onset < $1.onset }
        if changes.first.map({ $0.onset > 0 }) ?? true { changes.insert((0, Metre(4, 4)), at: 0) }
        var starts: [(start: Double, length: Double, change: Metre?)] = []
        var previous: Metre?
        for (index, change) in changes.enumerated() {
            let until = index + 1 < changes.count ? changes[index + 1].onset : .infinity
            guard until > change.onset else { continue }
            var position = change.onset
            var mark: Metre? = change.metre != previous ? change.metre : nil
            previous = change.metre
            while position < until && (position <= lastOnset + 1e-9 || position < lastEnd - 1e-9) {
                let length = min(change.metre.barQuarters, until - position)
                starts.append((position, length, mark))
                mark = nil
                position += change.metre.barQuarters
            }
        }
        // The first bar's metre is the tune's: no change mark there.
        if !starts.isEmpty { starts[0].change = nil }
        var bars = starts.map { TuneBar(length: $0.length, notes: [], metreChange: $0.change) }
        var barIndex = 0
        for note in notes.sorted(by: { ($0.onset, -$0.pitch) < ($1.onset, -$1.pitch) }) {
            while barIndex + 1 < starts.count && starts[barIndex + 1].start <= note.onset + 1e-9 { barIndex += 1 }
            bars[barIndex].notes.append(
                TuneNote(pitch: note.pitch, onset: note.onset - starts[barIndex].start, duration: note.duration))
        }
        return bars
    }
}
