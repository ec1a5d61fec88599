import Foundation

/// A line chart written as a self-contained SVG document: several named series of (x, y)
/// points over shared axes with round-number ticks, and a legend.
public struct LineChart: Sendable {
    /// One line.
    public struct Series: Sendable, Equatable {
        /// Shown in the legend.
        public var name: String
        /// The points, in drawing order.
        public var points: [(x: Double, y: Double)]

        /// Creates a series.
        public init(name: String, points: [(x: Double, y: Double)]) {
            self.name = name
            self.points = points
        }

        public static func == (a: Series, b: Series) -> Bool {
            a.name == b.name && a.points.elementsEqual(b.points) { $0.x == $1.x && $0.y == $1.y }
        }
    }

    /// The chart's title.
    public var title: String
    /// The x axis's label.
    public var xLabel: String
    /// The y axis's label.
    public var yLabel: String
    /// The lines.
    public var series: [Series]
    /// Vertical marker lines (for example where adversarial training starts), with labels.
    public var markers: [(x: Double, label: String)] = []
    /// Size in pixels.
    public var width = 720.0, height = 440.0
    /// Whether the series names are listed right of the plot (a single series may not need it).
    public var showsLegend = true

    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"]

    /// A generous estimate of the width of `text` at the chart's 12-pixel sans-serif font.
    static func estimatedTextWidth(_ text: String) -> Double { 7 * Double(text.count) }

    /// Creates a chart.
    public init(title: String, xLabel: String, yLabel: String, series: [Series]) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
    }

    /// About `count` round tick values covering `low...high` (steps of 1, 2 or 5 x 10^k).
    public static func ticks(from low: Double, to high: Double, count: Int = 6) -> [Double] {
        guard high > low, count > 1 else { return [low] }
        let raw = (high - low) / Double(count - 1)
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        var value = (low / step).rounded(.up) * step
        var result: [Double] = []
        while value <= high + step * 1e-9 {
            result.append(abs(value) < step * 1e-9 ? 0 : value)
            value += step
        }
        return result
    }

    /// The SVG document.
    public func svg() -> String {
        let all = series.flatMap(\.points)
        let (left, right, top, bottom) = (70.0, showsLegend ? 170.0 : 24.0, 40.0, 55.0)
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        var xMin = all.map(\.x).min() ?? 0, xMax = all.map(\.x).max() ?? 1
        var yMin = all.map(\.y).min() ?? 0, yMax = all.map(\.y).max() ?? 1
        if xMax <= xMin { xMax = xMin + 1 }
        if yMax <= yMin { (yMin, yMax) = (yMin - 0.5, yMax + 0.5) }
        let pad = (yMax - yMin) * 0.05
        yMin -= pad
        yMax += pad
        if xMin > 0 && xMin < (xMax - xMin) * 0.2 { xMin = 0 }
        func px(_ x: Double) -> Double { left + (x - xMin) / (xMax - xMin) * plotWidth }
        func py(_ y: Double) -> Double { top + (yMax - y) / (yMax - yMin) * plotHeight }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }
        func label(_ v: Double) -> String {
            v == v.rounded() && abs(v) < 1e6 ? String(Int(v)) : String(format: "%g", (v * 1e4).rounded() / 1e4)
        }
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif" font-size="12">
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(f(left + plotWidth / 2))" y="22" text-anchor="middle" font-size="15">\(escape(title))</text>

            """
        for tick in LineChart.ticks(from: xMin, to: xMax) {
            out += "<line x1=\"\(f(px(tick)))\" y1=\"\(f(top))\" x2=\"\(f(px(tick)))\" y2=\"\(f(top + plotHeight))\" stroke=\"#eee\"/>"
            out += "<text x=\"\(f(px(tick)))\" y=\"\(f(top + plotHeight + 16))\" text-anchor=\"middle\">\(label(tick))</text>\n"
        }
        for tick in LineChart.ticks(from: yMin, to: yMax) {
            out += "<line x1=\"\(f(left))\" y1=\"\(f(py(tick)))\" x2=\"\(f(left + plotWidth))\" y2=\"\(f(py(tick)))\" stroke=\"#eee\"/>"
            out += "<text x=\"\(f(left - 6))\" y=\"\(f(py(tick) + 4))\" text-anchor=\"end\">\(label(tick))</text>\n"
        }
        out += "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotWidth))\" height=\"\(f(plotHeight))\" fill=\"none\" stroke=\"#333\"/>\n"
        out += "<text x=\"\(f(left + plotWidth / 2))\" y=\"\(f(height - 12))\" text-anchor=\"middle\">\(escape(xLabel))</text>\n"
        out += "<text transform=\"translate(18 \(f(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\">\(escape(yLabel))</text>\n"
        // A label goes on the first line below the top where it clears the labels to its left.
        var lineEnds: [Double] = []
        for marker in markers.sorted(by: { $0.x < $1.x }) where marker.x >= xMin && marker.x <= xMax {
            let x = px(marker.x)
            let line = lineEnds.firstIndex { $0 < x } ?? lineEnds.count
            let end = x + 4 + LineChart.estimatedTextWidth(marker.label)
            if line == lineEnds.count { lineEnds.append(end) } else { lineEnds[line] = end }
            out += "<line x1=\"\(f(x))\" y1=\"\(f(top))\" x2=\"\(f(x))\" y2=\"\(f(top + plotHeight))\" stroke=\"#999\" stroke-dasharray=\"4 3\"/>"
            out += "<text x=\"\(f(x + 4))\" y=\"\(f(top + 14 + 14 * Double(line)))\" fill=\"#666\">\(escape(marker.label))</text>\n"
        }
        for (index, line) in series.enumerated() {
            let color = LineChart.palette[index % LineChart.palette.count]
            let points = line.points.map { "\(f(px($0.x))),\(f(py($0.y)))" }.joined(separator: " ")
            out += "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" points=\"\(points)\"/>\n"
            guard showsLegend else { continue }
            let ly = top + 10 + Double(index) * 20
            out += "<line x1=\"\(f(left + plotWidth + 12))\" y1=\"\(f(ly))\" x2=\"\(f(left + plotWidth + 36))\" y2=\"\(f(ly))\" stroke=\"\(color)\" stroke-width=\"2\"/>"
            out += "<text x=\"\(f(left + plotWidth + 42))\" y=\"\(f(ly + 4))\">\(escape(line.name))</text>\n"
        }
        return out + "</svg>\n"
    }

    func escape(_ text: String) -> String { HTMLReport.escape(text) }
}
