import Foundation
import MusicEncoding
import MusicGeneration
import Randomness
import SeqGAN
import Testing

@Suite("Sampled whole tunes follow a request: metre, mode, played bars, form")
struct TuneRequestReaderTests {
    static let scheme = TuneScheme()

    /// A uniform random "model": from `begin`, each token drawn uniformly among those the
    /// reader's mask allows (`pickup` only when nothing else is allowed, with `avoidPickups`),
    /// until `end` or `limit` tokens.
    static func sampleUniform(
        _ reader: inout TuneRequestReader, seed: UInt64, avoidPickups: Bool = false, limit: Int = 20_000
    ) -> [Int] {
        var random = SplitMix64(seed: seed)
        var mask = [Float](repeating: 0, count: scheme.vocabularySize)
        var tokens: [Int] = []
        reader.reset()
        while tokens.count < limit && tokens.last != TuneScheme.end {
            mask.withUnsafeMutableBufferPointer { reader.fillMask($0, allowed: 1, forbidden: 0) }
            var choices = mask.indices.filter { mask[$0] == 1 }
            if avoidPickups && choices.count > 1 { choices.removeAll { $0 == TuneScheme.pickup } }
            let token = choices[Int(random.next() % UInt64(choices.count))]
            let read = reader.read(token)
            precondition(read, "the mask allowed a token the reader refused")
            tokens.append(token)
        }
        return tokens
    }

    /// Bars of one pass (a body plus an ending, or a section played once) as a musician
    /// counts them: a short first bar followed by others is a pickup and does not count.
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
    }
}
