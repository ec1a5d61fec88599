import ArgumentParser

/// Where the synthetic task's oracle comes from (`seqgan train`, `seqgan oracle`): a file, or
/// a fresh N(0, 1) draw from a seed.
struct OracleOptions: ParsableArguments {
    @Option(help: "The oracle LSTM as safetensors (the paper's: see the README for where to get it). Without it, a fresh N(0,1) oracle is drawn from --oracle-seed.")
    var oracle: String?

    @Option(parsing: .unconditional, help: "Seed of the fresh oracle when --oracle is not given. (default: 88)", transform: parseSeed)
    var oracleSeed: UInt64 = 88
}
