import Foundation
import NeuralNetwork
import SeqGAN
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

    /// The oracle in the safetensors file at `file` (see ``init(oracleAt:sequenceLength:)``), or
    /// without a file a fresh random one drawn from `seed` (see ``randomOracle(seed:sequenceLength:vocabularySize:)``).
    ///
    /// - Throws: ``SafeTensorsError`` for a missing, corrupt or inconsistent file.
    public static func oracle(
        file: URL?, seed: UInt64, sequenceLength: Int, vocabularySize: Int = 5000
    ) throws -> Generator {
        guard let file else {
            return randomOracle(seed: seed, sequenceLength: sequenceLength, vocabularySize: vocabularySize)
        }
        return try Generator(oracleAt: file, sequenceLength: sequenceLength)
    }

    /// Loads the SeqGAN authors' oracle: a safetensors file with `g_embeddings` `[V, E]`,
    /// the gate matrices `Wi Ui bi Wf Uf bf Wog Uog bog Wc Uc bc`, and `Wo` `[H, V]`, `bo`
    /// (see the oracle's README). `T` is not in the file and defaults to 20.
    ///
    /// - Throws: ``SafeTensorsError`` for a missing, corrupt or inconsistent file.
    public convenience init(oracleAt url: URL, sequenceLength: Int = 20) throws {
        let path = url.path
        let file = try SafeTensors(contentsOf: url)
        guard let table = file.tensors["g_embeddings"], table.shape.count == 2 else {
            throw SafeTensorsError.missingTensor(path: path, tensor: "g_embeddings")
        }
        let (v, e) = (table.shape[0], table.shape[1])
        guard let wi = file.tensors["Wi"], wi.shape.count == 2, wi.shape[0] == e else {
            throw SafeTensorsError.missingTensor(path: path, tensor: "Wi")
        }
        let h = wi.shape[1]
        var config = GeneratorConfig(
            vocabularySize: v, embeddingSize: e, hiddenSize: h, sequenceLength: sequenceLength)
        config.initialStandardDeviation = 1
        self.init(config: config)
        let values = arena.values.base
        func place(_ name: String, shape: [Int], at offset: Int, block: Int, width: Int) throws {
            // Copies a [rows, width] tensor into column block `block` of a [rows, 4 width] one.
            let tensor = try file.tensor(name, shape: shape, path: path)
            let rows = shape.count == 2 ? shape[0] : 1
            for r in 0..<rows {
                for c in 0..<width {
                    values[offset + r * 4 * width + block * width + c] = tensor.values[r * width + c]
                }
            }
        }
        let gates = [("i", 0), ("f", 1), ("og", 2), ("c", 3)]
        func slotOffset(_ name: String) -> Int { arena.slot(named: name)!.offset }
        for (suffix, block) in gates {
            try place("W\(suffix)", shape: [e, h], at: slotOffset("lstm.inputWeights"), block: block, width: h)
            try place("U\(suffix)", shape: [h, h], at: slotOffset("lstm.recurrentWeights"), block: block, width: h)
            try place("b\(suffix)", shape: [h], at: slotOffset("lstm.bias"), block: block, width: h)
        }
        let embeddingValues = try file.tensor("g_embeddings", shape: [v, e], path: path).values
        (values + slotOffset("embedding")).update(from: embeddingValues, count: v * e)
        let wo = try file.tensor("Wo", shape: [h, v], path: path).values
        (values + slotOffset("output.weights")).update(from: wo, count: h * v)
        let bo = try file.tensor("bo", shape: [v], path: path).values
        (values + slotOffset("output.bias")).update(from: bo, count: v)
    }
}
