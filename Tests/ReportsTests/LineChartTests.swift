import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import Reports

@Suite("LineChart")
struct LineChartTests {
    @Test("ticks are round numbers covering the range", arguments: [(0.0, 1.0), (8.7, 10.31), (0, 320), (-3, 7)])
    func ticks(low: Double, high: Double) {
        let ticks = LineChart.ticks(from: low, to: high)
        #expect(ticks.count >= 3 && ticks.count <= 11)
        #expect(ticks.first! >= low - 1e-9 && ticks.last! <= high + 1e-9)
        let step = ticks[1] - ticks[0]
        let mantissa = step / pow(10, floor(log10(step)))
        #expect([1, 2, 5, 10].contains { abs(mantissa - $0) < 1e-6 })
    }

    @Test("the SVG parses as XML and draws one polyline per series with every point")
    func svgStructure() throws {
        var chart = LineChart(
            title: "NLL <oracle> & co", xLabel: "epochs", yLabel: "nats",
            series: [
                .init(name: "mle", points: [(0, 10.3), (5, 9.6), (10, 9.2)]),
                .init(name: "seqgan", points: [(0, 10.3), (5, 9.5), (10, 8.9), (15, 8.8)]),
            ])
        chart.markers = [(5, "adversarial")]
        let svg = chart.svg()
        let document = try XMLDocument(xmlString: svg)
        let polylines = try document.nodes(forXPath: "//*[local-name()='polyline']")
        #expect(polylines.count == 2)
        // The second series' points attribute lists its four points.
        let pointLists = svg.split(separator: "\n").filter { $0.hasPrefix("<polyline") }.map { line in
            line.split(separator: "\"").dropFirst(7).first.map(String.init) ?? ""
        }
        #expect(pointLists.count == 2)
        #expect(pointLists[1].split(separator: " ").count == 4, "\(pointLists)")
        #expect(svg.contains("NLL &lt;oracle&gt; &amp; co"))
    }

    @Test("marker labels that would overlap go on separate lines; distant ones share the first")
    func markerLabels() throws {
        var chart = LineChart(
            title: "t", xLabel: "x", yLabel: "y", series: [.init(name: "a", points: [(0, 1), (300, 2)])])
        chart.markers = [(120, "rounds after 120 epochs"), (50, "rounds after 50 epochs"), (290, "far")]
        let svg = chart.svg()
        func labelY(_ label: String) throws -> Double {
            let line = try #require(svg.split(separator: "\n").first { $0.contains(">\(label)</text>") })
            let y = try #require(line.split(separator: "y=\"").last?.split(separator: "\"").first)
            return try #require(Double(y))
        }
        let first = try labelY("rounds after 50 epochs")
        #expect(try labelY("rounds after 120 epochs") > first)
        #expect(try labelY("far") == first)
    }
}
