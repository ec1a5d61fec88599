import Foundation

/// A self-contained HTML page of sections (inline CSS and SVG, no script and no external
/// resource), with helpers for the pieces a report is made of.
public struct HTMLReport: Sendable {
    /// One titled part of the page.
    public struct Section: Sendable {
        /// The heading.
        public var title: String
        /// A paragraph under the heading (plain text, escaped).
        public var introduction: String
        /// The content, as HTML.
        public var html: String

        /// Creates a section.
        public init(title: String, introduction: String = "", html: String) {
            self.title = title
            self.introduction = introduction
            self.html = html
        }
    }

    /// The page title and main heading.
    public var title: String
    /// A line under the heading (plain text).
    public var subtitle: String
    /// Short facts shown as labelled tiles under the heading: (label, value).
    public var facts: [(label: String, value: String)] = []
    /// The sections, in order.
    public var sections: [Section] = []

    /// Creates a page.
    public init(title: String, subtitle: String) {
        self.title = title
        self.subtitle = subtitle
    }

    /// The whole document.
    public func html() -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(Self.escape(title))</title>
            <style>
            \(Self.stylesheet)
            </style>
            </head>
            <body>
            <header>
            <h1>\(Self.escape(title))</h1>
            <p class="subtitle">\(Self.escape(subtitle))</p>

            """
        if !facts.isEmpty {
            out += "<dl class=\"facts\">\n"
            for fact in facts {
                out += "<div><dt>\(Self.escape(fact.label))</dt><dd>\(Self.escape(fact.value))</dd></div>\n"
            }
            out += "</dl>\n"
        }
        out += "</header>\n<main>\n"
        for section in sections {
            out += "<section>\n<h2>\(Self.escape(section.title))</h2>\n"
            if !section.introduction.isEmpty { out += "<p class=\"intro\">\(Self.escape(section.introduction))</p>\n" }
            out += section.html + "\n</section>\n"
        }
        return out + "</main>\n</body>\n</html>\n"
    }

    /// A table with a header row; the first cell of each row is its label.
    public static func table(header: [String], rows: [[String]], notes: [String] = []) -> String {
        var out = "<table>\n<thead><tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for (index, row) in rows.enumerated() {
            out += "<tr>" + row.enumerated().map { $0 == 0 ? "<th scope=\"row\">\(escape($1))</th>" : "<td>\(escape($1))</td>" }.joined()
            if index < notes.count { out += "<td class=\"note\">\(escape(notes[index]))</td>" }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>"
    }

    /// A card: a title, a line of detail, a picture (inline SVG) and any further HTML.
    public static func card(title: String, detail: String, svg: String, extra: String = "") -> String {
        "<article class=\"card\">\n<h3>\(escape(title))</h3>\n<p class=\"detail\">\(escape(detail))</p>\n\(svg)\n\(extra)\n</article>"
    }

    /// An audio player for a file next to the page (`type` is its MIME type, such as
    /// `audio/ogg`), with a link to the file for browsers without audio support.
    public static func audioPlayer(source: String, type: String) -> String {
        "<audio controls preload=\"metadata\"><source src=\"\(escape(source))\" type=\"\(escape(type))\">"
            + "<a href=\"\(escape(source))\">\(escape(source))</a></audio>"
    }

    /// Escapes `&`, `<`, `>` and `"` for HTML text and attribute values.
    public static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static let stylesheet = """
        :root { --ink: #1f2430; --muted: #5b6475; --line: #e3e6ee; --accent: #2563eb; --real: #0f9d58; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
               color: var(--ink); background: #f5f6fa; }
        header { background: #fff; border-bottom: 1px solid var(--line); padding: 28px max(24px, calc(50% - 560px)) 20px; }
        h1 { margin: 0 0 4px; font-size: 26px; }
        .subtitle { margin: 0 0 16px; color: var(--muted); }
        .facts { display: flex; flex-wrap: wrap; gap: 10px; margin: 0; }
        .facts div { background: #f5f6fa; border: 1px solid var(--line); border-radius: 8px; padding: 6px 12px; }
        .facts dt { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
        .facts dd { margin: 0; font-weight: 600; font-variant-numeric: tabular-nums; }
        main { padding: 8px max(24px, calc(50% - 560px)) 48px; }
        section { margin-top: 28px; }
        h2 { font-size: 19px; margin: 0 0 6px; }
        .intro { color: var(--muted); margin: 0 0 14px; max-width: 860px; }
        .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(440px, 1fr)); gap: 14px; }
        .charts figure, .card { margin: 0; background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 12px; }
        .charts svg { width: 100%; height: auto; display: block; }
        table { border-collapse: collapse; background: #fff; border: 1px solid var(--line); border-radius: 10px;
                overflow: hidden; font-variant-numeric: tabular-nums; }
        th, td { padding: 7px 14px; border-bottom: 1px solid var(--line); text-align: right; }
        thead th { background: #f0f2f7; font-size: 13px; }
        thead th:first-child { text-align: left; }
        tbody th { text-align: left; font-weight: 500; }
        td.note { color: var(--muted); font-size: 13px; text-align: left; }
        .tunes { display: grid; grid-template-columns: 1fr 1fr; gap: 14px; }
        .tunes h3.column { margin: 0; font-size: 15px; color: var(--muted); }
        .card h3 { margin: 0; font-size: 15px; }
        .card .detail { margin: 2px 0 8px; color: var(--muted); font-size: 13px; }
        .card svg { display: block; border-radius: 6px; border: 1px solid var(--line); }
        .card audio { width: 100%; margin-top: 8px; height: 34px; }
        .card a.midi { font-size: 13px; color: var(--accent); }
        @media (max-width: 760px) { .tunes { grid-template-columns: 1fr; } }
        """
}
