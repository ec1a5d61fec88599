import ArgumentParser
import MusicAnalysis

/// `seqgan midi compare-tunes GENERATED --real REAL`: tune-level statistics and MGEval of two
/// sets of MIDI tunes.
struct MIDICompareTunesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare-tunes",
        abstract:
            "Measure whole tunes against real tunes: form, ending, rhythm and pitch statistics, and MGEval overlaps.",
        discussion: """
            Each set is a folder of MIDI files (searched recursively), a MIDI file, or a split list \
            (.txt, one MIDI path a line, relative to the list's folder or the one above). Prints \
            each statistic's mean ± standard deviation for both sets and the MGEval overlap of each \
            feature (Yang and Lerch 2018; 1: as close to the real tunes as they are to each other), \
            with the mean and the lowest. With --versus, a second generated set is measured against \
            the same real tunes and the two are contrasted: the mean overlap and the overlap of the \
            bar-repetition features (permutation test on the same random splits) and each \
            bar-repetition share (Welch's t-test), with p-values.
              seqgan midi compare-tunes tunes/ --real corpus/splits/melody_test.txt
              seqgan midi compare-tunes a/ --versus b/ --real corpus/splits/melody_test.txt
            """)

    @Argument(help: ArgumentHelp("The tunes to measure: a folder, a MIDI file or a split list.", valueName: "generated"))
    var generated: String

    @Option(help: ArgumentHelp("The real tunes to measure against: a folder, a MIDI file or a split list.", valueName: "path"))
    var real: String

    @Option(help: "Kernel bandwidth rule of MGEval's densities.")
    var bandwidth: KernelDensity.BandwidthRule = .scott

    @Option(help: ArgumentHelp("A second set of generated tunes to contrast with the first.", valueName: "path"))
    var versus: String?

    @Option(help: "Random splits of the permutation test (with --versus).")
    var permutations = 200

    @Option(help: "Seed of the permutation test's splits.")
    var seed: UInt64 = 1

    @Flag(help: "Print the comparison as JSON instead of a table.")
    var json = false

    func validate() throws {
        try require((1...100_000).contains(permutations), "--permutations must be between 1 and 100000, not \(permutations)")
    }

    func run() throws {
        var report = TuneSetReport(generated: generated, real: real)
        (report.versus, report.rule, report.permutations, report.seed, report.json) = (versus, bandwidth, permutations, seed, json)
        try report.lines().forEach { print($0) }
    }
}
