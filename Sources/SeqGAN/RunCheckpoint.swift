import Foundation
import NeuralNetwork

/// The checkpoint of a synthetic run, one safetensors file: the generator and the moments of
/// its two Adam optimisers (MLE, policy gradient), the discriminator and its optimiser, the
/// roll-out copy (for `ema`), the place in the schedule and the log so far, with the run's
/// settings in `__metadata__`.
///
/// Every random stream is derived from the seed and the place in the schedule, so this is
/// all a resumed run needs to continue bit for bit.
struct RunCheckpoint {
    static let format = "seqgan-swift synthetic checkpoint 2"

    /// Where in the schedule the run is.
    struct Position: Codable, Equatable {
        /// The phase in progress.
        var phase: Phase
        /// Units of that phase finished.
        var done: Int
    }

    static func save(
        to url: URL, config: RunConfig, position: Position, rows: [RunLogRow],
        trainer: GeneratorTrainer, discriminator: Discriminator?, rolloutCopy: Generator?
    ) throws {
        var tensors = trainer.generator.tensors(prefix: "generator.")
        tensors.merge(trainer.optimizer.tensors(prefix: "generatorAdam."), uniquingKeysWith: { $1 })
        tensors.merge(trainer.policyOptimizer.tensors(prefix: "policyAdam."), uniquingKeysWith: { $1 })
        var metadata = [
            "format": format,
            "config": String(decoding: try JSONEncoder().encode(config), as: UTF8.self),
            "position": String(decoding: try JSONEncoder().encode(position), as: UTF8.self),
            "log": String(decoding: try JSONEncoder().encode(rows), as: UTF8.self),
        ]
        metadata.merge(trainer.optimizer.metadata(prefix: "generatorAdam."), uniquingKeysWith: { $1 })
        metadata.merge(trainer.policyOptimizer.metadata(prefix: "policyAdam."), uniquingKeysWith: { $1 })
        if let discriminator {
            tensors.merge(discriminator.tensors(prefix: "discriminator."), uniquingKeysWith: { $1 })
            tensors.merge(discriminator.optimizerTensors(prefix: "discriminatorAdam."), uniquingKeysWith: { $1 })
            metadata.merge(discriminator.optimizerMetadata(prefix: "discriminatorAdam."), uniquingKeysWith: { $1 })
        }
        if let rolloutCopy {
            tensors.merge(rolloutCopy.tensors(prefix: "rollout."), uniquingKeysWith: { $1 })
        }
        try SafeTensors(tensors: tensors, metadata: metadata).write(to: url)
    }

    /// The position and the log saved in a checkpoint file.
    static func progress(in file: SafeTensors, path: String) throws -> (Position, [RunLogRow]) {
        guard file.metadata["format"] == format,
            let positionText = file.metadata["position"],
            let log = file.metadata["log"]
        else {
            throw RunError.incompatibleCheckpoint(path: path, reason: "not a run checkpoint of this version")
        }
        let position: Position
        let rows: [RunLogRow]
        do {
            position = try JSONDecoder().decode(Position.self, from: Data(positionText.utf8))
            rows = try JSONDecoder().decode([RunLogRow].self, from: Data(log.utf8))
        } catch {
            throw RunError.incompatibleCheckpoint(
                path: path, reason: "unreadable position or log: \(RunCheckpoint.reason(error))")
        }
        guard position.done >= 0 else {
            throw RunError.incompatibleCheckpoint(
                path: path, reason: "position: \(position.done) units done in \(position.phase) is negative")
        }
        return (position, rows)
    }

    /// The debug description of a decoding error (which names the bad value), else the
    /// error's own description.
    static func reason(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context), DecodingError.typeMismatch(_, let context),
            DecodingError.valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return (path.isEmpty ? "" : "\(path): ") + context.debugDescription
        case DecodingError.keyNotFound(let key, _): return "missing \(key.stringValue)"
        default: return "\(error)"
        }
    }

    /// Restores everything saved; returns the position and the log.
    static func load(
        from url: URL, trainer: GeneratorTrainer, discriminator: Discriminator?, rolloutCopy: Generator?
    ) throws -> (Position, [RunLogRow]) {
        try load(
            from: SafeTensors(contentsOf: url), path: url.path, trainer: trainer, discriminator: discriminator,
            rolloutCopy: rolloutCopy)
    }

    /// Restores everything saved in `file`, read from `path`; returns the position and the log.
    static func load(
        from file: SafeTensors, path: String, trainer: GeneratorTrainer, discriminator: Discriminator?,
        rolloutCopy: Generator?
    ) throws -> (Position, [RunLogRow]) {
        let (position, rows) = try progress(in: file, path: path)
        try trainer.generator.load(from: file, prefix: "generator.", path: path)
        try trainer.optimizer.load(from: file, prefix: "generatorAdam.", path: path)
        // Checkpoints written before the policy-gradient optimiser had its own state have none.
        if file.tensors.keys.contains(where: { $0.hasPrefix("policyAdam.") }) {
            try trainer.policyOptimizer.load(from: file, prefix: "policyAdam.", path: path)
        }
        if let discriminator, file.tensors.keys.contains(where: { $0.hasPrefix("discriminator.") }) {
            try discriminator.load(from: file, prefix: "discriminator.", path: path)
            try discriminator.loadOptimizer(from: file, prefix: "discriminatorAdam.", path: path)
        }
        if let rolloutCopy {
            if file.tensors.keys.contains(where: { $0.hasPrefix("rollout.") }) {
                try rolloutCopy.load(from: file, prefix: "rollout.", path: path)
            } else {
                rolloutCopy.arena.copyValues(from: trainer.generator.arena)
            }
        }
        return (position, rows)
    }
}
