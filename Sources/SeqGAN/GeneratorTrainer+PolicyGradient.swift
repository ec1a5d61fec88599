import NeuralNetwork
import TensorCore

/// How per-token policy-gradient terms are reduced to one loss.
public enum PolicyGradientReduction: String, Codable, Sendable, CaseIterable {
    /// Summed over batch and time, as the released code does.
    case sum
    /// Averaged over batch and time.
    case mean
}

extension PolicyGradientReduction {
    /// One line describing the reduction, for `--help`.
    public var summary: String {
        switch self {
        case .sum: "summed over batch and time (the released code)"
        case .mean: "averaged over batch and time"
        }
    }
}

/// What is subtracted from the rewards before the update.
public enum PolicyGradientBaseline: String, Codable, Sendable, CaseIterable {
    /// Nothing, as the released code.
    case none
    /// The batch mean of `Q` at each time step.
    case mean
}

extension PolicyGradientBaseline {
    /// One line describing the baseline, for `--help`.
    public var summary: String {
        switch self {
        case .none: "nothing (the released code)"
        case .mean: "the batch mean at each step"
        }
    }
}

extension GeneratorTrainer {
    /// One policy-gradient update: loss `-sum over b, t of log G(y[b][t] | prefix) * A[b][t]`
    /// where `A` is the reward `Q` less the baseline, reduced by `reduction`; then clipping and
    /// an update by ``policyOptimizer``.
    ///
    /// With a ``SequenceEnd``, positions after a row's end token get no reward (`A = 0`), the
    /// `mean` baseline at each step averages the rows still running there, and the `mean`
    /// reduction divides by the number of counted tokens.
    ///
    /// - Parameters:
    ///   - sequences: `[B, T]` sequences sampled from the generator at `temperature`.
    ///   - rewards: `[B][T]` rewards `Q` (see ``RolloutRewards``).
    ///   - temperature: The policy is `G` at this temperature, `softmax(logits / τ)`: the
    ///     gradient is that of the distribution the sequences were drawn from.
    /// - Returns: The loss before the update.
    @discardableResult
    public func policyGradientStep(
        sequences: UnsafePointer<Int32>, batchSize: Int, rewards: [Float],
        reduction: PolicyGradientReduction = .sum, baseline: PolicyGradientBaseline = .none,
        temperature: Float = 1
    ) -> Double {
        let t = generator.config.sequenceLength
        precondition(rewards.count == batchSize * t, "rewards must be [B][T]")
        precondition(batchSize <= settings.batchSize, "batch larger than the trainer's")
        let advantages = stepWeights.base
        rewards.withUnsafeBufferPointer { advantages.update(from: $0.baseAddress!, count: rewards.count) }
        measureRows(sequences, batchSize: batchSize)
        if baseline == .mean {
            for step in 0..<t {
                var mean: Float = 0
                var running = 0
                for b in 0..<batchSize where step < rowLengths[b] {
                    mean += rewards[b * t + step]
                    running += 1
                }
                mean /= Float(max(1, running))
                for b in 0..<batchSize where step < rowLengths[b] { advantages[b * t + step] -= mean }
            }
        }
        var counted = 0
        for b in 0..<batchSize {
            let length = rowLengths[b]
            counted += length
            for step in length..<t { advantages[b * t + step] = 0 }
        }
        if reduction == .mean {
            VectorMath.scale(advantages, count: rewards.count, by: 1 / Float(max(1, counted)))
        }
        let loss = generator.accumulateGradients(
            sequences: sequences, batch: batchSize, weights: advantages,
            dropoutSeed: nextDropoutSeed(for: policyOptimizer), temperature: temperature, workspace: workspace)
        clipByGlobalNorm(generator.arena.gradients, maxNorm: settings.gradientClip)
        policyOptimizer.update(generator.arena)
        return loss
    }
}
