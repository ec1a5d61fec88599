import Audio
import Foundation
import MusicGeneration
import SeqGAN
import SyntheticGeneration
import TextGeneration

/// What `seqgan generate` asks of a trained run of any kind: tunes for a music run (MIDI files,
/// with audio and ABC beside them, or one ABC tune book), lines of text for a text run, token
/// ids for a synthetic run.
public struct GenerationRequest: Sendable {
    /// How many tunes or samples.
    public var count = 8
    /// The folder of tunes, or the ABC tune book (`.abc`) or text file to write.
    public var output: String
    /// Seed of the sampling and of the renderer's noise.
    public var seed: UInt64 = 1
    /// The instrument of a WAV file beside each tune; `nil` writes no audio.
    public var audio: Instrument?
    /// Whether an ABC tune is written beside each tune's MIDI file.
    public var abc = false
    /// How tunes are sampled and written; its temperature applies to every kind.
    public var tunes = TuneRequest()

    /// A request of `count` samples into `output`, with the values given and every other at its
    /// default.
    public init(
        count: Int = 8, output: String, seed: UInt64 = 1, audio: Instrument? = nil, abc: Bool = false,
        tunes: TuneRequest = TuneRequest()
    ) {
        (self.count, self.output, self.seed, self.audio, self.abc, self.tunes) = (count, output, seed, audio, abc, tunes)
    }

    /// What was written.
    public struct Outcome: Sendable {
        /// Warnings for standard error, one per line: the run was stopped before its
        /// pre-training finished; some whole tunes were cut before their end.
        public var note: String?
        /// One line per tune, then a summary (music), or the summary of the samples.
        public var lines: [String]
    }

    /// Generates from the run in `path` and writes the result.
    ///
    /// - Throws: ``RunKindError`` when `path` holds no run, ``TrainedRunError`` for audio, ABC
    ///   or a tune length asked of a run that does not make tunes, and the errors of loading
    ///   the model and writing the files.
    public func generate(from path: String) throws -> Outcome {
        let folder = URL(fileURLWithPath: path)
        let kind = try RunKind(of: folder)
        if kind != .music {
            if audio != nil { throw TrainedRunError.notTunes(option: "--wav", path: path, kind: kind) }
            if abc { throw TrainedRunError.notTunes(option: "--abc", path: path, kind: kind) }
            if tunes.length != nil { throw TrainedRunError.lengthOfSamples(kind: kind) }
            if tunes.bars != nil { throw TrainedRunError.notTunes(option: "--bars", path: path, kind: kind) }
        }
        let note = try TrainingRun.unfinishedPretrainingNote(in: folder)
        let (temperature, out) = (tunes.temperature ?? 1, URL(fileURLWithPath: output))
        let plural = count == 1 ? "" : "s"
        switch kind {
        case .music where output.lowercased().hasSuffix(".abc"):
            guard audio == nil else { throw TrainedRunError.audioIntoTuneBook(output: output) }
            let model = try MusicModel(runDirectory: folder)
            let summaries = try model.writeTuneBook(count: count, request: tunes, seed: seed, to: out)
            return Outcome(
                note: joined(note, cutNote(summaries, model: model)),
                lines: summaries.enumerated().map { "X:\($0.offset + 1): \($0.element)" }
                    + ["\(out.path): ABC tune book of \(count) tune\(plural)"])
        case .music:
            let model = try MusicModel(runDirectory: folder)
            let written = try model.writeTunes(
                count: count, request: tunes, seed: seed, to: out,
                audio: audio.map { RenderSettings(instrument: $0, seed: seed) }, abc: abc)
            return Outcome(note: joined(note, cutNote(written.map(\.summary), model: model)), lines: written.map(\.line))
        case .text:
            let lines = try TextModel(runDirectory: folder).writeSamples(
                count: count, temperature: temperature, seed: seed, to: out)
            return Outcome(
                note: note, lines: TextModel.samplesReport(lines, url: out, temperature: temperature, seed: seed))
        case .synthetic:
            let length = try SyntheticExperiment.writeSamples(
                of: folder, count: count, temperature: temperature, seed: seed, to: out)
            return Outcome(
                note: note,
                lines: ["\(out.path): \(count) sequence\(plural) of \(length) token ids (temperature \(temperature), seed \(seed))"])
        }
    }

    /// The warning for whole tunes that used every token before their end, or `nil`.
    func cutNote(_ summaries: [TuneSummary], model: MusicModel) -> String? {
        let cut = summaries.filter(\.isCut).count
        guard cut > 0 else { return nil }
        let tokens = tunes.length ?? model.defaultTuneLength
        let advice = tunes.length != nil ? "give a larger --length" : tunes.bars != nil ? "ask fewer --bars" : "lower --temperature"
        return "\(cut) of \(summaries.count) tunes used all \(tokens) tokens before the model ended them and stop mid-tune (\(advice))"
    }

    private func joined(_ notes: String?...) -> String? {
        let lines = notes.compactMap { $0 }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }
}
