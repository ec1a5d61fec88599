import Foundation

extension Adam {
    /// The moments as tensors `prefix + "firstMoments"` and `prefix + "secondMoments"`.
    public func tensors(prefix: String = "") -> [String: SafeTensors.Tensor] {
        [
            prefix + "firstMoments": SafeTensors.Tensor(
                shape: [firstMoments.count], values: firstMoments.array),
            prefix + "secondMoments": SafeTensors.Tensor(
                shape: [secondMoments.count], values: secondMoments.array),
        ]
    }

    /// The step count as metadata `prefix + "step"`.
    public func metadata(prefix: String = "") -> [String: String] {
        [prefix + "step": String(step)]
    }

    /// Restores the moments and step written by ``tensors(prefix:)`` and ``metadata(prefix:)``.
    ///
    /// - Throws: ``SafeTensorsError`` naming `path` for a missing or mis-shaped moment tensor or
    ///   a missing or malformed step.
    public func load(from file: SafeTensors, prefix: String = "", path: String) throws {
        let count = firstMoments.count
        let m = try file.tensor(prefix + "firstMoments", shape: [count], path: path)
        let v = try file.tensor(prefix + "secondMoments", shape: [count], path: path)
        guard let stored = file.metadata[prefix + "step"], let restored = Int(stored), restored >= 0
        else {
            throw SafeTensorsError.invalidHeader(
                path: path, reason: "metadata \(prefix)step is missing or not a step count")
        }
        m.values.withUnsafeBufferPointer { firstMoments.copy(from: $0.baseAddress!) }
        v.values.withUnsafeBufferPointer { secondMoments.copy(from: $0.baseAddress!) }
        step = restored
    }
}
