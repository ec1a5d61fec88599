import Foundation
import NeuralNetwork
import Testing
@testable import SeqGAN
import TensorCore

/// The policy at a temperature `τ` is `softmax(logits / τ)`: the same as the policy at 1 of a
/// generator whose output layer is divided by `τ`.
@Suite("The policy gradient at a temperature: the distribution sampling at it draws from")
struct PolicyTemperatureTests {
    /// The small generator of the roll-out tests, drawn from `seed`.
    static func generator(seed: UInt64) -> Generator {
        RolloutTests.smallTrainer(seed: seed, settings: OptimizerConfig()).0.generator
    }

    @Test(
        "the weighted loss at temperature 0.6 equals the loss at 1 of the output layer divided by 0.6; the output layer's gradient is the divided one's over 0.6, the rest equal",
        arguments: [Float(0.6), 1.5])
    func temperatureIsADividedOutputLayer(temperature: Float) throws {
        let tempered = Self.generator(seed: 3)
        let divided = Self.generator(seed: 3)
        let output = divided.output
        for slot in [output.weights, output.bias] {
            VectorMath.scale(divided.arena.values.base + slot.offset, count: slot.count, by: 1 / temperature)
        }
        var random = SplitMix64(seed: 11)
        let batch = tempered.sample(count: 8, temperature: temperature, using: &random)
        let weights = (0..<batch.count).map { Float($0 % 5) - 1.5 }
        func loss(_ generator: Generator, temperature: Float) -> Double {
            let workspace = Generator.Workspace(batchSize: 8, generator: generator)
            return generator.accumulateGradients(
                sequences: batch, batch: 8, weights: weights, temperature: temperature, workspace: workspace)
        }
        let temperedLoss = loss(tempered, temperature: temperature)
        let dividedLoss = loss(divided, temperature: 1)
        #expect(abs(temperedLoss - dividedLoss) < 1e-4 * max(1, abs(dividedLoss)), "\(temperedLoss) vs \(dividedLoss)")
        #expect(abs(temperedLoss - loss(Self.generator(seed: 3), temperature: 1)) > 1e-3)

        let outputRange = min(output.weights.offset, output.bias.offset)..<max(
            output.weights.offset + output.weights.count, output.bias.offset + output.bias.count)
        for index in 0..<tempered.arena.gradients.count {
            let scale: Float = outputRange.contains(index) ? 1 / temperature : 1
            let expected = divided.arena.gradients[index] * scale
            let got = tempered.arena.gradients[index]
            #expect(abs(got - expected) <= 1e-4 * max(1, abs(expected)), "parameter \(index): \(got) vs \(expected)")
        }
    }
}
