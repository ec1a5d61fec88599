import ArgumentParser
import TextEncoding
import TextGeneration

/// The options of `seqgan train FILE.txt --task text`.
struct TextTrainingOptions: ParsableArguments {
    @Option(help: "Text: what a token is.")
    var tokens: Tokenizer = .char

    @Option(parsing: .unconditional, help: "Text: T, tokens per training row including the end token; shorter sequences are padded after their end token (default: long enough for 95% of the training sequences; 21 for the quatrains).")
    var length: Int?

    @Flag(help: "Text: cut sequences longer than T into windows of T tokens every --stride tokens (default half of T) instead of keeping only their first T tokens.")
    var windows = false

    @Option(parsing: .unconditional, help: "Text: tokens seen fewer times than this in the training sequences become <unk>.")
    var minCount: Int = 1

    @Option(help: "Text: the held-out test file (same format as the inputs), e.g. quatrains5_test.txt (default: a seeded 10% of the input sequences).")
    var test: String?

    @Option(help: "Text: how input lines become sequences.")
    var format: TextSettings.Format = .auto
}
