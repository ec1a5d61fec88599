import ArgumentParser
import Foundation
import MIDI
import MusicEncoding

/// `seqgan midi tokens DIR_OR_FILES --scheme paper|grid|tune -o corpus.txt`.
struct MIDITokensCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "Turn MIDI tunes (and .abc tune books) into token sequences, one per line.",
        discussion: """
            Reads every .mid/.midi/.smf/.kar/.abc file under the given folders (recursively) and \
            the files given directly, takes each tune's melody, and writes its windows as lines \
            of space-separated token ids. Prints the files, tunes, sequences and vocabulary, and \
            every file skipped with its reason. The tune scheme writes one whole tune per line \
            (ABC repeats as written, MIDI repeats folded; --window and --stride do not apply).
            """)

    @Argument(help: "MIDI or .abc files, or folders searched recursively.")
    var inputs: [String]

    @Option(help: "Token scheme.")
    var scheme: TokenScheme = .paper

    @Option(name: [.short, .customLong("output")], help: "Where to write the sequences, one per line.")
    var output: String

    @Option(parsing: .unconditional, help: "Tokens per sequence (default 32 for paper, 64 for grid).")
    var window: Int?

    @Option(parsing: .unconditional, help: "Tokens between consecutive windows of a tune (default 16 for paper, 32 for grid).")
    var stride: Int?

    @Option(parsing: .unconditional, help: "The melody track index; by default track 0 for Nottingham-style files, otherwise the track and channel with most notes in melody range.")
    var track: Int?

    @Option(help: "Which tunes to write.")
    var split: MusicCorpus.SplitSelection = .all

    @Option(help: "A folder with train.txt, valid.txt, test.txt (e.g. the Nottingham splits/); without it tunes are split by --seed.")
    var splitLists: String?

    @Option(parsing: .unconditional, help: "Seed of the tune-level split (10% test, 10% validation) when no --split-lists is given. (default: 1)", transform: parseSeed)
    var seed: UInt64 = 1

    @Option(help: "Also write the tokenizer settings as JSON here (to keep with a model).")
    var settingsOutput: String?

    @Flag(help: "Skip files with any irregularity instead of repairing them with warnings.")
    var strict = false

    func validate() throws {
        try require((window ?? 1) >= 1, "--window must be at least 1")
        try require((stride ?? 1) >= 1, "--stride must be at least 1")
        try require((track ?? 0) >= 0, "--track must be 0 or more")
    }

    func run() throws {
        let corpus = try CorpusBuilder.build(
            inputs: inputs.map { URL(fileURLWithPath: $0) },
            settings: TokenizerSettings(scheme: scheme, windowLength: window, stride: stride, melodyTrack: track),
            split: splitLists.map { .lists(URL(fileURLWithPath: $0)) } ?? .seeded(seed: seed),
            readOptions: MIDIReadOptions(strict: strict))
        try corpus.writeTokenFile(split, to: output, settingsOutput: settingsOutput).forEach { print($0) }
        if corpus.allTunes.isEmpty { throw CommandError("no tunes could be read from \(inputs.joined(separator: ", "))") }
    }
}
