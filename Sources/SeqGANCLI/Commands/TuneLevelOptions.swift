import ArgumentParser
import Foundation

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
}
