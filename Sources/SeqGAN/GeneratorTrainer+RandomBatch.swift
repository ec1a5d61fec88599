import NeuralNetwork

extension GeneratorTrainer {
    /// One teacher-forced update on `B` distinct sequences drawn at random from `data` (all of
    /// them when it holds fewer), by the maximum-likelihood optimiser (its moments carry on
    /// from pre-training) at the policy-gradient learning rate: the step adversarial rounds
    /// take between their policy-gradient steps (``RunConfig/Schedule/mleSteps``), as large
    /// as theirs so that neither drowns the other.
    ///
    /// - Parameters:
    ///   - data: `[count, T]` training sequences, at least one.
    /// - Returns: The batch's mean per-token NLL before the update.
    @discardableResult
    public func randomBatchStep(
        data: [Int32], count: Int, using random: inout some RandomNumberGenerator
    ) -> Double {
        let t = generator.config.sequenceLength
        let b = min(settings.batchSize, count)
        precondition(count > 0 && data.count >= count * t, "no training sequences")
        var rows = Array(0..<count)
        for i in 0..<b { rows.swapAt(i, Int.random(in: i..<count, using: &random)) }
        data.withUnsafeBufferPointer { source in
            for row in 0..<b { (batch + row * t).update(from: source.baseAddress! + rows[row] * t, count: t) }
        }
        let loss = meanNLLGradients(sequences: batch, batchSize: b)
        clipByGlobalNorm(generator.arena.gradients, maxNorm: settings.gradientClip)
        optimizer.update(generator.arena, learningRate: policyOptimizer.learningRate)
        return loss
    }
}
