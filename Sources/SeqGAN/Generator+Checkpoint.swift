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
}
