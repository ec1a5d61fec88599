import ArgumentParser
import Foundation
import MusicEncoding
import MusicGeneration
import SeqGAN

extension TrainCommand {
    /// Prints what was read: skipped files with reasons first, then the corpus and the model.
    func report(_ run: MusicRun) {
        let corpus = run.corpus
        if !corpus.skipped.isEmpty {
            print("skipped \(corpus.skipped.count) file\(corpus.skipped.count == 1 ? "" : "s") or tune\(corpus.skipped.count == 1 ? "" : "s") (also in skipped.txt):")
            for skipped in corpus.skipped { print("  \(skipped)") }
        }
        if !corpus.repaired.isEmpty {
            print("repaired \(corpus.repaired.count) truncated file\(corpus.repaired.count == 1 ? "" : "s") (kept; --strict skips them):")
            for repaired in corpus.repaired { print("  \(repaired)") }
        }
        let settings = corpus.settings
        if let lists = run.sources.splitLists { print("splits: the lists in \(lists)") }
        print("tunes: \(corpus.allTunes.count) from \(corpus.filesRead) file\(corpus.filesRead == 1 ? "" : "s") (train \(corpus.train.count), validation \(corpus.validation.count), test \(corpus.test.count))")
        print("windows of \(settings.windowLength) tokens: train \(corpus.sequences(.train).count), validation \(corpus.sequences(.validation).count), test \(corpus.sequences(.test).count); vocabulary \(corpus.vocabularySize) (\(settings.scheme.rawValue) scheme)")
        let config = run.experiment.config
        print("model: generator E \(config.generator.embeddingSize), H \(config.generator.hiddenSize); \(config.schedule.mode.rawValue) after \(config.schedule.epochs) MLE epochs, \(config.schedule.rounds) rounds")
        for line in run.adjustments { print("note: \(line)") }
        fflush(nil)
    }
}
