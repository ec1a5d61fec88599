import TensorCore

extension Generator {
    /// A fresh synthetic oracle of the paper's sizes with every weight drawn from N(0, 1).
    public static func randomOracle(
        seed: UInt64, sequenceLength: Int = 20, vocabularySize: Int = 5000
    ) -> Generator {
        var config = GeneratorConfig(vocabularySize: vocabularySize, sequenceLength: sequenceLength)
        config.initialStandardDeviation = 1
        let oracle = Generator(config: config)
        var random = SplitMix64(seed: seed, stream: .randomOracle)
        oracle.initializeRandom(using: &random)
        return oracle
    }
}
