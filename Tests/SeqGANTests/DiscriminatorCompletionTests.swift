import Testing
@testable import SeqGAN
import TensorCore

@Suite("Discriminator: scoring roll-out completions with their prefixes' windows pooled once")
struct DiscriminatorCompletionTests {
    /// Banks that exercise every lane path of the table lookups (64-filter blocks, 16-lane
    /// blocks, single filters) and windows from 1 to the whole sequence.
    static let config: DiscriminatorConfig = {
        var config = DiscriminatorConfig(vocabularySize: 23, sequenceLength: 9)
        config.embeddingSize = 6
        config.filterBanks = [
            .init(window: 1, count: 5), .init(window: 3, count: 83), .init(window: 4, count: 16),
            .init(window: 9, count: 7),
        ]
        return config
    }()

    /// `perPrefix` completions of each block: the prefix of the block's sequence, then random tokens.
    static func completions(
        of sequences: [Int32], length: Int, blocks: [RolloutBlock], perPrefix: Int, seed: UInt64
    ) -> [Int32] {
        var random = SplitMix64(seed: seed)
        var rows: [Int32] = []
        for block in blocks {
            let prefix = sequences[(block.sequence * length)..<(block.sequence * length + block.prefixLength)]
            for _ in 0..<perPrefix {
                rows += prefix
                rows += (block.prefixLength..<length).map { _ in Int32(random.next() % 23) }
            }
        }
        return rows
    }

    @Test("the scores equal those of the completions scored whole, bit for bit, for every prefix length and any block order")
    func equalsWholeScoring() {
        let discriminator = Discriminator(config: Self.config)
        var random = SplitMix64(seed: 3)
        discriminator.initializeRandom(using: &random)
        let t = Self.config.sequenceLength
        let batch = 5
        let perPrefix = 3
        let sequences = (0..<(batch * t)).map { _ in Int32(random.next() % 23) }
        var blocks = (1..<t).flatMap { prefix in (0..<batch).map { RolloutBlock(sequence: $0, prefixLength: prefix) } }
        // As for sequences that end early: some blocks missing, the others in another order.
        blocks = blocks.enumerated().filter { $0.offset % 4 != 1 }.map(\.element).reversed()
        let rows = Self.completions(of: sequences, length: t, blocks: blocks, perPrefix: perPrefix, seed: 4)
        let count = blocks.count * perPrefix
        let workspace = Discriminator.Workspace(batchSize: 16, discriminator: discriminator)
        var whole = [Float](repeating: -1, count: count)
        discriminator.probabilityReal(of: rows, count: count, into: &whole, workspace: workspace)
        var shared = [Float](repeating: -1, count: count)
        discriminator.probabilityReal(
            ofCompletions: rows, blocks: blocks, perPrefix: perPrefix, sequences: sequences, batch: batch,
            into: &shared, workspace: workspace)
        #expect(shared == whole)
        #expect(Set(whole).count > count / 2, "the scores differ from row to row")
        // A completion that does not keep its block's prefix is scored with the sampled
        // sequence's windows inside the prefix: the shared windows really are reused.
        var wrong = rows
        let last = blocks.firstIndex { $0.prefixLength == t - 1 }!
        wrong[last * perPrefix * t] = (wrong[last * perPrefix * t] + 1) % 23
        var misled = [Float](repeating: -1, count: count)
        discriminator.scoreCompletions(
            wrong, blocks: blocks, perPrefix: perPrefix, sequences: sequences, batch: batch, into: &misled,
            workspace: workspace)
        var honest = [Float](repeating: -1, count: count)
        discriminator.probabilityReal(of: wrong, count: count, into: &honest, workspace: workspace)
        #expect(honest[last * perPrefix] != whole[last * perPrefix])
        #expect(misled[last * perPrefix] != honest[last * perPrefix])
        #expect(misled[(last * perPrefix + 1)...] == honest[(last * perPrefix + 1)...])
    }

    @Test("every bank reuses the sampled sequence's windows that lie inside the prefix", arguments: [1, 3, 8])
    func eachBankReuses(window: Int) {
        var config = Self.config
        config.filterBanks = [.init(window: window, count: 83)]
        let discriminator = Discriminator(config: config)
        var random = SplitMix64(seed: 6)
        discriminator.initializeRandom(using: &random)
        let t = config.sequenceLength
        let sequences = (0..<(2 * t)).map { _ in Int32(random.next() % 23) }
        let blocks = [RolloutBlock(sequence: 1, prefixLength: t - 1), RolloutBlock(sequence: 0, prefixLength: t - 1)]
        var rows = Self.completions(of: sequences, length: t, blocks: blocks, perPrefix: 2, seed: 7)
        let workspace = Discriminator.Workspace(batchSize: 8, discriminator: discriminator)
        var whole = [Float](repeating: -1, count: 4)
        discriminator.probabilityReal(of: rows, count: 4, into: &whole, workspace: workspace)
        // The first token lies only in the window at position 0, inside the prefix: a completion
        // that changes it still gets the sampled sequence's score when that window is reused.
        rows[0] = (rows[0] + 1) % 23
        var changed = [Float](repeating: -1, count: 4)
        discriminator.probabilityReal(of: rows, count: 4, into: &changed, workspace: workspace)
        #expect(changed[0] != whole[0])
        var shared = [Float](repeating: -1, count: 4)
        discriminator.scoreCompletions(
            rows, blocks: blocks, perPrefix: 2, sequences: sequences, batch: 2, into: &shared, workspace: workspace)
        #expect(shared == whole)
    }

    @Test("completions that do not keep their block's prefix are refused")
    func refusesForeignPrefixes() async {
        await #expect(processExitsWith: .failure) {
            let discriminator = Discriminator(config: DiscriminatorCompletionTests.config)
            let t = DiscriminatorCompletionTests.config.sequenceLength
            let sequences = [Int32](repeating: 1, count: t)
            let completions = [Int32](repeating: 2, count: t)
            var score: Float = 0
            discriminator.probabilityReal(
                ofCompletions: completions, blocks: [RolloutBlock(sequence: 0, prefixLength: 3)], perPrefix: 1,
                sequences: sequences, batch: 1, into: &score,
                workspace: Discriminator.Workspace(batchSize: 4, discriminator: discriminator))
        }
    }

    @Test("the discriminator scorer gives roll-out rewards equal to those of a scorer that scores whole sequences")
    func rewardsUnchanged() {
        let discriminator = Discriminator(config: Self.config)
        var random = SplitMix64(seed: 5)
        discriminator.initializeRandom(using: &random)
        let generator = Generator(
            config: GeneratorConfig(vocabularySize: 23, embeddingSize: 4, hiddenSize: 6, sequenceLength: 9))
        generator.initializeRandom(using: &random)
        let sequences = generator.sample(count: 6, using: &random)
        let scorer = DiscriminatorScorer(discriminator: discriminator, batchSize: 32)
        let whole = WholeSequenceScorer(scorer)
        func rewards(_ scorer: SequenceScorer) -> [Float] {
            sequences.withUnsafeBufferPointer {
                RolloutRewards.compute(
                    for: $0.baseAddress!, batch: 6, sequenceLength: 9, perPrefix: 4, rolloutPolicy: generator,
                    scorer: scorer, seed: 8)
            }
        }
        #expect(rewards(scorer) == rewards(whole))
    }
}

/// Scores completions whole (the protocol's default), through another scorer's `score`.
private final class WholeSequenceScorer: SequenceScorer {
    let inner: SequenceScorer
    init(_ inner: SequenceScorer) { self.inner = inner }
    func score(_ sequences: UnsafePointer<Int32>, count: Int, into scores: UnsafeMutablePointer<Float>) {
        inner.score(sequences, count: count, into: scores)
    }
}
