/// The discriminator as a reward: `D(real | Y)` with dropout off.
public final class DiscriminatorScorer: SequenceScorer {
    /// The scoring model.
    public let discriminator: Discriminator
    let workspace: Discriminator.Workspace

    /// Scores with `discriminator`, in batches of `batchSize` rows.
    public init(discriminator: Discriminator, batchSize: Int = 256) {
        self.discriminator = discriminator
        workspace = Discriminator.Workspace(batchSize: batchSize, discriminator: discriminator)
    }

    public func score(_ sequences: UnsafePointer<Int32>, count: Int, into scores: UnsafeMutablePointer<Float>) {
        discriminator.probabilityReal(of: sequences, count: count, into: scores, workspace: workspace)
    }
}
