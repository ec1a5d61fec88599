import Foundation
import NeuralNetwork

/// The checkpoint of an MLE run: generator parameters, Adam's moments and step, the epoch and
/// the log so far, in one safetensors file with the run's settings in `__metadata__`.
enum MLECheckpoint {
    struct State {
        var epoch: Int
        var rows: [MLELogRow]
    }

    static func save(
        trainer: GeneratorTrainer, config: SyntheticRunConfig, epoch: Int, rows: [MLELogRow], to url: URL
    ) throws {
        var tensors = trainer.generator.tensors(prefix: "generator.")
        let count = trainer.optimizer.firstMoments.count
        tensors["adam.firstMoments"] = SafeTensors.Tensor(shape: [count], values: trainer.optimizer.firstMoments.array)
        tensors["adam.secondMoments"] = SafeTensors.Tensor(shape: [count], values: trainer.optimizer.secondMoments.array)
        let metadata = [
            "format": "seqgan-swift mle checkpoint 1",
            "config": String(decoding: try JSONEncoder().encode(config), as: UTF8.self),
            "epoch": String(epoch),
            "adamStep": String(trainer.optimizer.step),
            "log": String(decoding: try JSONEncoder().encode(rows), as: UTF8.self),
        ]
        try SafeTensors(tensors: tensors, metadata: metadata).write(to: url)
    }

    static func load(from url: URL, into trainer: GeneratorTrainer) throws -> State {
        let path = url.path
        let file = try SafeTensors(contentsOf: url)
        guard file.metadata["format"] == "seqgan-swift mle checkpoint 1",
            let epoch = file.metadata["epoch"].flatMap(Int.init),
            let step = file.metadata["adamStep"].flatMap(Int.init),
            let log = file.metadata["log"],
            let rows = try? JSONDecoder().decode([MLELogRow].self, from: Data(log.utf8))
        else {
            throw RunError.incompatibleCheckpoint(path: path, reason: "not an MLE checkpoint of this tool")
        }
        try trainer.generator.load(from: file, prefix: "generator.", path: path)
        let count = trainer.optimizer.firstMoments.count
        let m = try file.tensor("adam.firstMoments", shape: [count], path: path)
        let v = try file.tensor("adam.secondMoments", shape: [count], path: path)
        m.values.withUnsafeBufferPointer { trainer.optimizer.firstMoments.copy(from: $0.baseAddress!) }
        v.values.withUnsafeBufferPointer { trainer.optimizer.secondMoments.copy(from: $0.baseAddress!) }
        trainer.optimizer.step = step
        return State(epoch: epoch, rows: rows)
    }
}
