import MIDI
import MusicAnalysis
import MusicEncoding

/// Whole tunes of a trained model measured beside the run's real test tunes (tune-level
/// statistics and MGEval, ``TuneSetComparison``).
public enum TuneLevelEvaluation {
    /// Samples `tuneCount` tunes as `seqgan generate RUN` writes them by default (whole tunes
    /// as the model ends them, in their own metre and mode; for windows, tunes of
    /// ``MusicModel/defaultTuneLength`` tokens decoded in 4/4 C major) and compares them with
    /// the test tunes of `corpus`, each decoded from its tokens with its own metre and key (so
    /// both sets pass through the same grid).
    ///
    /// - Parameters:
    ///   - model: The trained model.
    ///   - corpus: The run's tunes, split as in training.
    ///   - tuneCount: Tunes to generate.
    ///   - temperature: Sampling temperature.
    ///   - seed: Seed of the sampling.
    /// - Returns: The comparison, generated against real; tunes that decode to no notes count
    ///   as empty tunes.
    public static func compare(
        model: MusicModel, corpus: MusicCorpus, tuneCount: Int, temperature: Float = 1, seed: UInt64
    ) -> TuneSetComparison {
        let sampled = model.sampleTokens(
            count: tuneCount, length: model.defaultTuneLength, temperature: temperature, seed: seed)
        let generated = sampled.map { tune(model.tune(from: $0, options: DecodeOptions())) }
        let real = corpus.test.map {
            tune(model.tokenizer.decode($0.encoded.tokens, options: $0.encoded.decodeOptions))
        }
        return TuneSetComparison(generated: generated, real: real)
    }

    /// The tune of a decoded file; an empty tune in the file's metre when it has no notes.
    static func tune(_ midi: MIDIFile) -> Tune {
        do {
            return try Tune(midi: midi)
        } catch {
            // No notes: measured as an empty tune below.
        }
        let ticks: Int
        if case .ticksPerQuarter(let value) = midi.division { ticks = value } else { ticks = 480 }
        return Tune(
            notes: [], ticksPerQuarter: max(1, ticks), metres: midi.timeSignatures,
            key: TuneKey(tonic: 0, mode: .major))
    }
}
