import TensorCore

/// A lookup table of `V` rows of `E` features: token ids in, feature rows out.
public struct Embedding: Sendable {
    /// The table, shape `[V, E]`.
    public let table: ParameterSlot
    /// `V`, the number of rows.
    public let vocabularySize: Int
    /// `E`, the width of a row.
    public let dimension: Int

    /// Registers a `[vocabularySize, dimension]` table called `name` in `layout`.
    public init(name: String, vocabularySize: Int, dimension: Int, layout: inout ParameterLayout) {
        self.vocabularySize = vocabularySize
        self.dimension = dimension
        table = layout.add(name, shape: [vocabularySize, dimension])
    }

    /// Gathers the rows of `count` tokens into `output` (`[count, E]`, or the first `E`
    /// columns of `[count, rowStride]`, the rest left as they are).
    ///
    /// - Parameter rowStride: The distance between output rows, at least `E` (by default `E`).
    public func forward(
        tokens: UnsafePointer<Int32>, count: Int, parameters: UnsafePointer<Float>,
        into output: UnsafeMutablePointer<Float>, rowStride: Int? = nil
    ) {
        let stride = rowStride ?? dimension
        precondition(stride >= dimension, "embedding rows overlap")
        let base = parameters + table.offset
        for n in 0..<count {
            let token = Int(tokens[n])
            precondition(token >= 0 && token < vocabularySize, "token \(token) outside vocabulary")
            (output + n * stride).update(from: base + token * dimension, count: dimension)
        }
    }

    /// Adds `outputGradient` (`[count, E]`, or the first `E` columns of `[count, rowStride]`)
    /// to the gradient rows of the `count` tokens.
    ///
    /// - Parameter rowStride: The distance between gradient rows, at least `E` (by default `E`).
    public func backward(
        tokens: UnsafePointer<Int32>, count: Int, outputGradient: UnsafePointer<Float>,
        gradients: UnsafeMutablePointer<Float>, rowStride: Int? = nil
    ) {
        let stride = rowStride ?? dimension
        precondition(stride >= dimension, "embedding rows overlap")
        let base = gradients + table.offset
        for n in 0..<count {
            VectorMath.add(
                outputGradient + n * stride, to: base + Int(tokens[n]) * dimension,
                count: dimension)
        }
    }
}
