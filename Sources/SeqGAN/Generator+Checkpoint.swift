import Foundation
import NeuralNetwork

extension Generator {
    /// The parameters as named safetensors tensors, each name prefixed by `prefix`.
    public func tensors(prefix: String = "") -> [String: SafeTensors.Tensor] {
        arena.tensors(prefix: prefix)
    }

    /// Loads parameters written by ``tensors(prefix:)``, checking every name and shape.
    ///
    /// - Throws: ``SafeTensorsError`` naming `path` and the tensor.
    public func load(from file: SafeTensors, prefix: String = "", path: String) throws {
        try arena.load(from: file, prefix: prefix, path: path)
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
        let lstm = self.lstm.layers[0]
        for (suffix, block) in gates {
            try place("W\(suffix)", shape: [e, h], at: lstm.inputWeights.offset, block: block, width: h)
            try place("U\(suffix)", shape: [h, h], at: lstm.recurrentWeights.offset, block: block, width: h)
            try place("b\(suffix)", shape: [h], at: lstm.bias.offset, block: block, width: h)
        }
        let embeddingValues = try file.tensor("g_embeddings", shape: [v, e], path: path).values
        (values + embedding.table.offset).update(from: embeddingValues, count: v * e)
        let wo = try file.tensor("Wo", shape: [h, v], path: path).values
        (values + output.weights.offset).update(from: wo, count: h * v)
        let bo = try file.tensor("bo", shape: [v], path: path).values
        (values + output.bias.offset).update(from: bo, count: v)
    }
}
