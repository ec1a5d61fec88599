import ArgumentParser

/// How many samples `seqgan evaluate` and `seqgan report` score, at what temperature, with
/// what seed.
struct SamplingOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Generated sequences (music: windows) to score.")
    var samples: Int = 2000

    @Option(parsing: .unconditional, help: "Sampling temperature (default 1; 0.7 for whole-tune runs).")
    var temperature: Float?

    @Option(parsing: .unconditional, help: "Seed of the sampling (and of a report's renderer). (default: 1)", transform: parseSeed)
    var seed: UInt64 = 1
}
