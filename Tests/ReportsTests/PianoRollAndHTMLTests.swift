import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import Reports

@Suite("PianoRoll and HTMLReport")
struct PianoRollAndHTMLTests {
    @Test("a piano roll parses as XML: one bar per note, placed by time and pitch, bar lines, C labels")
    func pianoRoll() throws {
        // C4 for a beat, E4 for two, G4 for one: 4 beats, one 4/4 bar.
        var roll = PianoRoll(notes: [
            .init(pitch: 60, start: 0, end: 1), .init(pitch: 64, start: 1, end: 3), .init(pitch: 67, start: 3, end: 4),
        ])
        roll.beats = 8  // two bars wide: the notes fill the first half
        let document = try XMLDocument(xmlString: roll.svg())
        func values(_ attribute: String) throws -> [Double] {
            try document.nodes(forXPath: "//*[local-name()='rect'][@rx]/@\(attribute)").compactMap { $0.stringValue.flatMap(Double.init) }
        }
        let xs = try values("x"), widths = try values("width"), ys = try values("y")
        try #require(xs.count == 3 && widths.count == 3 && ys.count == 3)
        #expect(xs == xs.sorted() && ys[0] > ys[1] && ys[1] > ys[2], "later notes to the right, higher notes above")
        // E4 lasts twice as long as C4; the last note ends at the middle of the drawing.
        #expect(abs((widths[1] + 0.8) - 2 * (widths[0] + 0.8)) < 0.2)
        let plotWidth = roll.width - 36
        #expect(abs(xs[2] + widths[2] + 0.8 - (34 + plotWidth / 2)) < 0.2)
        // Bar lines at beats 0, 4 and 8; C4 is labelled.
        #expect(try document.nodes(forXPath: "//*[local-name()='line'][@stroke='#d5d9e2']").count == 3)
        let labels = try document.nodes(forXPath: "//*[local-name()='text']").compactMap(\.stringValue)
        #expect(labels.contains("C4"))
        #expect(roll.pitchRange.contains(60) && roll.pitchRange.contains(67) && roll.pitchRange.count >= 13)
        #expect(PianoRoll(notes: []).pitchRange == 60...72)
    }

    @Test("the page escapes text, holds its sections, tables and players, and loads nothing from elsewhere")
    func page() {
        var report = HTMLReport(title: "Run <one> & two", subtitle: "a \"quoted\" run")
        report.facts = [("tunes", "27")]
        report.sections = [
            .init(title: "Metrics", introduction: "x < y", html: HTMLReport.table(header: ["metric", "value"], rows: [["BLEU", "0.8"]], notes: ["higher is better"])),
            .init(title: "Tunes", html: HTMLReport.card(title: "Tune 1", detail: "8 bars", svg: "<svg></svg>", extra: HTMLReport.audioPlayer(source: "r_files/a.ogg", type: "audio/ogg"))),
        ]
        let html = report.html()
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<title>Run &lt;one&gt; &amp; two</title>"))
        #expect(html.contains("a &quot;quoted&quot; run"))
        #expect(html.contains("<p class=\"intro\">x &lt; y</p>"))
        #expect(html.contains("<th scope=\"row\">BLEU</th><td>0.8</td><td class=\"note\">higher is better</td>"))
        #expect(html.contains("<source src=\"r_files/a.ogg\" type=\"audio/ogg\">"))
        #expect(html.components(separatedBy: "<section>").count == 3)
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"))
    }

    @Test("a chart without legend names no series and gives the plot the legend's width")
    func chartWithoutLegend() throws {
        var chart = LineChart(title: "t", xLabel: "x", yLabel: "y", series: [.init(name: "only-run", points: [(0, 1), (10, 2)])])
        #expect(chart.svg().contains("only-run"))
        chart.showsLegend = false
        let svg = chart.svg()
        #expect(!svg.contains("only-run"))
        let width = try XMLDocument(xmlString: svg).nodes(forXPath: "//*[local-name()='rect'][@fill='none']/@width").first?.stringValue
        #expect(width == String(format: "%.1f", chart.width - 70 - 24))
    }
}
