import ArgumentParser
import Foundation
import MusicEncoding
import MusicGeneration

/// The options of the tune-level table of `seqgan evaluate` for music runs.
struct TuneLevelOptions: ParsableArguments {
    @Option(
        help:
            "Music runs: whole tunes to generate for the tune-level statistics and MGEval against the test tunes (0 leaves the table out)."
    )
    var tunes: Int = 200

    func validate() throws {
        guard tunes >= 0 else { throw ValidationError("--tunes cannot be negative") }
    }

    /// Prints the tune-level table of `model`'s tunes beside the test tunes of `corpus`.
    func printTable(model: MusicModel, corpus: MusicCorpus, temperature: Float, seed: UInt64) {
        guard tunes > 0 else { return }
        let comparison = TuneLevelEvaluation.compare(
            model: model, corpus: corpus, tuneCount: tunes, temperature: temperature, seed: seed)
        print(
            "\nwhole tunes: \(tunes) generated (temperature \(temperature), seed \(seed)) against the test tunes"
        )
        print(comparison.tableText(generatedName: "samples", realName: "test"))
    }
}
