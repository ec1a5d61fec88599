/// Parses a book of ABC tunes (the subset described in `docs/midi.md`): header fields X, T, M,
/// L, Q, K; notes with accidentals, octave marks and lengths; rests; bar lines with repeats
/// and first/second endings (expanded); ties; broken rhythm (> <); tuplets ((3); chords in
/// [] (all notes kept). Chord symbols in quotes, decorations, grace notes, slurs and
/// comments are ignored.
///
/// Besides the notes as played (``ABCTune/events``), each tune keeps its form as written
/// (``ABCTune/form``): bars, repeated parts (`|:` `:|` `::`), first and second endings
/// (`[1` `[2`, `|1` `:|2`), part labels (`P:` in the body) and metre changes (`M:` in the body).
public enum ABCTuneBook {
    /// Parses every tune (each starts at an `X:` line); a tune with an error gives a failure
    /// and the others still parse.
    public static func parse(_ text: String, fileName: String) -> [Result<ABCTune, ABCError>] {
        var results: [Result<ABCTune, ABCError>] = []
        var block: [(Int, Substring)] = []
        func flush() {
            if !block.isEmpty { results.append(Result { () throws(ABCError) -> ABCTune in try parseTune(block, fileName: fileName) }) }
            block = []
        }
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("X:") { flush() }
            if !block.isEmpty || line.hasPrefix("X:") { block.append((index + 1, line)) }
        }
        flush()
        return results
    }

    /// A musical element before repeats are expanded.
    enum Element {
        case notes(pitches: [Int], length: Double, tie: Bool)
        case rest(length: Double)
        case bar
        case repeatStart
        case repeatEnd
        case ending(Int)
        /// A double or end bar line (`||`, `|]`, `[|`): a part may end here.
        case sectionEnd
        /// A part label (`P:` in the tune body).
        case part(String)
        /// A metre change (`M:` in the tune body).
        case metre(Int, Int)
    }

    private static func parseTune(_ lines: [(Int, Substring)], fileName: String) throws(ABCError) -> ABCTune {
        var tune = ABCTune(
            reference: 0, title: "", numerator: 4, denominator: 4, beatsPerMinute: 120, sharps: 0,
            minor: false, pickup: 0, events: [], form: FormedTune(metre: Metre(4, 4), sections: []))
        var unitLength: Double?  // in whole notes
        var unitFraction: NoteFraction?
        var headerMetre: Metre?
        var tempoField: String?
        var inBody = false
        var elements: [Element] = []
        var keyAccidentals = [Int](repeating: 0, count: 7)  // per letter C D E F G A B
        var lastLine = lines.first?.0 ?? 0

        for (number, rawLine) in lines {
            lastLine = number
            let line = rawLine.split(separator: "%", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            let isField = trimmed.count >= 2 && trimmed.first!.isLetter && trimmed.dropFirst().first == ":"
            if isField {
                let name = trimmed.first!
                let value = trimmed.dropFirst(2).trimmingCharacters(in: .whitespaces)
                switch name {
                case "X": tune.reference = Int(value) ?? 0
                case "T": if tune.title.isEmpty { tune.title = value }
                case "M":
                    (tune.numerator, tune.denominator) = try meter(value, number, fileName)
                    if inBody {
                        elements.append(.metre(tune.numerator, tune.denominator))
                    } else {
                        headerMetre = Metre(tune.numerator, tune.denominator)
                    }
                case "L":
                    unitLength = try fraction(value, number, fileName)
                    let parts = value.split(separator: "/")
                    if !inBody, parts.count == 2, let n = Int(parts[0]), let d = Int(parts[1]), n > 0, d > 0 {
                        unitFraction = NoteFraction(n, d)
                    }
                case "P": if inBody { elements.append(.part(value)) }
                case "Q": tempoField = value
                case "K":
                    let key = try parseKey(value, number, fileName)
                    tune.sharps = key.sharps
                    tune.minor = key.minor
                    keyAccidentals = accidentals(sharps: key.sharps)
                    inBody = true
                default: break  // other fields (composer, origin, parts, lyrics) are ignored
                }
                continue
            }
            guard inBody else {
                throw ABCError(file: fileName, line: number, message: "music before the K: field")
            }
            try parseMusic(
                Array(trimmed.unicodeScalars), line: number, file: fileName, keyAccidentals: keyAccidentals,
                into: &elements)
        }
        guard inBody else { throw ABCError(file: fileName, line: lastLine, message: "no K: field") }
        let unit = unitLength ?? (Double(tune.numerator) / Double(tune.denominator) < 0.75 ? 1.0 / 16 : 1.0 / 8)
        if let tempoField { tune.beatsPerMinute = try tempo(tempoField, unit: unit, lastLine, fileName) }
        expand(elements, unit: unit, into: &tune)
        tune.form = form(
            of: elements, unit: unit, metre: headerMetre ?? Metre(tune.numerator, tune.denominator),
            unitLength: unitFraction, tune: tune)
        guard !tune.events.isEmpty else { throw ABCError(file: fileName, line: lastLine, message: "tune \(tune.reference) has no notes") }
        return tune
    }

    /// Plays the elements: repeats once, first endings skipped on the second pass, ties merged.
    private static func expand(_ elements: [Element], unit: Double, into tune: inout ABCTune) {
        var time = 0.0
        var index = 0
        var repeatStart = 0
        var secondPass = false
        var skipping = false
        var firstBarTime: Double?
        var tiedIndex: Int?
        var guardSteps = 0
        while index < elements.count && guardSteps < elements.count * 4 {
            guardSteps += 1
            switch elements[index] {
            case .repeatStart:
                repeatStart = index + 1
                secondPass = false
                skipping = false
            case .repeatEnd:
                if !secondPass {
                    secondPass = true
                    skipping = false
                    index = repeatStart
                    continue
                }
                secondPass = false
                skipping = false
                repeatStart = index + 1
            case .ending(let number):
                skipping = secondPass && number == 1
            case .sectionEnd, .part, .metre:
                break
            case .bar:
                if firstBarTime == nil && time > 0 { firstBarTime = time }
            case .rest(let length):
                if !skipping { time += length * unit * 4 }
                tiedIndex = nil
            case .notes(let pitches, let length, let tie):
                guard !skipping else { break }
                let quarters = length * unit * 4
                if let tied = tiedIndex, pitches.count == 1, tune.events[tied].pitch == pitches[0] {
                    tune.events[tied].duration += quarters
                } else {
                    for pitch in pitches {
                        tune.events.append(ABCTune.Event(pitch: pitch, start: time, duration: quarters))
                    }
                }
                if tie && pitches.count == 1 {
                    if tiedIndex == nil || tune.events[tiedIndex!].pitch != pitches[0] { tiedIndex = tune.events.count - 1 }
                } else {
                    tiedIndex = nil
                }
                time += quarters
            }
            index += 1
        }
        let barQuarters = Double(tune.numerator) * 4 / Double(tune.denominator)
        if let firstBarTime, firstBarTime < barQuarters - 1e-9 { tune.pickup = firstBarTime }
    }

    // MARK: - Music lines

    private static func parseMusic(
        _ s: [Unicode.Scalar], line: Int, file: String, keyAccidentals: [Int], into elements: inout [Element]
    ) throws(ABCError) {
        func fail(_ message: String) -> ABCError { ABCError(file: file, line: line, message: message) }
        var i = 0
        var barAccidentals: [Int: Int] = [:]  // (letter index + 7 x octave) -> semitones
        var tuplet: (remaining: Int, factor: Double)?
        var brokenNext = 1.0
        var lastNoteIndex: Int?

        func peek(_ offset: Int = 0) -> Unicode.Scalar? { i + offset < s.count ? s[i + offset] : nil }
        func isDigit(_ c: Unicode.Scalar?) -> Bool { c.map { ("0"..."9").contains($0) } ?? false }
        /// Digits as a number, capped at 9,999 (no overflow on long digit runs).
        func readNumber() -> Int? {
            var value: Int?
            while let c = peek(), isDigit(c) {
                value = min((value ?? 0) * 10 + Int(c.value - 48), 9_999)
                i += 1
            }
            return value
        }
        /// Length multiplier: "2", "/2", "/", "3/2", "//".
        func readLength() throws(ABCError) -> Double {
            var numerator = Double(readNumber() ?? 1)
            while peek() == "/" {
                i += 1
                let denominator = readNumber() ?? 2
                guard denominator > 0 else { throw fail("note length divided by 0") }
                numerator /= Double(denominator)
            }
            guard numerator > 0 else { throw fail("note length of 0") }
            return numerator
        }
        func readNote() throws(ABCError) -> Int? {
            var explicit: Int?
            while let c = peek(), c == "^" || c == "_" || c == "=" {
                explicit = (explicit ?? 0) + (c == "^" ? 1 : c == "_" ? -1 : 0)
                i += 1
            }
            guard let letter = peek(), "ABCDEFGabcdefg".unicodeScalars.contains(letter) else {
                if explicit != nil { throw fail("accidental without a note") }
                return nil
            }
            i += 1
            let upper = Character(letter).uppercased()
            let letterIndex = "CDEFGAB".firstIndex(of: Character(upper))!.utf16Offset(in: "CDEFGAB")
            var octave = Character(letter).isLowercase ? 1 : 0
            while let c = peek(), c == "'" || c == "," {
                octave += c == "'" ? 1 : -1
                i += 1
            }
            let slot = letterIndex + 7 * (octave + 10)
            if let explicit { barAccidentals[slot] = explicit }
            let alteration = barAccidentals[slot] ?? keyAccidentals[letterIndex]
            return 60 + 12 * octave + [0, 2, 4, 5, 7, 9, 11][letterIndex] + alteration
        }
        func applyRhythm(_ length: Double) -> Double {
            var length = length * brokenNext
            brokenNext = 1
            if let current = tuplet {
                length *= current.factor
                tuplet = current.remaining > 1 ? (current.remaining - 1, current.factor) : nil
            }
            return length
        }

        while i < s.count {
            let c = s[i]
            switch c {
            case " ", "\t", "`", "\\", "~", ".", ")":
                i += 1
            case "\"", "!", "+":
                // Chord symbol, decoration: skip to the closing mark.
                let close = c
                i += 1
                while let d = peek(), d != close { i += 1 }
                guard peek() == close else { throw fail("unclosed \(close)") }
                i += 1
            case "{":
                while let d = peek(), d != "}" { i += 1 }
                guard peek() == "}" else { throw fail("unclosed grace notes {") }
                i += 1
            case "(":
                i += 1
                if let p = readNumber() {
                    let q: Double = p == 3 || p == 6 ? 2 : (p == 2 || p == 4 || p == 8 ? 3 : 2)
                    tuplet = (p, q / Double(p))
                }
            case ">", "<":
                var count = 0
                while let d = peek(), d == c {
                    count += 1
                    i += 1
                }
                let shorter = count == 1 ? 0.5 : count == 2 ? 0.25 : 0.125
                guard let last = lastNoteIndex else { throw fail("broken rhythm without a previous note") }
                let firstFactor = c == ">" ? 2 - shorter : shorter
                switch elements[last] {
                case .notes(let pitches, let length, let tie):
                    elements[last] = .notes(pitches: pitches, length: length * firstFactor, tie: tie)
                case .rest(let length): elements[last] = .rest(length: length * firstFactor)
                default: break
                }
                brokenNext = c == ">" ? shorter : 2 - shorter
            case "-":
                guard let last = lastNoteIndex, case .notes(let pitches, let length, _) = elements[last] else {
                    throw fail("tie without a note")
                }
                elements[last] = .notes(pitches: pitches, length: length, tie: true)
                i += 1
            case "z", "x", "Z":
                i += 1
                let length = applyRhythm(try readLength())
                elements.append(.rest(length: length))
                lastNoteIndex = elements.count - 1
            case "|", ":", "[", "]":
                if c == "[", let next = peek(1), next.properties.isAlphabetic, peek(2) == ":" {
                    // Inline field such as [K:G]: skipped for the notes; an inline metre
                    // [M:6/8] is kept in the form (the tune's metre stays the M: line's).
                    let start = i
                    while let d = peek(), d != "]" { i += 1 }
                    if next == "M", i > start + 3 {
                        let value = String(String.UnicodeScalarView(s[(start + 3)..<i])).trimmingCharacters(in: .whitespaces)
                        do {
                            let (numerator, denominator) = try meter(value, line, file)
                            elements.append(.metre(numerator, denominator))
                        } catch {
                            // An unreadable inline metre is skipped like the other inline fields.
                        }
                    }
                    i += 1
                    continue
                }
                if c == "[", let next = peek(1), next != "|", !isDigit(next) {
                    // A chord: every note, the length of the first.
                    i += 1
                    var pitches: [Int] = []
                    var firstLength: Double?
                    while let d = peek(), d != "]" {
                        guard let pitch = try readNote() else { throw fail("unexpected '\(Character(d))' in chord") }
                        pitches.append(pitch)
                        let length = try readLength()
                        if firstLength == nil { firstLength = length }
                    }
                    guard peek() == "]", !pitches.isEmpty else { throw fail("unclosed or empty chord") }
                    i += 1
                    let length = applyRhythm((firstLength ?? 1) * (try readLength()))
                    elements.append(.notes(pitches: pitches, length: length, tie: false))
                    lastNoteIndex = elements.count - 1
                    continue
                }
                // Bar lines: | || |] [| |: :| :: :|: and endings [1 |1 :|2.
                var symbol = ""
                while let d = peek(), d == "|" || d == ":" || d == "[" || d == "]" {
                    if d == "[" && !symbol.isEmpty && !isDigit(peek(1)) { break }
                    symbol.unicodeScalars.append(d)
                    i += 1
                    if d == "[" { break }
                }
                let endsRepeat = symbol.hasPrefix(":")
                let startsRepeat = symbol.hasSuffix(":") && symbol != ":"
                if endsRepeat { elements.append(.repeatEnd) }
                if symbol.contains("|") || symbol == "::" { elements.append(.bar) }
                if symbol == "||" || symbol == "|]" || symbol == "[|" { elements.append(.sectionEnd) }
                if startsRepeat || symbol == "::" { elements.append(.repeatStart) }
                barAccidentals = [:]
                if isDigit(peek()) {
                    elements.append(.ending(readNumber() ?? 1))
                    while peek() == "," || peek() == "-" || isDigit(peek()) { i += 1 }
                }
            default:
                guard let pitch = try readNote() else { throw fail("unexpected character '\(Character(c))'") }
                let length = applyRhythm(try readLength())
                elements.append(.notes(pitches: [pitch], length: length, tie: false))
                lastNoteIndex = elements.count - 1
            }
        }
    }

    // MARK: - Header fields

    private static func fraction(_ text: String, _ line: Int, _ file: String) throws(ABCError) -> Double {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let n = Double(parts[0]), let d = Double(parts[1]), n > 0, d > 0, n.isFinite, d.isFinite else {
            throw ABCError(file: file, line: line, message: "expected a fraction such as 1/8, got '\(text)'")
        }
        return n / d
    }

    private static func meter(_ text: String, _ line: Int, _ file: String) throws(ABCError) -> (Int, Int) {
        switch text {
        case "C": return (4, 4)
        case "C|": return (2, 2)
        default:
            let parts = text.split(separator: "/")
            guard parts.count == 2, let n = Int(parts[0]), let d = Int(parts[1]), (1...64).contains(n),
                (1...64).contains(d), d & (d - 1) == 0
            else {
                throw ABCError(file: file, line: line, message: "expected a metre such as 6/8, got '\(text)'")
            }
            return (n, d)
        }
    }

    /// `Q:1/4=120`, `Q:3/8=80` (converted to quarters per minute) or `Q:120` (unit lengths).
    private static func tempo(_ text: String, unit: Double, _ line: Int, _ file: String) throws(ABCError) -> Double {
        let parts = text.split(separator: "=")
        if parts.count == 2 {
            guard let beats = Double(parts[1].trimmingCharacters(in: .whitespaces)) else {
                throw ABCError(file: file, line: line, message: "bad tempo '\(text)'")
            }
            let tempo = beats * (try fraction(String(parts[0]).trimmingCharacters(in: .whitespaces), line, file)) * 4
            guard (10...1000).contains(tempo) else { throw ABCError(file: file, line: line, message: "tempo '\(text)' outside 10...1000 quarters per minute") }
            return tempo
        }
        guard let beats = Double(text), (10...1000).contains(beats * unit * 4) else {
            throw ABCError(file: file, line: line, message: "bad tempo '\(text)'")
        }
        return beats * unit * 4
    }

    /// `D`, `Am`, `Bb`, `F#m`, `Ador`, `Dmix`, `Emin`, `Gmaj`.
    private static func parseKey(_ text: String, _ line: Int, _ file: String) throws(ABCError) -> (sharps: Int, minor: Bool) {
        let majorSharps: [String: Int] = [
            "C": 0, "G": 1, "D": 2, "A": 3, "E": 4, "B": 5, "F#": 6, "C#": 7, "F": -1, "Bb": -2,
            "Eb": -3, "Ab": -4, "Db": -5, "Gb": -6, "Cb": -7,
        ]
        var rest = Substring(text.split(separator: " ").first ?? "")
        guard let letter = rest.first, "ABCDEFG".contains(letter) else {
            throw ABCError(file: file, line: line, message: "bad key '\(text)'")
        }
        var tonic = String(letter)
        rest = rest.dropFirst()
        if let sign = rest.first, sign == "#" || sign == "b" {
            tonic.append(sign)
            rest = rest.dropFirst()
        }
        let mode = rest.lowercased()
        let offsets: [(String, Int, Bool)] = [
            ("", 0, false), ("maj", 0, false), ("ion", 0, false), ("m", -3, true), ("min", -3, true),
            ("aeo", -3, true), ("mix", -1, false), ("dor", -2, true), ("phr", -4, true),
            ("lyd", 1, false), ("loc", -5, true),
        ]
        guard let (_, offset, minor) = offsets.first(where: { mode == $0.0 || (!$0.0.isEmpty && mode.hasPrefix($0.0) && $0.0.count >= 3) }),
            let base = majorSharps[tonic]
        else {
            throw ABCError(file: file, line: line, message: "bad key '\(text)'")
        }
        let sharps = base + offset
        guard (-7...7).contains(sharps) else { throw ABCError(file: file, line: line, message: "key '\(text)' needs more than 7 accidentals") }
        return (sharps, minor)
    }

    /// Semitone alteration per letter C D E F G A B for a key signature.
    private static func accidentals(sharps: Int) -> [Int] {
        var result = [Int](repeating: 0, count: 7)
        let sharpOrder = [3, 0, 4, 1, 5, 2, 6]  // F C G D A E B
        let flatOrder = [6, 2, 5, 1, 4, 0, 3]  // B E A D G C F
        if sharps > 0 { for k in 0..<sharps { result[sharpOrder[k]] = 1 } }
        if sharps < 0 { for k in 0..<(-sharps) { result[flatOrder[k]] = -1 } }
        return result
    }
}

import Foundation
