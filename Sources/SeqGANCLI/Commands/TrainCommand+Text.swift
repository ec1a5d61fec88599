import ArgumentParser
import Foundation
import RunFiles
import Training
import SeqGAN
import TextEncoding
import TextGeneration

extension Tokenizer: ExpressibleByArgument {}
extension TextSettings.Format: ExpressibleByArgument {}

/// The options of `seqgan train FILE.txt --task text`.
struct TextTrainingOptions: ParsableArguments {
    @Option(
        help:
            "Text: tokens, char (one per Unicode character; spaces only separate) or word (words and punctuation marks)."
    )
    var tokens: Tokenizer = .char

    @Option(
        help:
            "Text: T, tokens per training row including the end token; shorter sequences are padded after their end token (default: long enough for 95% of the training sequences; 21 for the quatrains)."
    )
    var length: Int?

    @Flag(
        help:
            "Text: cut sequences longer than T into windows of T tokens every --stride tokens (default half of T) instead of keeping only their first T tokens."
    )
    var windows = false

    @Option(help: "Text: tokens seen fewer times than this in the training sequences become <unk>.")
    var minCount: Int = 1

    @Option(
        help:
            "Text: the held-out test file (same format as the inputs), e.g. quatrains5_test.txt (default: a seeded 10% of the input sequences)."
    )
    var test: String?

    @Option(
        help:
            "Text: how input lines become sequences: lines (one per line), wrapped (hard-wrapped running text: lines joined, then split into sentences) or auto (wrapped when every line but the last has one length of at least 60 characters)."
    )
    var format: TextSettings.Format = .auto

    func validate() throws {
        if let length, length < 2 { throw ValidationError("--length must be at least 2") }
        guard minCount >= 1 else { throw ValidationError("--min-count must be at least 1") }
    }
}

extension TrainCommand {
    /// Prints the final scores: NLL-oracle (synthetic), or the last NLL-test and BLEU of a
    /// corpus run, with the wall time and what to do next.
    func printTrained(_ prepared: PreparedTraining, rows: [RunLogRow]) {
        let directory = prepared.directory
        if case .synthetic = prepared {
            if let last = rows.last(where: { $0.nllOracle != nil }), let nll = last.nllOracle {
                print(String(format: "final NLL-oracle %.4f after %@ %d (%.1f s); log: %@", nll, last.phase.rawValue, last.epoch, last.seconds, RunFolder(directory).url(of: .log).path))
            }
            return
        }
        let last = rows.last(where: { $0.nllTest != nil })
        let scores = [
            last?.nllTest.map { String(format: "NLL-test %.4f", $0) },
            last?.bleu.map { String(format: "BLEU-%d %.4f", prepared.config.evaluation.bleuOrder, $0) },
        ].compactMap { $0 }.joined(separator: ", ")
        let seconds = String(format: "%.1f", rows.last?.seconds ?? 0)
        print("trained \(directory.path)\(scores.isEmpty ? "" : ": \(scores)") (\(seconds) s)")
        if case .music = prepared {
            print("make tunes with: seqgan generate \(directory.path) -n 8 -o tunes --wav")
        } else {
            print("write samples with: seqgan generate \(directory.path) -n 20 -o samples.txt")
        }
    }

    /// Prints what was read: the files and their formats, the splits, the vocabulary and the model.
    func report(_ run: TextRun) {
        for (path, format) in run.corpus.formats { print("read \(path) as \(format.rawValue)") }
        let settings = run.settings
        let t = settings.length ?? 0
        let overflow =
            settings.windows
            ? "windowed every \(settings.windowStride ?? max(1, t / 2)) tokens" : "cut"
        print(
            "sequences (\(settings.tokens.rawValue) tokens): train \(run.corpus.train.count), validation \(run.corpus.validation.count), test \(run.corpus.test.count)\(settings.test == nil ? " (seeded split)" : "")"
        )
        print(
            "rows of T = \(t) (longer sequences \(overflow)): train \(run.train.count), validation \(run.validation.count), test \(run.test.count); vocabulary \(run.vocabulary.count) (min count \(settings.minimumCount))"
        )
        let config = run.experiment.config
        print(
            "model: generator E \(config.generator.embeddingSize), H \(config.generator.hiddenSize); \(config.schedule.mode.rawValue) after \(config.schedule.epochs) MLE epochs, \(config.schedule.rounds) rounds"
        )
        for line in run.adjustments { print("note: \(line)") }
        fflush(nil)
    }
}
