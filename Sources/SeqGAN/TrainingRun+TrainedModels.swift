import Foundation
import NeuralNetwork
import RunFiles

extension TrainingRun {
    /// The generator of a run folder as its last checkpoint left it, shaped by the folder's
    /// `config.json`.
    ///
    /// - Throws: ``RunError`` when the folder holds no run or its settings are out of range;
    ///   ``SafeTensorsError`` naming the checkpoint and tensor when it does not fit the
    ///   settings (checked before the generator is built).
    public static func trainedGenerator(in directory: URL) throws -> Generator {
        let checkpoint = try existingCheckpoint(in: directory)
        let config = try savedConfig(in: directory).generator
        let file = try SafeTensors(contentsOf: checkpoint)
        try Generator.parameterLayout(for: config).check(against: file, prefix: "generator.", path: checkpoint.path)
        let generator = Generator(config: config)
        try generator.load(from: file, prefix: "generator.", path: checkpoint.path)
        return generator
    }

    /// The discriminator of a run folder as its last checkpoint left it, shaped by the
    /// folder's `config.json`.
    ///
    /// - Throws: ``RunError`` when the folder holds no run, a run without a discriminator
    ///   (modes other than `seqgan`), one whose discriminator has not been trained yet (it
    ///   stopped in MLE pre-training, as runs with `--rounds 0` do), or settings that do not
    ///   make a discriminator; ``SafeTensorsError`` naming the checkpoint when it does not fit
    ///   the settings.
    public static func trainedDiscriminator(in directory: URL) throws -> Discriminator {
        let checkpoint = try existingCheckpoint(in: directory)
        let config = try savedConfig(in: directory)
        let file = try SafeTensors(contentsOf: checkpoint)
        let (position, _) = try RunCheckpoint.progress(in: file, path: checkpoint.path)
        guard config.schedule.mode == .seqgan, file.tensors.keys.contains(where: { $0.hasPrefix("discriminator.") })
        else {
            throw RunError.incompatibleCheckpoint(
                path: checkpoint.path,
                reason: "no discriminator: the run was trained with --mode \(config.schedule.mode.rawValue)")
        }
        guard position.phase != .pretraining else {
            throw RunError.incompatibleCheckpoint(
                path: checkpoint.path,
                reason: "the discriminator has not been trained: the run stopped in MLE pre-training (after \(position.done) epochs); it is trained after pre-training, when the run has --rounds above 0")
        }
        let discriminatorConfig: DiscriminatorConfig
        do {
            discriminatorConfig = try config.discriminatorForGenerator()
        } catch {
            throw RunError.unreadableConfig(
                path: RunFolder(directory).url(of: .config).path, reason: "\(error)")
        }
        try Discriminator.parameterLayout(for: discriminatorConfig).check(
            against: file, prefix: "discriminator.", path: checkpoint.path)
        let discriminator = Discriminator(config: discriminatorConfig)
        try discriminator.load(from: file, prefix: "discriminator.", path: checkpoint.path)
        return discriminator
    }

    static func existingCheckpoint(in directory: URL) throws -> URL {
        let checkpoint = RunFolder(directory).url(of: .checkpoint)
        guard FileManager.default.fileExists(atPath: checkpoint.path) else {
            throw RunError.incompatibleCheckpoint(
                path: checkpoint.path, reason: "no checkpoint: is \(directory.path) a run folder written by `seqgan train`?")
        }
        return checkpoint
    }
}
