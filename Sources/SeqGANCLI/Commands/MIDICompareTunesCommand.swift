import ArgumentParser
import Foundation
import MusicAnalysis

/// `seqgan midi compare-tunes GENERATED --real REAL`: tune-level statistics and MGEval of two
/// sets of MIDI tunes.
struct MIDICompareTunesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare-tunes",
        abstract:
            "Measure whole tunes against real tunes: form, ending, rhythm and pitch statistics, and MGEval overlaps.",
        discussion: """
            Each set is a folder of MIDI files (searched recursively), one MIDI file, or a split \
            list (.txt, one MIDI path a line, relative to the list's folder or the folder above \
            it). Prints each statistic's mean ± standard deviation for both sets (shares for the \
            yes/no ones) and the MGEval overlap of each feature (Yang and Lerch 2018: the \
            density of generated-to-real distances against that of real-to-real distances; 1 \
            means as close to the real tunes as they are to each other), with the mean and the \
            lowest. Columns are named after the two paths.

              seqgan midi compare-tunes tunes/ --real corpus/splits/melody_test.txt
              seqgan midi compare-tunes corpus/splits/melody_test.txt --real corpus/splits/melody_train.txt
            """)

    @Argument(
        help: ArgumentHelp(
            "The tunes to measure: a folder, a MIDI file or a split list.", valueName: "generated"))
    var generated: String

    @Option(
        help: ArgumentHelp(
            "The real tunes to measure against: a folder, a MIDI file or a split list.",
            valueName: "path"
        ))
    var real: String

    @Option(
        help:
            "Kernel bandwidth rule of MGEval's densities: \(KernelDensity.BandwidthRule.allCases.map(\.rawValue).joined(separator: ", "))."
    )
    var bandwidth: KernelDensity.BandwidthRule = .scott

    @Flag(help: "Print the comparison as JSON instead of a table.")
    var json = false

    func run() throws {
        let (generatedSet, realSet): (TuneFiles.Loaded, TuneFiles.Loaded)
        do {
            (generatedSet, realSet) = (try TuneFiles.load(URL(fileURLWithPath: generated)), try TuneFiles.load(URL(fileURLWithPath: real)))
        } catch {
            throw ValidationError(error.description)
        }
        let comparison = TuneSetComparison(generated: generatedSet.tunes, real: realSet.tunes, rule: bandwidth)
        if json { return print(try comparison.jsonText()) }
        for (name, set) in [(generated, generatedSet), (real, realSet)] where !set.skipped.isEmpty {
            print("\(name): \(set.skipped.count) files skipped (first: \(set.skipped[0]))")
        }
        print(
            comparison.tableText(
                generatedName: URL(fileURLWithPath: generated).lastPathComponent,
                realName: URL(fileURLWithPath: real).lastPathComponent))
    }
}
