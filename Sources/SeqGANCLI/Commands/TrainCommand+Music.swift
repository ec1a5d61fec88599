import ArgumentParser
import Foundation
import MusicEncoding
import MusicGeneration
import SeqGAN
import TextGeneration

extension TrainCommand {
    /// The task asked for; without `--task`, text for `.txt` inputs or an `--out` (or
    /// `--init-from`) holding a text run, music for other inputs or a folder holding a music
    /// run, else synthetic.
    func resolvedTask() -> Task {
        if let task { return task }
        if !inputs.isEmpty {
            return inputs.allSatisfy { $0.lowercased().hasSuffix(".txt") } ? .text : .music
        }
        for folder in [out, initFrom].compactMap({ $0 }) where TextRun.isTextRun(URL(fileURLWithPath: folder)) {
            return .text
        }
        for folder in [out, initFrom].compactMap({ $0 })
        where FileManager.default.fileExists(atPath: MusicRun.tokenizerURL(in: URL(fileURLWithPath: folder)).path) {
            return .music
        }
        return .synthetic
    }

    /// `seqgan train FOLDER`: builds the corpus, reports it (skipped files first) and trains.
    func runMusic() throws {
        let directory = URL(fileURLWithPath: out ?? defaultMusicRunFolder())
        let resuming = resume && FileManager.default.fileExists(atPath: TrainingRun.checkpointURL(in: directory).path)
        var config: RunConfig
        let settings: TokenizerSettings
        var sources: MusicRun.Sources
        if resuming {
            config = try resumedConfig(in: directory)
            settings = try MusicRun.savedSettings(in: directory)
            sources = try MusicRun.savedSources(in: directory)
            if !inputs.isEmpty {
                sources = MusicRun.Sources(inputs: inputs, splitSeed: sources.splitSeed, strict: sources.strict, splitLists: sources.splitLists)
            }
        } else if let initFrom {
            let base = URL(fileURLWithPath: initFrom)
            config = try forkedConfig(from: initFrom)
            settings = try MusicRun.savedSettings(in: base)
            sources = try MusicRun.savedSources(in: base)
        } else {
            guard !inputs.isEmpty else { throw MusicTrainError.noInputs }
            let files = try CorpusBuilder.inputFiles(inputs.map { URL(fileURLWithPath: $0) })
            guard !files.isEmpty else { throw MusicTrainError.noTunes(inputs: inputs) }
            settings = TokenizerSettings(scheme: scheme, windowLength: window, stride: stride, melodyTrack: track)
            config = musicConfig(for: settings)
            let lists = noSplits ? nil : (splits ?? MusicRun.Sources.detectedSplitLists(for: inputs))
            sources = MusicRun.Sources(inputs: inputs, splitSeed: seed ?? 1, strict: strict, splitLists: lists)
        }
        let run = try MusicRun(sources: sources, settings: settings, config: config, directory: directory)
        report(run)
        let rows = try run.run(resume: resuming, observer: ProgressBar())
        printTrained(directory, rows: rows, bleuOrder: run.experiment.config.bleuOrder)
        print("make tunes with: seqgan generate \(directory.path) -n 8 -o tunes --wav")
    }

    /// `runs/<name of the first input without extension>`.
    func defaultMusicRunFolder() -> String {
        if let initFrom { return forkFolder(of: initFrom) }
        let name = URL(fileURLWithPath: inputs.first ?? "music").standardizedFileURL.deletingPathExtension().lastPathComponent
        return "runs/" + (name.isEmpty ? "music" : name)
    }

    /// The music defaults of ``RunConfig/music(settings:)`` with the options given applied.
    func musicConfig(for settings: TokenizerSettings) -> RunConfig {
        var config = RunConfig.music(settings: settings)
        applyOptions(to: &config)
        return config
    }

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
        print("model: generator E \(config.generator.embeddingSize), H \(config.generator.hiddenSize); \(config.mode.rawValue) after \(config.epochs) MLE epochs, \(config.rounds) rounds")
        for line in run.adjustments { print("note: \(line)") }
        fflush(nil)
    }
}

/// Music-training failures that concern the command line rather than the files.
enum MusicTrainError: Error, CustomStringConvertible {
    /// `--task music` without input files, and no run to resume.
    case noInputs
    /// The inputs hold no file with a tune extension.
    case noTunes(inputs: [String])

    var description: String {
        switch self {
        case .noInputs:
            "give the folder (or files) of MIDI or ABC tunes to train on, e.g. `seqgan train corpora/folk`"
        case .noTunes(let inputs):
            "no .mid, .midi or .abc files under \(inputs.joined(separator: ", "))"
        }
    }
}
