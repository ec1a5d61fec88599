import NeuralNetwork
import TensorCore
import Testing
import TestSupport

/// Fills `count` values with N(0, `scale`) draws.
func fillNormal(_ values: UnsafeMutablePointer<Float>, count: Int, scale: Float, seed: UInt64) {
    var random = SplitMix64(seed: seed)
    for i in 0..<count { values[i] = Float(random.nextNormal()) * scale }
}

/// Expects the gradients a layer's backward pass wrote, with respect to its parameters
/// (`arena.gradients`) and to its input, to match central finite differences of `loss`.
func expectGradientsMatchFiniteDifferences(
    arena: ParameterArena, input: FloatBuffer, inputGradient: FloatBuffer,
    loss: () -> Double, sourceLocation: SourceLocation = #_sourceLocation
) {
    let parameterError = worstGradientError(
        values: arena.values.base, count: arena.values.count, analytic: arena.gradients.array,
        loss: loss)
    #expect(parameterError < 1e-2, "worst parameter error \(parameterError)", sourceLocation: sourceLocation)
    let inputError = worstGradientError(
        values: input.base, count: input.count, analytic: inputGradient.array, loss: loss)
    #expect(inputError < 1e-2, "worst input error \(inputError)", sourceLocation: sourceLocation)
}
