import Audio
import Foundation
import MIDI
import MusicAnalysis
import MusicEncoding
import MusicGeneration
import NeuralNetwork
import Reports
import RunFiles
import SeqGAN

/// The HTML report of a music run: training curves from `log.csv`, the metric table of
/// `seqgan evaluate` (the same numbers for the same samples, temperature and seed), the
/// tune-level table of `seqgan evaluate --tunes N` (structure, form, rhythm, pitch and MGEval
/// of whole generated tunes against the test tunes), and piano rolls of whole generated tunes
/// next to as many whole real test tunes, each with an audio player and its ABC text.
///
/// The page is self-contained (inline CSS and SVG); the audio (Ogg Vorbis, or WAV where
/// libsndfile has no Vorbis) and MIDI files go to a folder beside it, `NAME_files/`.
public struct MusicRunReport {
    /// One tune on the page: where it comes from, its MIDI and its rendered audio file.
    struct Tune {
        var title: String
        var midi: MIDIFile
        var audioFile: String
        var midiFile: String
        /// The tune as ABC (``TuneABC``).
        var abc: String
    }

    /// How the report samples and renders.
    public struct Settings: Sendable {
        /// Generated windows scored for the metric table.
        public var samples = 2000
        /// Generated tunes shown, and as many real test tunes.
        public var tunes = 4
        /// Whole tunes generated for the tune-level table (as `seqgan evaluate --tunes`); 0
        /// leaves the table out.
        public var measuredTunes = 50
        /// Sampling temperature of the table and the tunes; `nil` for the model's
        /// ``MusicModel/defaultTemperature``.
        public var temperature: Float?
        /// Seed of the sampling and of the renderer.
        public var seed: UInt64 = 1
        /// The instrument of the audio.
        public var instrument: Instrument = .piano

        /// The defaults: 2000 windows, 4 tunes shown, 50 measured, temperature 1, seed 1, piano.
        public init() {}

        /// Settings with every value given.
        public init(
            samples: Int, temperature: Float?, seed: UInt64, tunes: Int, measuredTunes: Int, instrument: Instrument
        ) {
            (self.samples, self.temperature, self.seed) = (samples, temperature, seed)
            (self.tunes, self.measuredTunes, self.instrument) = (tunes, measuredTunes, instrument)
        }
    }

    /// The page written.
    public let page: URL
    /// The folder of audio and MIDI files beside it.
    public let files: URL
    /// Tunes on the page (generated and real).
    public let tuneCount: Int

    /// Evaluates the run in `directory`, renders its tunes and writes the page to `page`.
    ///
    /// - Throws: `RunKindError` when `directory` holds no run, ``ReportError/notAMusicRun(run:)``
    ///   for another kind of run; the errors of
    ///   loading the run and its tunes, rendering and writing files, naming the file.
    public init(run directory: URL, page: URL, settings: Settings) throws {
        guard try RunKind(of: directory) == .music else {
            throw ReportError.notAMusicRun(run: directory.relativePath)
        }
        let rows = try RunLogRow.read(csv: RunFolder(directory).url(of: .log))
        let model = try MusicModel(runDirectory: directory)
        let temperature = settings.temperature ?? model.defaultTemperature
        let corpus = try MusicRun.savedCorpus(in: directory)
        let evaluation = try MusicEvaluation(
            model: model, corpus: corpus, sampleCount: settings.samples, temperature: temperature,
            seed: settings.seed)

        let filesName = page.deletingPathExtension().lastPathComponent + "_files"
        let files = page.deletingLastPathComponent().appendingPathComponent(filesName)
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        let synthesizer = Synthesizer(settings: RenderSettings(instrument: settings.instrument, seed: settings.seed))
        let length = model.defaultTuneLength
        let sampled = model.sampleTokens(
            count: settings.tunes, length: length, temperature: temperature, seed: settings.seed)
        let generated = try sampled.enumerated().map { index, tokens in
            try Self.writeTune(
                model.tune(from: tokens, options: DecodeOptions()), name: "generated-\(index + 1)",
                title: "Generated tune \(index + 1)", into: files, synthesizer)
        }
        // Whole real tunes: every token, not the opening the generated tunes are as long as.
        let real = try corpus.test.prefix(settings.tunes).enumerated().map { index, tune in
            let midi = model.tokenizer.decode(tune.encoded.tokens, options: tune.encoded.decodeOptions)
            return try Self.writeTune(midi, name: "real-\(index + 1)", title: tune.name, into: files, synthesizer)
        }
        let wholeTunes = settings.measuredTunes > 0
            ? TuneLevelEvaluation.compare(
                model: model, corpus: corpus, tuneCount: settings.measuredTunes, temperature: temperature,
                seed: settings.seed)
            : nil

        var report = HTMLReport(
            title: "Music report: \(directory.lastPathComponent)",
            subtitle: "\(directory.path) — what the model learned, how its tunes compare with real ones, and how they sound.")
        report.facts = Self.facts(model: model, corpus: corpus, rows: rows)
        report.sections = [
            Self.trainingSection(rows, name: directory.lastPathComponent),
            Self.metricSection(evaluation),
        ]
        if let wholeTunes {
            report.sections.append(
                Self.tuneLevelSection(wholeTunes, temperature: temperature, seed: settings.seed))
        }
        report.sections += [
            Self.tuneSection(generated: generated, real: real, filesName: filesName),
        ]
        try AtomicFile.write(report.html(), to: page)
        self.page = page
        self.files = files
        tuneCount = generated.count + real.count
    }

    /// Writes a tune's MIDI and audio (Ogg Vorbis, or WAV when libsndfile cannot write Vorbis)
    /// into `folder`.
    static func writeTune(
        _ midi: MIDIFile, name: String, title: String, into folder: URL, _ synthesizer: Synthesizer
    ) throws -> Tune {
        try midi.write(to: folder.appendingPathComponent(name + ".mid"))
        let audio = try synthesizer.render(midi.notes)
        var audioName = name + ".ogg"
        do {
            try AudioFile.write(audio, to: folder.appendingPathComponent(audioName))
        } catch {
            audioName = name + ".wav"
            try AudioFile.write(audio, to: folder.appendingPathComponent(audioName))
        }
        return Tune(
            title: title, midi: midi, audioFile: audioName, midiFile: name + ".mid",
            abc: TuneABC.text(of: midi, title: title))
    }

    /// The tiles under the heading: data, model, schedule and final scores.
    static func facts(model: MusicModel, corpus: MusicCorpus, rows: [RunLogRow]) -> [(label: String, value: String)] {
        let config = model.config
        var facts: [(label: String, value: String)] = [
            ("tunes (train / valid / test)", "\(corpus.train.count) / \(corpus.validation.count) / \(corpus.test.count)"),
            ("tokens", "\(corpus.settings.scheme.rawValue) scheme, V \(model.tokenizer.vocabularySize), T \(config.generator.sequenceLength)"),
            ("generator", "E \(config.generator.embeddingSize), H \(config.generator.hiddenSize)"),
            ("schedule", "\(config.schedule.epochs) MLE epochs + \(config.schedule.rounds) \(config.schedule.mode.rawValue) rounds"),
        ]
        if let last = rows.last { facts.append(("training time", String(format: "%.1f s", last.seconds))) }
        if let last = rows.last(where: { $0.nllTest != nil }), let nll = last.nllTest {
            facts.append(("final NLL-test", String(format: "%.4f", nll)))
            if let bleu = last.bleu { facts.append(("final BLEU-\(config.evaluation.bleuOrder) (training log)", String(format: "%.4f", bleu))) }
        }
        return facts
    }

    /// The training curves, one chart per metric the log has.
    static func trainingSection(_ rows: [RunLogRow], name: String) -> HTMLReport.Section {
        let charts: [(TrainingCurve.Metric, String)] = [
            (.nllTest, "NLL-test (per token, lower is better)"), (.bleu, "BLEU-4 of samples vs test"),
            (.trainNLL, "training NLL"), (.dAccuracy, "discriminator accuracy"),
        ]
        var html = "<div class=\"charts\">\n"
        for (metric, title) in charts {
            guard let line = TrainingCurve(metric, rows: rows, name: name) else { continue }
            var chart = LineChart(title: title, xLabel: "MLE epochs, then rounds", yLabel: metric.rawValue, series: [line.series])
            // A marker at the right edge (training NLL stops with pre-training) only clutters.
            let lastX = line.series.points.map(\.x).max() ?? 0
            chart.markers = line.marker.flatMap { $0.x < lastX ? [$0] : nil } ?? []
            chart.width = 560
            chart.height = 300
            chart.showsLegend = false
            html += "<figure>\(chart.svg())</figure>\n"
        }
        return HTMLReport.Section(
            title: "Training",
            introduction: "Metrics from log.csv. The x axis counts MLE pre-training epochs, then the rounds after it (dashed line); discriminator pre-training steps sit just before the first round.",
            html: html + "</div>")
    }

    /// The metric table of `seqgan evaluate`.
    static func metricSection(_ evaluation: MusicEvaluation) -> HTMLReport.Section {
        let header = ["metric"] + evaluation.columns.map { column in
            switch column.name {
            case "samples": "model samples"
            case "validation": "real: validation tunes"
            default: "real: test tunes (reference)"
            }
        }
        let table = evaluation.table
        return HTMLReport.Section(
            title: "Metrics",
            introduction: "\(evaluation.samples.windows) windows sampled at temperature \(evaluation.temperature) (seed \(evaluation.seed)), "
                + "and the windows of real tunes the model never trained on, each scored against the test tunes' windows "
                + "(the same numbers as `seqgan evaluate`). MSE: mean squared difference of pitch numbers, position by position, "
                + "to the closest test window. Histogram distances: total variation, 0 = same shape, 1 = nothing in common.",
            html: HTMLReport.table(
                header: header + [""], rows: table.map { [$0.label] + $0.cells },
                notes: table.map { $0.better.isEmpty ? "" : "\($0.better) is better" }))
    }

    /// The tune-level table of `seqgan evaluate --tunes N`: whole generated tunes against the
    /// test tunes.
    static func tuneLevelSection(_ comparison: TuneSetComparison, temperature: Float, seed: UInt64) -> HTMLReport.Section {
        let rows = comparison.tableRows(generatedName: "generated tunes", realName: "real: test tunes")
        return HTMLReport.Section(
            title: "Whole tunes",
            introduction: "\(comparison.generated.tuneCount) whole tunes generated at temperature \(temperature) (seed \(seed)) "
                + "beside the \(comparison.real.tuneCount) real test tunes (the same numbers as `seqgan evaluate --tunes \(comparison.generated.tuneCount)`): "
                + "mean ± standard deviation per tune (shares in percent), and the MGEval overlap of each feature's distances "
                + "between sets with the distances within the real tunes (1 = indistinguishable).",
            html: HTMLReport.table(header: rows[0], rows: Array(rows.dropFirst())))
    }

    /// The style of a tune's ABC text: long lines wrap inside the card, long tunes scroll.
    static let abcStyle = "white-space: pre-wrap; overflow-wrap: anywhere; max-height: 24em; overflow-y: auto"

    /// Piano rolls and players: generated tunes on the left, real test tunes on the right.
    static func tuneSection(generated: [Tune], real: [Tune], filesName: String) -> HTMLReport.Section {
        // One time scale for every roll, so that lengths compare at a glance.
        let beats = (generated + real).map { PianoRoll($0.midi).notes.map(\.end).max() ?? 0 }.max() ?? 4
        func card(_ tune: Tune, color: String) -> String {
            var roll = PianoRoll(tune.midi)
            roll.beats = beats
            roll.color = color
            let links = HTMLReport.audioPlayer(source: "\(filesName)/\(tune.audioFile)", type: tune.audioFile.hasSuffix(".ogg") ? "audio/ogg" : "audio/wav")
                + "\n<a class=\"midi\" href=\"\(HTMLReport.escape("\(filesName)/\(tune.midiFile)"))\">MIDI</a>"
                + "\n<details class=\"abc\"><summary>ABC</summary><pre style=\"\(Self.abcStyle)\">\(HTMLReport.escape(tune.abc))</pre></details>"
            return HTMLReport.card(title: tune.title, detail: TuneSummary(tune.midi).description, svg: roll.svg(), extra: links)
        }
        var html = "<div class=\"tunes\">\n<h3 class=\"column\">Generated by the model</h3>\n<h3 class=\"column\">Real test tunes</h3>\n"
        for index in 0..<max(generated.count, real.count) {
            html += index < generated.count ? card(generated[index], color: "#2563eb") : "<div></div>"
            html += "\n"
            html += index < real.count ? card(real[index], color: "#0f9d58") : "<div></div>"
            html += "\n"
        }
        return HTMLReport.Section(
            title: "Tunes",
            introduction: "Whole tunes, drawn on one time scale: generated tunes as `seqgan generate` writes them (4 training windows long, in C at 120 BPM) next to whole real test tunes from their first note to their last, in their own key and tempo. Each has its ABC text (repeated parts folded into repeat signs) under its player.",
            html: html + "</div>")
    }
}
