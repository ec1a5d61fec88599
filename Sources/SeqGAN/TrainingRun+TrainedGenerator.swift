import Foundation
import NeuralNetwork

extension TrainingRun {
    /// The generator of a run folder as its last checkpoint left it, shaped by the folder's
    /// `config.json`.
    ///
    /// - Throws: ``RunError`` when the folder holds no run; ``SafeTensorsError`` naming the
    ///   checkpoint when it does not fit the settings.
    public static func trainedGenerator(in directory: URL) throws -> Generator {
        let checkpoint = checkpointURL(in: directory)
        guard FileManager.default.fileExists(atPath: checkpoint.path) else {
            throw RunError.incompatibleCheckpoint(
                path: checkpoint.path, reason: "no checkpoint: is \(directory.path) a run folder written by `seqgan train`?")
        }
        let generator = Generator(config: try savedConfig(in: directory).generator)
        try generator.load(
            from: SafeTensors(contentsOf: checkpoint), prefix: "generator.", path: checkpoint.path)
        return generator
    }
}
