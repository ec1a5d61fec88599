/// The generator's (and the synthetic oracle's) shape. Defaults are the paper's sizes.
public struct GeneratorConfig: Codable, Sendable, Equatable {
    /// `V`, the number of tokens.
    public var vocabularySize = 5000
    /// `E`, the embedding width.
    public var embeddingSize = 32
    /// `H`, the width of every LSTM layer.
    public var hiddenSize = 32
    /// `L`, the number of stacked LSTM layers (1 is the paper's generator).
    public var layers = 1
    /// The probability of dropping each value passed from one LSTM layer to the next while
    /// training (inverted dropout, none at sampling), in `[0, 1)`; no effect with one layer.
    public var dropout: Float = 0
    /// `T`, the length of every sequence.
    public var sequenceLength = 20
    /// The token fed as input at the first step.
    public var startToken = 0
    /// Standard deviation of the N(0, σ) initial weights (generator 0.1, oracle 1).
    public var initialStandardDeviation: Float = 0.1
    /// The end and padding tokens of variable-length sequences (text), or `nil` when every
    /// sequence fills all `T` positions (synthetic, music); see ``SequenceEnd``.
    public var sequenceEnd: SequenceEnd?
    /// `F`, the number of values a ``SequenceReader`` adds to each step's input beside the
    /// token's embedding (0: the input is the embedding alone, as in the paper).
    public var featureCount = 0

    /// The paper's synthetic-task sizes.
    public init() {}

    /// A configuration with the given sizes.
    public init(
        vocabularySize: Int, embeddingSize: Int = 32, hiddenSize: Int = 32, sequenceLength: Int,
        startToken: Int = 0, initialStandardDeviation: Float = 0.1, sequenceEnd: SequenceEnd? = nil,
        layers: Int = 1, dropout: Float = 0
    ) {
        self.vocabularySize = vocabularySize
        self.embeddingSize = embeddingSize
        self.hiddenSize = hiddenSize
        self.sequenceLength = sequenceLength
        self.startToken = startToken
        self.initialStandardDeviation = initialStandardDeviation
        self.sequenceEnd = sequenceEnd
        self.layers = layers
        self.dropout = dropout
    }

    public init(from decoder: any Decoder) throws {
        let defaults = GeneratorConfig()
        let c = try decoder.container(keyedBy: CodingKeys.self)
        vocabularySize = try c.decodeIfPresent(Int.self, forKey: .vocabularySize) ?? defaults.vocabularySize
        embeddingSize = try c.decodeIfPresent(Int.self, forKey: .embeddingSize) ?? defaults.embeddingSize
        hiddenSize = try c.decodeIfPresent(Int.self, forKey: .hiddenSize) ?? defaults.hiddenSize
        sequenceLength = try c.decodeIfPresent(Int.self, forKey: .sequenceLength) ?? defaults.sequenceLength
        startToken = try c.decodeIfPresent(Int.self, forKey: .startToken) ?? defaults.startToken
        initialStandardDeviation =
            try c.decodeIfPresent(Float.self, forKey: .initialStandardDeviation)
            ?? defaults.initialStandardDeviation
        sequenceEnd = try c.decodeIfPresent(SequenceEnd.self, forKey: .sequenceEnd)
        layers = try c.decodeIfPresent(Int.self, forKey: .layers) ?? defaults.layers
        dropout = try c.decodeIfPresent(Float.self, forKey: .dropout) ?? defaults.dropout
        featureCount = try c.decodeIfPresent(Int.self, forKey: .featureCount) ?? defaults.featureCount
        guard featureCount >= 0 else {
            throw DecodingError.dataCorruptedError(
                forKey: .featureCount, in: c, debugDescription: "featureCount must be at least 0, not \(featureCount)")
        }
        guard layers >= 1 else {
            throw DecodingError.dataCorruptedError(
                forKey: .layers, in: c, debugDescription: "layers must be at least 1, not \(layers)")
        }
        guard dropout >= 0 && dropout < 1 else {
            throw DecodingError.dataCorruptedError(
                forKey: .dropout, in: c, debugDescription: "dropout must be in [0, 1), not \(dropout)")
        }
    }
}
