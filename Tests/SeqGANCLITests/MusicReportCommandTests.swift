import Foundation
import TestSupport
import Testing

@Suite("seqgan report RUN -o report.html")
struct MusicReportCommandTests {
    /// Every value of `attribute="..."` in `html`.
    static func attributeValues(_ attribute: String, in html: String) -> [String] {
        html.components(separatedBy: "\(attribute)=\"").dropFirst().compactMap { $0.split(separator: "\"", maxSplits: 1).first.map(String.init) }
    }

    @Test("writes a page with curves, piano rolls, the evaluate table, and players whose files exist")
    func htmlReport() throws {
        let run = try trainTinyMusicRun("music-report")
        let folder = run.deletingLastPathComponent().appendingPathComponent("out")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let page = folder.appendingPathComponent("report.html")
        let result = try runSeqGAN(["report", run.path, "-o", page.path, "--samples", "64", "--tunes", "2", "--seed", "7"])
        #expect(result.status == 0, "\(result.standardError)")
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        // Charts (NLL-test, BLEU, training NLL) and 2 + 2 piano rolls, all inline.
        #expect(html.components(separatedBy: "<svg").count - 1 >= 3 + 4)
        #expect(html.components(separatedBy: "class=\"piano-roll\"").count - 1 == 4)
        // Whole tunes: each with its ABC, and the tune-level table (--measured-tunes, 50 by default).
        #expect(html.components(separatedBy: "<details class=\"abc\">").count - 1 == 4)
        #expect(html.contains("MGEval overlap: mean"))
        // Self-contained: no script, stylesheet or image from elsewhere.
        #expect(!html.contains("<script") && !html.contains("<link") && !html.contains("<img"))
        let sources = Self.attributeValues("src", in: html)
        let links = Self.attributeValues("href", in: html)
        #expect(sources.count == 4)
        for reference in sources + links {
            #expect(reference.hasPrefix("report_files/"), "\(reference)")
            let file = folder.appendingPathComponent(reference)
            let bytes = try Data(contentsOf: file)
            if reference.hasSuffix(".ogg") {
                #expect(bytes.starts(with: Data("OggS".utf8)))
            } else if reference.hasSuffix(".wav") {
                #expect(bytes.starts(with: Data("RIFF".utf8)))
            } else {
                #expect(bytes.starts(with: Data("MThd".utf8)), "\(reference)")
            }
            #expect(bytes.count > 100)
        }
        // The metric table has the numbers `seqgan evaluate` prints for the same samples.
        let evaluate = try runSeqGAN(["evaluate", run.path, "--samples", "64", "--seed", "7"])
        #expect(evaluate.status == 0, "\(evaluate.standardError)")
        for prefix in ["BLEU-4 vs test", "MSE of pitch numbers vs test", "notes in key"] {
            let line = try #require(evaluate.standardOutput.split(separator: "\n").first { $0.hasPrefix(prefix) })
            for cell in line.dropFirst(prefix.count).split(separator: " ") where cell.first?.isNumber == true {
                #expect(html.contains("<td>\(cell)</td>"), "\(prefix): \(cell) not in the report")
            }
        }

        // -o .svg still draws curves of several runs; an HTML report takes one run.
        let svg = folder.appendingPathComponent("curves.svg")
        let curves = try runSeqGAN(["report", run.path, run.path, "-o", svg.path, "--metric", "nll-test"])
        #expect(curves.status == 0, "\(curves.standardError)")
        #expect(try String(contentsOf: svg, encoding: .utf8).hasPrefix("<svg"))
        let two = try runSeqGAN(["report", run.path, run.path, "-o", page.path])
        #expect(two.status != 0)
        #expect(two.standardError.contains("one music run"), "\(two.standardError)")
    }
}
