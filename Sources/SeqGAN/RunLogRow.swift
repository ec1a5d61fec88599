import Foundation

/// One line of a run's `log.csv`: an evaluation, or an epoch or round without one.
public struct RunLogRow: Codable, Sendable, Equatable {
    /// The phase the row belongs to (written by its raw name: `pretrain`, `discriminator`,
    /// `mle`, `ss`, `pgbleu`, `seqgan`).
    public var phase: Phase
    /// Epoch (pre-training), step (D pre-training) or round, counted from 1 within the phase
    /// (0: the untrained generator).
    public var epoch: Int
    /// Mean per-token training NLL of an MLE or SS epoch.
    public var trainNLL: Double?
    /// Per-token NLL-oracle of generated samples, when evaluated.
    public var nllOracle: Double?
    /// The generator's per-token NLL on held-out real sequences (corpus runs).
    public var nllTest: Double?
    /// Mean BLEU of generated samples against the held-out test set (corpus runs).
    public var bleu: Double?
    /// The generator's policy-gradient loss in an adversarial round.
    public var generatorLoss: Double?
    /// The discriminator's loss on held-out real and fake sequences, when evaluated.
    public var discriminatorLoss: Double?
    /// The discriminator's accuracy on held-out real and fake sequences, when evaluated.
    public var discriminatorAccuracy: Double?
    /// Mean of the round's rewards.
    public var rewardMean: Double?
    /// Standard deviation of the round's rewards.
    public var rewardStd: Double?
    /// Wall-clock seconds since the run started (excluding time while it was not running).
    public var seconds: Double

    /// Creates a row.
    public init(phase: Phase, epoch: Int, seconds: Double = 0) {
        self.phase = phase
        self.epoch = epoch
        self.seconds = seconds
    }

    /// The CSV header.
    public static let csvHeader =
        "phase,epoch,train_nll,nll_oracle,nll_test,bleu,g_loss,d_loss,d_accuracy,reward_mean,reward_std,seconds"

    /// The row as CSV (empty cells for missing values).
    public var csvLine: String {
        func cell(_ value: Double?) -> String { value.map { String(format: "%.6f", $0) } ?? "" }
        let cells = [trainNLL, nllOracle, nllTest, bleu, generatorLoss, discriminatorLoss, discriminatorAccuracy, rewardMean, rewardStd]
        return "\(phase.rawValue),\(epoch),\(cells.map(cell).joined(separator: ",")),\(String(format: "%.3f", seconds))"
    }
}
