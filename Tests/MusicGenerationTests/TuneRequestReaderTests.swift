import Foundation
import MusicEncoding
import MusicGeneration
import Randomness
import SeqGAN
import TestSupport
import Testing

@Suite("Sampled whole tunes follow a request: metre, mode, played bars, form")
struct TuneRequestReaderTests {
    static let scheme = TuneScheme()

    /// A uniform random "model": from `begin`, each token drawn uniformly among those the
    /// reader's mask allows, the pitches counting as one choice (so that bar lines, repeats,
    /// endings and pickups come up often), until `end` or `limit` tokens; with `avoidPickups`,
    /// `pickup` only when nothing else is allowed.
    static func sampleUniform(
        _ reader: inout TuneRequestReader, seed: UInt64, avoidPickups: Bool = false, limit: Int = 20_000
    ) -> [Int] {
        var random = SplitMix64(seed: seed)
        var mask = [Float](repeating: 0, count: scheme.vocabularySize)
        var tokens: [Int] = []
        reader.reset()
        while tokens.count < limit && tokens.last != TuneScheme.end {
            mask.withUnsafeMutableBufferPointer { reader.fillMask($0, allowed: 1, forbidden: 0) }
            var choices = mask.indices.filter { mask[$0] == 1 && !(scheme.firstPitch + 1..<scheme.firstDuration).contains($0) }
            if avoidPickups && choices.count > 1 { choices.removeAll { $0 == TuneScheme.pickup } }
            var token = choices[Int(random.next() % UInt64(choices.count))]
            if token == scheme.firstPitch { token += Int(random.next() % UInt64(scheme.firstDuration - scheme.firstPitch)) }
            let read = reader.read(token)
            precondition(read, "the mask allowed a token the reader refused")
            tokens.append(token)
        }
        return tokens
    }

    /// Bars of a section's body or ending as a musician counts them: a short first bar
    /// followed by others is a pickup and does not count (a request puts pickups only at the
    /// start of a section, never alone in it).
    static func countedBars(_ bars: [TuneBar], fullLength: Double) -> Int {
        guard let first = bars.first, bars.count > 1, first.length < fullLength - 1e-9 else { return bars.count }
        return bars.count - 1
    }

    /// Counted bars of each pass of each section of a decoded tune.
    static func passBars(of tune: FormedTune) -> [[Int]] {
        let full = tune.metre.barQuarters
        return tune.sections.map { section in
            (0..<section.passes).map { pass in
                if section.endings.isEmpty { return countedBars(section.bars, fullLength: full) }
                return countedBars(section.bars, fullLength: full) + countedBars(section.endings[pass], fullLength: full)
            }
        }
    }

    @Test(
        "uniformly sampled tunes of --bars N end after exactly N played bars, in the requested metre and mode",
        arguments: [1, 2, 3, 7, 16, 17, 32])
    func barsMetreAndMode(bars: Int) throws {
        var seen = (repeated: 0, endings: 0, pickups: 0, once: 0)
        for (index, metre) in [Metre(6, 8), Metre(4, 4), Metre(3, 4)].enumerated() {
            for avoidPickups in [true, false] {
                let minor = index % 2 == 0
                let constraints = TuneConstraints(metre: metre, minor: minor, bars: bars)
                var reader = TuneRequestReader(constraints: constraints)
                for seed in 0..<UInt64(6) {
                    let tokens = Self.sampleUniform(&reader, seed: seed * 31 + UInt64(bars), avoidPickups: avoidPickups)
                    #expect(tokens.last == TuneScheme.end)
                    #expect(reader.fallbackSteps == 0)
                    #expect(reader.playedBars == bars)
                    let decoded = Self.scheme.decode(tokens)
                    #expect(!decoded.unfinished && decoded.skippedTokens == 0 && decoded.impliedTokens == 0)
                    let tune = decoded.tune
                    #expect(tune.metre == metre && tune.minor == minor)
                    #expect(tune.playedBars.allSatisfy { $0.metreChange == nil })
                    seen.repeated += tune.sections.filter(\.isRepeated).count
                    seen.endings += tune.sections.filter { !$0.endings.isEmpty }.count
                    seen.once += tune.sections.filter { !$0.isRepeated }.count
                    seen.pickups += tokens.filter { $0 == TuneScheme.pickup }.count
                    let played = Self.passBars(of: tune).joined().reduce(0, +)
                    #expect(played == bars, "\(Self.scheme.text(of: tokens))")
                    if avoidPickups {
                        // No pickup: every played bar is a full bar of the metre.
                        #expect(tune.playedBars.count == bars)
                        #expect(tune.playedBars.allSatisfy { abs($0.length - metre.barQuarters) < 1e-9 })
                    }
                }
            }
        }
        // The draws reach every kind of section, and pickups.
        #expect(seen.once > 0 && seen.pickups > 0)
        if bars >= 7 { #expect(seen.repeated > 0 && seen.endings > 0, "\(seen)") }
    }

    @Test(
        "a form's sections: a letter repeated right away is a repeated section, a lone letter one played once, every pass of --bars-per-part bars",
        arguments: [("AABB", 8), ("AABA", 4), ("ABAC", 2), ("AAB", 3), ("A", 5), ("AAABB", 2)])
    func formSections(form: String, barsPerPart: Int) throws {
        let plan = TuneConstraints.sections(of: try #require(TuneForm(form)), barsPerPart: barsPerPart)
        let constraints = TuneConstraints(metre: Metre(4, 4), minor: false, sections: plan)
        #expect(constraints.playedBars == plan.reduce(0) { $0 + $1.playedBars })
        var reader = TuneRequestReader(constraints: constraints)
        for seed in 0..<UInt64(8) {
            let tokens = Self.sampleUniform(&reader, seed: seed, avoidPickups: seed % 2 == 0)
            #expect(tokens.last == TuneScheme.end && reader.fallbackSteps == 0)
            #expect(reader.closedSections == plan.count && reader.playedBars == constraints.playedBars)
            let tune = Self.scheme.decode(tokens).tune
            #expect(tune.sections.map(\.isRepeated) == plan.map(\.isRepeated), "\(Self.scheme.text(of: tokens))")
            #expect(Self.passBars(of: tune) == plan.map { Array(repeating: $0.bars, count: $0.isRepeated ? 2 : 1) }, "\(Self.scheme.text(of: tokens))")
        }
    }

    @Test("letters to sections: AA repeated, a lone letter once, a run of three a repeated section and one played once")
    func sectionsOfForms() throws {
        func kinds(_ form: String) throws -> [Bool] {
            TuneConstraints.sections(of: try #require(TuneForm(form)), barsPerPart: 8).map(\.isRepeated)
        }
        #expect(try kinds("AABB") == [true, true])
        #expect(try kinds("AABA") == [true, false, false])
        #expect(try kinds("ABAB") == [false, false, false, false])
        #expect(try kinds("AAAB") == [true, false, false])
        let aabb = TuneConstraints(sections: TuneConstraints.sections(of: try #require(TuneForm("AABB")), barsPerPart: 8))
        #expect(aabb.playedBars == 32 && aabb.writtenBars == 16)
    }

    @Test("real tunes read through a request of their own metre, mode and played bars without a step outside it")
    func realTunesMeetTheirOwnRequest() throws {
        let tunes = try TuneSequenceReaderTests.folkTunes()
        #expect(tunes.count >= 20)
        var refused: [String] = []
        for tokens in tunes {
            var plain = TuneRequestReader(constraints: TuneConstraints())
            let plainRead = tokens.allSatisfy { plain.read($0) }
            #expect(plainRead)
            #expect(plain.fallbackSteps == 0)
            let decoded = Self.scheme.decode(tokens).tune
            let constraints = TuneConstraints(metre: decoded.metre, minor: decoded.minor, bars: plain.playedBars)
            var reader = TuneRequestReader(constraints: constraints)
            let read = tokens.allSatisfy { reader.read($0) }
            #expect(read)
            if reader.fallbackSteps > 0 { refused.append(Self.scheme.text(of: tokens)) }
        }
        #expect(refused.isEmpty, "\(refused.joined(separator: "\n"))")
    }

    @Test("real tunes read through a request of their own sections (repeated or not, bars per pass) without a step outside it")
    func realTunesMeetTheirOwnForm() throws {
        var checked = 0
        for tokens in try TuneSequenceReaderTests.folkTunes() {
            let tune = Self.scheme.decode(tokens).tune
            let passes = Self.passBars(of: tune)
            // Sections whose passes differ in length have no plan of this shape.
            guard passes.allSatisfy({ Set($0).count == 1 }) else { continue }
            let sections = zip(tune.sections, passes).map { TuneConstraints.Section(isRepeated: $0.isRepeated, bars: $1[0]) }
            var reader = TuneRequestReader(constraints: TuneConstraints(metre: tune.metre, sections: sections))
            let read = tokens.allSatisfy { reader.read($0) }
            #expect(read && reader.fallbackSteps == 0, "\(Self.scheme.text(of: tokens))")
            #expect(reader.closedSections == sections.count)
            checked += 1
        }
        #expect(checked >= 20)
    }

    @Test("random requests (any metre or none, mode, bars or form): every uniformly sampled tune meets its request in one metre with no fallback step")
    func randomRequests() throws {
        var random = SplitMix64(seed: 77)
        func draw(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(random.next() % UInt64(range.count)) }
        for index in 0..<300 {
            // A third without a metre: bars still keep the one the model picks.
            var constraints = TuneConstraints(
                metre: index % 3 == 1 ? nil : TuneScheme.metres[draw(0...(TuneScheme.metres.count - 1))],
                minor: draw(0...1) == 1)
            if draw(0...1) == 0 {
                constraints.bars = draw(1...40)
            } else {
                let letters = String((0..<draw(1...6)).map { _ in draw(0...1) == 0 ? "A" : "B" })
                constraints.sections = TuneConstraints.sections(of: try #require(TuneForm(letters)), barsPerPart: draw(1...8))
            }
            var reader = TuneRequestReader(constraints: constraints)
            let tokens = Self.sampleUniform(&reader, seed: UInt64(index), avoidPickups: index % 3 == 0)
            let text = Self.scheme.text(of: tokens)
            #expect(tokens.last == TuneScheme.end && reader.fallbackSteps == 0, "\(constraints): \(text)")
            #expect(reader.playedBars == constraints.playedBars)
            let tune = Self.scheme.decode(tokens).tune
            #expect(tune.metre == constraints.metre ?? tune.metre && tune.minor == constraints.minor)
            #expect(tune.playedBars.allSatisfy { $0.metreChange == nil })
            #expect(Self.passBars(of: tune).joined().reduce(0, +) == constraints.playedBars, "\(constraints): \(text)")
            if let plan = constraints.sections {
                #expect(Self.passBars(of: tune) == plan.map { Array(repeating: $0.bars, count: $0.isRepeated ? 2 : 1) })
            }
        }
    }

    @Test("features are the plain grammar's, unchanged by the request")
    func featuresPassThrough() throws {
        let tokens = try #require(try TuneSequenceReaderTests.folkTunes().first)
        let tune = Self.scheme.decode(tokens).tune
        var plain = TuneSequenceReader()
        var requested = TuneRequestReader(constraints: TuneConstraints(metre: Metre(2, 2), minor: !tune.minor, bars: 3))
        var a = [Float](repeating: -1, count: TuneTokenReader.featureCount)
        var b = a
        for token in tokens {
            a.withUnsafeMutableBufferPointer { plain.fillFeatures($0) }
            b.withUnsafeMutableBufferPointer { requested.fillFeatures($0) }
            #expect(a == b)
            plain.read(token)
            requested.read(token)
            #expect(plain.isAtBoundary == requested.isAtBoundary)
        }
    }

    @Test("with nothing requested, the masks are the plain grammar's at every step of every real tune")
    func emptyRequestIsThePlainGrammar() throws {
        var plain = TuneSequenceReader()
        var requested = TuneRequestReader(constraints: TuneConstraints())
        var a = [Float](repeating: 0, count: Self.scheme.vocabularySize)
        var b = a
        for tokens in try TuneSequenceReaderTests.folkTunes() {
            plain.reset()
            requested.reset()
            for token in tokens {
                a.withUnsafeMutableBufferPointer { plain.fillMask($0, allowed: 0, forbidden: -.infinity) }
                b.withUnsafeMutableBufferPointer { requested.fillMask($0, allowed: 0, forbidden: -.infinity) }
                #expect(a == b)
                plain.read(token)
                requested.read(token)
            }
        }
    }

    @Test("tokens that break the request are read (the grammar allows them), counted as fallback steps, and the mask never allows nothing")
    func fallbackSteps() throws {
        let tokens = try #require(try TuneSequenceReaderTests.folkTunes().first)
        let tune = Self.scheme.decode(tokens).tune
        let other = TuneScheme.metres.first { $0 != tune.metre }!
        var reader = TuneRequestReader(constraints: TuneConstraints(metre: other, minor: !tune.minor, bars: 1))
        var mask = [Float](repeating: 0, count: Self.scheme.vocabularySize)
        for token in tokens {
            mask.withUnsafeMutableBufferPointer { reader.fillMask($0, allowed: 1, forbidden: 0) }
            #expect(mask.contains(1))
            let read = reader.read(token)
            #expect(read)
        }
        // The metre, the mode, and at least the bars past the first.
        #expect(reader.fallbackSteps >= 3)
        #expect(reader.read(TuneScheme.barLine) == false)
    }

    @Test("the requested metre is the only one after begin, the requested mode the only one after it")
    func metreAndModeMasks() {
        var reader = TuneRequestReader(constraints: TuneConstraints(metre: Metre(6, 8), minor: true))
        var mask = [Float](repeating: 0, count: Self.scheme.vocabularySize)
        func allowed() -> [Int] {
            mask.withUnsafeMutableBufferPointer { reader.fillMask($0, allowed: 1, forbidden: 0) }
            return mask.indices.filter { mask[$0] == 1 }
        }
        reader.read(TuneScheme.begin)
        #expect(allowed() == [Self.scheme.id(of: .metre(Metre(6, 8)))!])
        reader.read(Self.scheme.id(of: .metre(Metre(6, 8)))!)
        #expect(allowed() == [TuneScheme.minor])
        reader.read(TuneScheme.minor)
        // No metre change inside the tune.
        #expect(!allowed().contains { (TuneScheme.firstMetre..<TuneScheme.major).contains($0) })
    }
}
