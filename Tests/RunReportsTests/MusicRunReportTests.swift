import Foundation
import MIDI
import MusicAnalysis
import MusicEncoding
import MusicGeneration
import RunReports
import TestSupport
import Testing

@Suite("The HTML report of a music run: whole tunes, their ABC and the tune-level table")
struct MusicRunReportTests {
    /// Trains a small run on the bundled folk tunes.
    static func trainRun(_ label: String) throws -> URL {
        let run = try TestPaths.makeTemporaryDirectory(label).appendingPathComponent("run")
        let folk = TestPaths.repositoryRoot.appendingPathComponent("corpora/folk")
        let train = try runSeqGAN(
            ["train", folk.path, "--scheme", "grid", "--out", run.path, "--epochs", "2", "--mode", "mle", "--rounds", "0", "--eval-samples", "16", "--seed", "3"])
        #expect(train.status == 0, "\(train.standardError)")
        return run
    }

    /// Pitch and onset tick of every note, sorted.
    static func notes(_ file: MIDIFile) -> [[Int]] {
        file.notes.map { [$0.startTick, $0.pitch, $0.endTick] }.sorted { $0.lexicographicallyPrecedes($1) }
    }

    @Test("real test tunes are shown whole (every token, not the opening), each tune with its ABC, and the table of evaluate --tunes")
    func wholeTunesAndTable() throws {
        let run = try Self.trainRun("report-whole")
        let folder = run.deletingLastPathComponent()
        let page = folder.appendingPathComponent("report.html")
        var settings = MusicRunReport.Settings()
        (settings.samples, settings.tunes, settings.measuredTunes, settings.seed) = (64, 3, 12, 5)
        let report = try MusicRunReport(run: run, page: page, settings: settings)
        #expect(report.tuneCount == 6)
        let html = try String(contentsOf: page, encoding: .utf8)

        let model = try MusicModel(runDirectory: run)
        let corpus = try MusicRun.savedCorpus(in: run)
        let shown = Array(corpus.test.prefix(3))
        #expect(shown.contains { $0.encoded.tokens.count > model.defaultTuneLength }, "no test tune is longer than an opening")
        for (index, tune) in shown.enumerated() {
            let whole = model.tokenizer.decode(tune.encoded.tokens, options: tune.encoded.decodeOptions)
            let written = try MIDIFile.read(contentsOf: report.files.appendingPathComponent("real-\(index + 1).mid"))
            #expect(Self.notes(written) == Self.notes(whole), "\(tune.name)")
        }

        // Each of the 6 tunes has its ABC in a collapsible block.
        #expect(html.components(separatedBy: "<summary>ABC</summary><pre style=\"white-space: pre-wrap; overflow-wrap: anywhere; max-height: 24em; overflow-y: auto\">X:1\n").count - 1 == 6)
        #expect(html.contains("T:Generated tune 1") && html.contains("T:\(HTMLReport_escape(shown[0].name))"))

        // The tune-level table: the same numbers as TuneLevelEvaluation for 12 tunes.
        let comparison = TuneLevelEvaluation.compare(
            model: model, corpus: corpus, tuneCount: 12, temperature: settings.temperature ?? model.defaultTemperature, seed: settings.seed)
        let rows = comparison.tableRows()
        #expect(html.contains("Whole tunes"))
        for row in rows.dropFirst() {
            for cell in row.dropFirst() where !cell.isEmpty {
                #expect(html.contains("<td>\(HTMLReport_escape(cell))</td>"), "\(row[0]): \(cell)")
            }
        }

        // 0 leaves the table out.
        settings.measuredTunes = 0
        let without = folder.appendingPathComponent("without.html")
        _ = try MusicRunReport(run: run, page: without, settings: settings)
        let plain = try String(contentsOf: without, encoding: .utf8)
        #expect(!plain.contains("MGEval overlap"))
        #expect(plain.contains("<details class=\"abc\">"))
    }
}

/// HTML escaping as the report writes text (`&`, `<`, `>`, `"`).
private func HTMLReport_escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
}
