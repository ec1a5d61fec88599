import Foundation

extension ParameterArena {
    /// The parameter values as named safetensors tensors, each name prefixed by `prefix`.
    public func tensors(prefix: String = "") -> [String: SafeTensors.Tensor] {
        var result: [String: SafeTensors.Tensor] = [:]
        for slot in layout.slots {
            let stored = Array(
                UnsafeBufferPointer(start: values.base + slot.offset, count: slot.count))
            result[prefix + slot.name] = SafeTensors.Tensor(shape: slot.shape, values: stored)
        }
        return result
    }

    /// Loads values written by ``tensors(prefix:)``, checking every name and shape; nothing
    /// is changed unless every tensor is present with its shape.
    ///
    /// - Throws: ``SafeTensorsError`` naming `path` and the tensor.
    public func load(from file: SafeTensors, prefix: String = "", path: String) throws {
        let found = try layout.slots.map {
            try file.tensor(prefix + $0.name, shape: $0.shape, path: path)
        }
        for (slot, tensor) in zip(layout.slots, found) {
            tensor.values.withUnsafeBufferPointer {
                (values.base + slot.offset).update(from: $0.baseAddress!, count: slot.count)
            }
        }
    }
}

extension ParameterLayout {
    /// Checks that `file` holds every tensor of this layout with its shape, before any arena
    /// is allocated for it (so that settings that disagree with a checkpoint are refused
    /// without building the model).
    ///
    /// - Throws: ``SafeTensorsError/missingTensor(path:tensor:)`` or
    ///   ``SafeTensorsError/shapeMismatch(path:tensor:expected:found:)`` naming `path` and
    ///   the first tensor that does not fit.
    public func check(against file: SafeTensors, prefix: String = "", path: String) throws {
        for slot in slots {
            guard let tensor = file.tensors[prefix + slot.name] else {
                throw SafeTensorsError.missingTensor(path: path, tensor: prefix + slot.name)
            }
            guard tensor.shape == slot.shape else {
                throw SafeTensorsError.shapeMismatch(
                    path: path, tensor: prefix + slot.name, expected: slot.shape, found: tensor.shape)
            }
        }
    }
}
