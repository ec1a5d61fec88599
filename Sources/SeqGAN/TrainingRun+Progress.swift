import Foundation
import NeuralNetwork

extension TrainingRun {
    /// A one-line note when the run in `directory` stopped in the middle of MLE pre-training
    /// (interrupted, or killed, before its last pre-training epoch): what its generator has
    /// learnt so far is all there is to sample. `nil` for a run that finished pre-training.
    ///
    /// - Throws: ``RunError`` when the folder holds no run or its checkpoint is not one.
    public static func unfinishedPretrainingNote(in directory: URL) throws -> String? {
        let checkpoint = try existingCheckpoint(in: directory)
        let (position, _) = try RunCheckpoint.progress(
            in: SafeTensors(contentsOf: checkpoint), path: checkpoint.path)
        let planned = try savedConfig(in: directory).schedule.epochs
        guard position.phase == .pretraining, position.done < planned else { return nil }
        return "note: \(directory.relativePath) stopped in MLE pre-training after \(position.done) of "
            + "\(planned) epochs; sampling the generator as it is (`seqgan train --resume --out "
            + "\(directory.relativePath)` finishes the run)"
    }
}
