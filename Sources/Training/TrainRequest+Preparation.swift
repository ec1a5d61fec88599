import Foundation
import MusicEncoding
import MusicGeneration
import RunFiles
import SeqGAN
import SyntheticGeneration
import TextGeneration

extension TrainRequest {
    /// Turns the request into a run: works out the task, reads the saved settings of a run
    /// to continue (`resume`) or to start from (`initFrom`), or builds new settings from the
    /// task's defaults and the options given; reads the corpus or loads the oracle.
    ///
    /// - Returns: The run, ready to train; nothing is written yet.
    /// - Throws: ``TrainRequestError`` for a request that does not fit the folders given;
    ///   ``RunFolderError`` naming the file when a run to continue does not match its kind or
    ///   its task settings; the task's own errors for unreadable inputs or settings.
    public func prepare() throws -> PreparedTraining {
        if resume, let out, RunFolder(path: out).hasCheckpoint {
            // The folder's files must match its kind before anything is read or written.
            let kind = try RunFolder(path: out).checkedKind()
            if let task, task.rawValue != kind.rawValue {
                throw TrainRequestError.taskMismatch(task: task.rawValue, folder: out, kind: kind.rawValue)
            }
        }
        switch resolvedTask {
        case .synthetic: return try prepareSynthetic()
        case .music: return try prepareMusic()
        case .text: return try prepareText()
        }
    }

    /// The task asked for; without one, text for `.txt` inputs, music for other inputs, else
    /// the kind of the run in `out` (or `initFrom`), else synthetic.
    public var resolvedTask: Task {
        if let task { return task }
        if !inputs.isEmpty {
            return inputs.allSatisfy { $0.lowercased().hasSuffix(".txt") } ? .text : .music
        }
        for folder in [out, initFrom].compactMap({ $0 }) {
            switch RunFolder(path: folder).kind {
            case .text: return .text
            case .music: return .music
            case .synthetic, nil: continue
            }
        }
        return .synthetic
    }

    /// Whether the run in `directory` is continued.
    func isResuming(_ directory: URL) -> Bool { resume && RunFolder(directory).hasCheckpoint }

    /// The saved settings of the run in `directory`, extended by the epochs and rounds given.
    func resumedConfig(in directory: URL) throws -> RunConfig {
        var config = try TrainingRun.savedConfig(in: directory)
        if let epochs = overrides.epochs { config.schedule.epochs = epochs }
        if let rounds = overrides.rounds { config.schedule.rounds = rounds }
        return config
    }

    /// The default folder of a run started from `base`: `BASE-<mode>`.
    func forkFolder(of base: String) -> String {
        URL(fileURLWithPath: base).standardizedFileURL.path + "-\((overrides.mode ?? .seqgan).rawValue)"
    }

    /// The settings of a run that starts from the pre-trained generator of `base`: the
    /// base's data, model sizes, seed and pre-training, with the schedule options given.
    func forkedConfig(from base: String) throws -> RunConfig {
        let baseURL = URL(fileURLWithPath: base).standardizedFileURL
        let baseConfig = try TrainingRun.savedConfig(in: baseURL)
        if let epochs = overrides.epochs, epochs != baseConfig.schedule.epochs {
            throw TrainRequestError.differsFromBase(
                option: "--epochs", given: "\(epochs)", base: "\(baseConfig.schedule.epochs) pre-training epochs", path: base)
        }
        if let seed = overrides.seed, seed != baseConfig.seed {
            throw TrainRequestError.differsFromBase(
                option: "--seed", given: "\(seed)", base: "seed \(baseConfig.seed)", path: "\(base), which made its data")
        }
        if overrides.setsGeneratorShape {
            throw TrainRequestError.invalidOption(
                "--init-from keeps the generator of \(base): leave out --embedding-size, --hidden-size, --layers and --dropout")
        }
        try TrainingRun.checkPretrained(baseURL, epochs: baseConfig.schedule.epochs)
        var config = baseConfig
        overrides.apply(to: &config)
        config.schedule.epochs = baseConfig.schedule.epochs
        config.initFrom = baseURL.path
        return config
    }

    /// The synthetic experiment: resumed, forked, or new with the paper's defaults.
    func prepareSynthetic() throws -> PreparedTraining {
        guard let out else { throw TrainRequestError.missingOut }
        let directory = URL(fileURLWithPath: out)
        var config: RunConfig
        if isResuming(directory) {
            config = try resumedConfig(in: directory)
        } else if let initFrom {
            config = try forkedConfig(from: initFrom)
        } else {
            config = RunConfig()
            overrides.apply(to: &config)
            config.oracle.trainingSequences = trainSize
            config.oracle.path = oracle
            config.oracle.seed = oracleSeed
        }
        return .synthetic(try SyntheticExperiment(config: config, directory: directory), resuming: resume)
    }

    /// A music run: its corpus read with the saved tokenizer (resumed, forked) or the one
    /// asked for.
    func prepareMusic() throws -> PreparedTraining {
        let directory = URL(fileURLWithPath: out ?? defaultMusicRunFolder)
        let resuming = isResuming(directory)
        var config: RunConfig
        let settings: TokenizerSettings
        var sources: MusicRun.Sources
        if resuming {
            config = try resumedConfig(in: directory)
            settings = try MusicRun.savedSettings(in: directory)
            try RunFolder(directory).checkUnchanged(.init(settings, file: .tokenizer))
            sources = try MusicRun.savedSources(in: directory)
            if !inputs.isEmpty {
                sources = MusicRun.Sources(
                    inputs: inputs, splitSeed: sources.splitSeed, strict: sources.strict, splitLists: sources.splitLists)
            }
        } else if let initFrom {
            let base = URL(fileURLWithPath: initFrom)
            config = try forkedConfig(from: initFrom)
            settings = try MusicRun.savedSettings(in: base)
            sources = try MusicRun.savedSources(in: base)
        } else {
            guard !inputs.isEmpty else { throw TrainRequestError.noMusicInputs }
            let files = try CorpusBuilder.inputFiles(inputs.map { URL(fileURLWithPath: $0) })
            guard !files.isEmpty else { throw TrainRequestError.noTunes(inputs: inputs) }
            settings = TokenizerSettings(
                scheme: music.scheme, windowLength: music.window, stride: music.stride, melodyTrack: music.track)
            config = RunConfig.music(settings: settings)
            overrides.apply(to: &config)
            let lists = music.noSplits ? nil : (music.splits ?? MusicRun.Sources.detectedSplitLists(for: inputs))
            sources = MusicRun.Sources(inputs: inputs, splitSeed: overrides.seed ?? 1, strict: music.strict, splitLists: lists)
        }
        let fitsEpochs = !resuming && initFrom == nil && overrides.epochs == nil && overrides.preset == nil
        let run = try MusicRun(
            sources: sources, settings: settings, config: config, directory: directory, fitsEpochsToCorpus: fitsEpochs)
        return .music(run, resuming: resuming)
    }

    /// `runs/<name of the first input without extension>`, or `BASE-<mode>` with `initFrom`.
    var defaultMusicRunFolder: String {
        if let initFrom { return forkFolder(of: initFrom) }
        let name = URL(fileURLWithPath: inputs.first ?? "music").standardizedFileURL.deletingPathExtension()
            .lastPathComponent
        return "runs/" + (name.isEmpty ? "music" : name)
    }

    /// A text run: its corpus read with the saved settings and vocabulary (resumed, forked)
    /// or the ones asked for.
    func prepareText() throws -> PreparedTraining {
        let name = URL(fileURLWithPath: inputs.first ?? "text").deletingPathExtension().lastPathComponent
        let directory = URL(
            fileURLWithPath: out ?? initFrom.map(forkFolder(of:)) ?? "runs/" + (name.isEmpty ? "text" : name))
        let resuming = isResuming(directory)
        let run: TextRun
        if resuming {
            let config = try resumedConfig(in: directory)
            let saved = try TextRun.savedSettings(in: directory)
            try RunFolder(directory).checkUnchanged(.init(saved, file: .textSettings))
            run = try TextRun(
                settings: saved, directory: directory, vocabulary: TextRun.savedVocabulary(in: directory)
            ) { _, _ in config }
        } else if let initFrom {
            let base = URL(fileURLWithPath: initFrom)
            let config = try forkedConfig(from: initFrom)
            run = try TextRun(
                settings: TextRun.savedSettings(in: base), directory: directory,
                vocabulary: TextRun.savedVocabulary(in: base)
            ) { _, _ in config }
        } else {
            guard !inputs.isEmpty else { throw TrainRequestError.noTextInput }
            let settings = TextSettings(
                tokens: text.tokens, length: text.length, windows: text.windows, windowStride: text.stride,
                minimumCount: text.minimumCount, format: text.format, inputs: inputs, test: text.test,
                splitSeed: overrides.seed ?? 1)
            let overrides = self.overrides
            run = try TextRun(settings: settings, directory: directory) { vocabularySize, length in
                var config = RunConfig.text(vocabularySize: vocabularySize, length: length, tokens: settings.tokens)
                overrides.apply(to: &config)
                return config
            }
        }
        return .text(run, resuming: resuming)
    }
}
