import NeuralNetwork

extension Discriminator {
    /// The parameters as named safetensors tensors, each name prefixed by `prefix`.
    public func tensors(prefix: String = "") -> [String: SafeTensors.Tensor] {
        arena.tensors(prefix: prefix)
    }

    /// Loads parameters written by ``tensors(prefix:)``, checking every name and shape.
    ///
    /// - Throws: ``SafeTensorsError`` naming `path` and the tensor.
    public func load(from file: SafeTensors, prefix: String = "", path: String) throws {
        try arena.load(from: file, prefix: prefix, path: path)
        parametersDidChange()
    }

    /// Adam's moments as tensors named `prefix + "adam.firstMoments"` and
    /// `prefix + "adam.secondMoments"`; its step goes into the file's metadata through
    /// ``optimizerMetadata(prefix:)``.
    public func optimizerTensors(prefix: String = "") -> [String: SafeTensors.Tensor] {
        optimizer.tensors(prefix: prefix + "adam.")
    }

    /// Adam's step as metadata `prefix + "adam.step"`.
    public func optimizerMetadata(prefix: String = "") -> [String: String] {
        optimizer.metadata(prefix: prefix + "adam.")
    }

    /// Restores Adam's state written by ``optimizerTensors(prefix:)`` and
    /// ``optimizerMetadata(prefix:)``.
    ///
    /// - Throws: ``SafeTensorsError`` naming `path`.
    public func loadOptimizer(from file: SafeTensors, prefix: String = "", path: String) throws {
        try optimizer.load(from: file, prefix: prefix + "adam.", path: path)
    }
}
