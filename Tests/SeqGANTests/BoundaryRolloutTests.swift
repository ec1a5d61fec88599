import Foundation
import NeuralNetwork
import Testing
@testable import SeqGAN
import TensorCore

/// Scores a sequence by the mean of its tokens, and records the blocks of every roll-out
/// scoring call.
final class BlockCountingScorer: SequenceScorer {
    let length: Int
    var blocks: [RolloutBlock] = []
    var completions: [Int32] = []
    init(length: Int) { self.length = length }

    func score(_ sequences: UnsafePointer<Int32>, count: Int, into scores: UnsafeMutablePointer<Float>) {
        for row in 0..<count {
            var sum: Float = 0
            for i in 0..<length { sum += Float(sequences[row * length + i]) }
            scores[row] = sum / Float(length * 10)
        }
    }

    func score(
        completions: UnsafePointer<Int32>, blocks: [RolloutBlock], perPrefix: Int,
        of sequences: UnsafePointer<Int32>, batch: Int, into scores: UnsafeMutablePointer<Float>
    ) {
        self.blocks += blocks
        self.completions += Array(UnsafeBufferPointer(start: completions, count: blocks.count * perPrefix * length))
        score(completions, count: blocks.count * perPrefix, into: scores)
    }
}

@Suite("Roll-outs at the reader's boundaries")
struct BoundaryRolloutTests {
    static let length = 10

    func makeGenerator(seed: UInt64 = 1) -> Generator {
        var config = GeneratorConfig(
            vocabularySize: 9, embeddingSize: 3, hiddenSize: 4, sequenceLength: Self.length,
            initialStandardDeviation: 0.5)
        config.featureCount = ToyGrammarReader.featureCount
        let generator = Generator(config: config)
        var random = SplitMix64(seed: seed)
        generator.initializeRandom(using: &random)
        generator.conditioning = ToyGrammarReader.conditioning()
        return generator
    }

    /// The positions after which `row`'s reader reports a boundary, before the last.
    func boundaries(of row: ArraySlice<Int32>) -> [Int] {
        var reader = ToyGrammarReader()
        var positions: [Int] = []
        for (offset, token) in row.enumerated() where offset < row.count - 1 {
            reader.read(Int(token))
            if reader.isAtBoundary { positions.append(offset) }
        }
        return positions
    }

    @Test("one roll-out start per boundary; rewards constant within a unit, each unit's the mean of its completions")
    func unitsShareRewards() {
        let t = Self.length
        let batch = 6
        let perPrefix = 3
        let generator = makeGenerator()
        var random = SplitMix64(seed: 11)
        let rows = generator.sample(count: batch, using: &random)
        let scorer = BlockCountingScorer(length: t)
        let rewards = RolloutRewards.compute(
            for: TokenBatch(tokens: rows, length: t), perPrefix: perPrefix, rolloutPolicy: generator,
            scorer: scorer, seed: 5, positions: .boundaries)
        let expected = (0..<batch).flatMap { b in
            boundaries(of: rows[(b * t)..<((b + 1) * t)]).map { RolloutBlock(sequence: b, prefixLength: $0 + 1) }
        }
        #expect(!expected.isEmpty)
        #expect(scorer.blocks.count == expected.count)
        #expect(Set(scorer.blocks.map { "\($0.sequence),\($0.prefixLength)" }) == Set(expected.map { "\($0.sequence),\($0.prefixLength)" }))
        var full = [Float](repeating: 0, count: batch)
        rows.withUnsafeBufferPointer { scorer.score($0.baseAddress!, count: batch, into: &full) }
        for b in 0..<batch {
            let ends = boundaries(of: rows[(b * t)..<((b + 1) * t)]) + [t - 1]
            var start = 0
            for end in ends {
                let unit = (start...end).map { rewards[b * t + $0] }
                #expect(Set(unit).count == 1, "row \(b) unit \(start)...\(end): \(unit)")
                if end == t - 1 {
                    #expect(unit[0] == full[b])
                } else {
                    let k = scorer.blocks.firstIndex(of: RolloutBlock(sequence: b, prefixLength: end + 1))!
                    var sum: Float = 0
                    for n in 0..<perPrefix {
                        let completion = scorer.completions[((k * perPrefix + n) * t)..<((k * perPrefix + n + 1) * t)]
                        #expect(Array(completion.prefix(end + 1)) == Array(rows[(b * t)...(b * t + end)]))
                        #expect(ToyGrammarReader.follows(completion))
                        sum += completion.reduce(0) { $0 + Float($1) } / Float(t * 10)
                    }
                    #expect(abs(unit[0] - sum / Float(perPrefix)) < 1e-6)
                }
                start = end + 1
            }
        }
    }

    @Test("boundary roll-outs of all rows at one length are the every-token roll-outs of that length")
    func sameStreamsAsEveryToken() {
        let t = Self.length
        let generator = makeGenerator(seed: 2)
        var random = SplitMix64(seed: 12)
        let rows = generator.sample(count: 4, using: &random)
        let all = rows.withUnsafeBufferPointer {
            generator.rolloutCompletions(of: $0.baseAddress!, batch: 4, perPrefix: 2, seed: 9)
        }
        let blocks = (1..<t).flatMap { p in (0..<4).map { RolloutBlock(sequence: $0, prefixLength: p) } }
        let general = rows.withUnsafeBufferPointer {
            generator.rolloutCompletions(of: $0.baseAddress!, batch: 4, blocks: blocks, perPrefix: 2, temperature: 1, seed: 9)
        }
        #expect(all == general)
        // Prefix length 4 alone, all rows: the same completions as block 3 of the full set.
        let four = rows.withUnsafeBufferPointer {
            generator.rolloutCompletions(
                of: $0.baseAddress!, batch: 4, blocks: (0..<4).map { RolloutBlock(sequence: $0, prefixLength: 4) },
                perPrefix: 2, temperature: 1, seed: 9)
        }
        #expect(four == Array(all[(3 * 8 * t)..<(4 * 8 * t)]))
    }

    @Test("rolloutPositions decodes with a default, round-trips, and boundaries need readers")
    func settings() throws {
        let decoded = try JSONDecoder().decode(RunConfig.Rewards.self, from: Data(#"{"rolloutsPerPrefix": 4}"#.utf8))
        #expect(decoded.rolloutPositions == .everyToken && decoded.rolloutsPerPrefix == 4)
        var config = RunConfig()
        config.rewards.rolloutPositions = .boundaries
        let again = try JSONDecoder().decode(RunConfig.self, from: JSONEncoder().encode(config))
        #expect(again.rewards.rolloutPositions == .boundaries)
        #expect(throws: RunError.self) { try TrainingRun.check(nil, for: config) }
        try TrainingRun.check(ToyGrammarReader.conditioning(), for: {
            var c = config
            c.generator.featureCount = ToyGrammarReader.featureCount
            return c
        }())
        #expect(throws: RunError.self) { try TrainingRun.check(ToyGrammarReader.conditioning(), for: config) }
        #expect(
            throws: DecodingError.self) {
                try JSONDecoder().decode(RunConfig.Rewards.self, from: Data(#"{"rolloutPositions": "bars"}"#.utf8))
            }
    }
}
