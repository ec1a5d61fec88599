import Foundation

/// What `seqgan midi compare-tunes` measures: a set of generated tunes against real tunes, or
/// with ``versus``, two generated sets contrasted against the same real tunes.
///
/// Each set is a path as ``TuneFiles/load(_:)`` reads it: a folder, a MIDI file or a split list.
public struct TuneSetReport: Sendable {
    /// The tunes to measure, as typed.
    public var generated: String
    /// The real tunes to measure against, as typed.
    public var real: String
    /// A second set of generated tunes to contrast with the first.
    public var versus: String?
    /// Kernel bandwidth rule of MGEval's densities.
    public var rule = KernelDensity.BandwidthRule.scott
    /// Random splits of the permutation test (with ``versus``).
    public var permutations = 200
    /// Seed of the permutation test's splits.
    public var seed: UInt64 = 1
    /// Whether the result is JSON instead of a table.
    public var json = false

    /// A report of `generated` against `real`, with every other value at its default.
    public init(generated: String, real: String) {
        (self.generated, self.real) = (generated, real)
    }

    /// Reads the sets and measures them.
    ///
    /// - Returns: The lines to print: files skipped (table of one set only), then the table or
    ///   the JSON object.
    /// - Throws: ``TuneFilesError`` naming a path that is missing or holds no readable tune;
    ///   the encoder's error for JSON.
    public func lines() throws -> [String] {
        let generatedSet = try TuneFiles.load(URL(fileURLWithPath: generated))
        let realSet = try TuneFiles.load(URL(fileURLWithPath: real))
        let name = { (path: String) in URL(fileURLWithPath: path).lastPathComponent }
        if let versus {
            let other = try TuneFiles.load(URL(fileURLWithPath: versus))
            let contrast = TuneSetContrast(
                first: generatedSet.tunes.map(TuneStatistics.init), second: other.tunes.map(TuneStatistics.init),
                real: realSet.tunes.map(TuneStatistics.init), permutations: permutations, seed: seed, rule: rule)
            return [json ? try contrast.jsonText() : contrast.tableText(firstName: name(generated), secondName: name(versus))]
        }
        let comparison = TuneSetComparison(generated: generatedSet.tunes, real: realSet.tunes, rule: rule)
        if json { return [try comparison.jsonText()] }
        let skipped = [(generated, generatedSet), (real, realSet)].filter { !$0.1.skipped.isEmpty }.map {
            "\($0.0): \($0.1.skipped.count) files skipped (first: \($0.1.skipped[0]))"
        }
        return skipped + [comparison.tableText(generatedName: name(generated), realName: name(real))]
    }
}
