/// The discriminator as a reward: `D(real | Y)` with dropout off.
public final class DiscriminatorScorer: SequenceScorer {
    /// The scoring model.
    public let discriminator: Discriminator
    let workspace: Discriminator.Workspace

    /// Rows scored at once unless told otherwise, in two chunks of half of it, one per core.
    public static let defaultBatchSize = 512

    /// Scores with `discriminator`, in batches of `batchSize` rows.
    public init(discriminator: Discriminator, batchSize: Int = DiscriminatorScorer.defaultBatchSize) {
        self.discriminator = discriminator
        workspace = Discriminator.Workspace(batchSize: batchSize, discriminator: discriminator)
    }

    public func score(_ sequences: UnsafePointer<Int32>, count: Int, into scores: UnsafeMutablePointer<Float>) {
        discriminator.probabilityReal(of: sequences, count: count, into: scores, workspace: workspace)
    }

    /// Scores the completions with the windows inside each prefix pooled once
    /// (``Discriminator/probabilityReal(ofCompletions:blocks:perPrefix:sequences:batch:into:workspace:)``).
    public func score(
        completions: UnsafePointer<Int32>, blocks: [RolloutBlock], perPrefix: Int,
        of sequences: UnsafePointer<Int32>, batch: Int, into scores: UnsafeMutablePointer<Float>
    ) {
        discriminator.probabilityReal(
            ofCompletions: completions, blocks: blocks, perPrefix: perPrefix, sequences: sequences,
            batch: batch, into: scores, workspace: workspace)
    }
}
