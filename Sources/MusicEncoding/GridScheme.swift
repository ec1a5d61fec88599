import MIDI

/// The project's musical encoding: a grid of `stepsPerQuarter` steps per quarter note; each
/// step is a rest, a hold (the previous note goes on) or a note-on; a bar token (not a step)
/// comes before each bar's first step. Pitches are transposed to C major / A minor from the
/// tune's first key signature.
///
/// Tokens: 0 rest, 1 hold, 2 bar, then `3 + pitch - lowestPitch` for note-ons.
public struct GridScheme: Sendable, Hashable {
    /// Rest step.
    public static let rest = 0
    /// Hold step: the sounding note continues.
    public static let hold = 1
    /// Bar line (takes no time).
    public static let bar = 2
    /// The first note-on token.
    public static let firstNoteOn = 3

    /// Steps per quarter note.
    public var stepsPerQuarter: Int
    /// Lowest note-on pitch.
    public var lowestPitch: Int
    /// Highest note-on pitch.
    public var highestPitch: Int
    /// Whether tunes are transposed to C major / A minor.
    public var transposeToC: Bool

    /// Creates the scheme from settings.
    public init(settings: TokenizerSettings) {
        stepsPerQuarter = max(1, settings.stepsPerQuarter)
        lowestPitch = settings.lowestPitch
        highestPitch = max(settings.lowestPitch + 11, settings.highestPitch)
        transposeToC = settings.transposeToC
    }

    /// Rest, hold, bar and one note-on per pitch.
    public var vocabularySize: Int { Self.firstNoteOn + highestPitch - lowestPitch + 1 }

    /// The note-on token of a pitch (moved by octaves into range).
    public func noteOn(pitch: Int) -> Int {
        var pitch = pitch
        while pitch < lowestPitch { pitch += 12 }
        while pitch > highestPitch { pitch -= 12 }
        return Self.firstNoteOn + pitch - lowestPitch
    }

    /// The pitch of a note-on token, `nil` for other tokens.
    public func pitch(token: Int) -> Int? {
        token >= Self.firstNoteOn && token < vocabularySize ? token - Self.firstNoteOn + lowestPitch : nil
    }

    /// The semitones that move the key with `sharps` to C major (or its relative minor to A
    /// minor), in -6...5.
    public static func shiftToC(sharps: Int) -> Int {
        let tonic = ((7 * sharps) % 12 + 12) % 12  // pitch class of the major tonic
        return tonic <= 6 ? -tonic : 12 - tonic
    }

    /// Grid steps in one bar of `numerator/denominator`.
    public func barSteps(numerator: Int, denominator: Int) -> Int {
        max(1, (numerator * stepsPerQuarter * 4 + denominator / 2) / max(1, denominator))
    }

    /// The result of encoding one tune.
    public struct Encoded: Sendable, Hashable {
        /// The tokens.
        public var tokens: [Int]
        /// Semitones added to every pitch (the shift to C major / A minor).
        public var transposition: Int
        /// Notes dropped because another onset nearer the grid took their step.
        public var collidingNotes: Int
    }

    /// Encodes a melody. Needs a metrical division (`ticksPerQuarter > 0`).
    public func encode(_ melody: Melody) -> Encoded {
        let quarter = Double(melody.ticksPerQuarter)
        let stepTicks = quarter / Double(stepsPerQuarter)
        let shift = transposeToC ? Self.shiftToC(sharps: melody.key?.sharps ?? 0) : 0
        func step(_ tick: Int) -> Int { Int((Double(tick) / stepTicks).rounded()) }
        let voice = melody.notes
        let totalSteps = voice.reduce(0) { max($0, step($1.endTick), step($1.startTick) + 1) }

        // Per step: rest, hold or note-on.
        var steps = [Int](repeating: Self.rest, count: totalSteps)
        var collisions = 0
        var previousStart = -1
        var previousDistance = 0.0
        for (index, note) in voice.enumerated() {
            let exact = Double(note.startTick) / stepTicks
            let start = Int(exact.rounded())  // below totalSteps by its definition
            let distance = abs(exact - Double(start))
            if start == previousStart {
                // Two onsets on one step: the one nearer the grid keeps it.
                collisions += 1
                guard distance < previousDistance else { continue }
            }
            previousStart = start
            previousDistance = distance
            var end = max(start + 1, step(note.endTick))
            if index + 1 < voice.count {
                end = min(end, max(start + 1, step(voice[index + 1].startTick)))
            }
            steps[start] = noteOn(pitch: note.pitch + shift)
            for s in (start + 1)..<min(end, totalSteps) { steps[s] = Self.hold }
        }

        // Bar lines from the time signatures (4/4 before the first).
        var barStarts: [Int] = []
        var signatures = melody.timeSignatures.map { (step($0.tick), barSteps(numerator: $0.numerator, denominator: $0.denominator)) }
        if signatures.first?.0 != 0 { signatures.insert((0, barSteps(numerator: 4, denominator: 4)), at: 0) }
        for (index, signature) in signatures.enumerated() {
            let until = index + 1 < signatures.count ? signatures[index + 1].0 : totalSteps
            var position = signature.0
            while position < until {
                barStarts.append(position)
                position += signature.1
            }
        }
        var tokens: [Int] = []
        tokens.reserveCapacity(totalSteps + barStarts.count)
        var nextBar = 0
        for (index, token) in steps.enumerated() {
            while nextBar < barStarts.count && barStarts[nextBar] <= index {
                if barStarts[nextBar] == index { tokens.append(Self.bar) }
                nextBar += 1
            }
            tokens.append(token)
        }
        return Encoded(tokens: tokens, transposition: shift, collidingNotes: collisions)
    }

    /// Decodes tokens (in C major / A minor) to a MIDI file in the key of `options`.
    public func decode(_ tokens: [Int], options: DecodeOptions) -> MIDIFile {
        let stepTicks = Double(options.ticksPerQuarter) / Double(stepsPerQuarter)
        let barLength = barSteps(numerator: options.numerator, denominator: options.denominator)
        let shift = -Self.shiftToC(sharps: options.sharps)
        func tick(_ step: Int) -> Int { Int((Double(step) * stepTicks).rounded()) }
        var notes: [Note] = []
        var sounding: (start: Int, pitch: Int)?
        var position = 0
        func close() {
            if let current = sounding {
                notes.append(
                    Note(
                        pitch: max(0, min(127, current.pitch + shift)), velocity: options.velocity,
                        program: options.program, startTick: tick(current.start),
                        endTick: tick(position), start: 0, end: 0))
            }
            sounding = nil
        }
        for token in tokens {
            switch token {
            case Self.bar:
                if options.alignBars && position % barLength != 0 {
                    position += barLength - position % barLength
                }
            case Self.hold:
                position += 1
            case Self.rest:
                close()
                position += 1
            default:
                close()
                if let pitch = pitch(token: token) { sounding = (position, pitch) }
                position += 1
            }
        }
        close()
        return MIDIFile.melodyFile(notes: notes, options: options)
    }
}
