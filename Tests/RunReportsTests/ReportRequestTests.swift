import Foundation
import Testing

@testable import RunReports

@Suite("seqgan report as a library request: the format by extension, and what each format takes")
struct ReportRequestTests {
    @Test(
        "the output's extension chooses the format",
        arguments: [("curves.svg", ReportRequest.Format.svg), ("Report.HTML", .html), ("page.htm", .html), ("x.png", nil)])
    func format(output: String, format: ReportRequest.Format?) {
        #expect(ReportRequest(runs: ["run"], output: output).format == format)
    }

    @Test("no run, an unknown format, an HTML page of two runs and counts out of range are refused")
    func refusals() {
        #expect(throws: ReportRequestError.noRuns) { try ReportRequest(runs: [], output: "a.svg").validate() }
        #expect(throws: ReportRequestError.unknownFormat) { try ReportRequest(runs: ["a"], output: "a.png").validate() }
        #expect(throws: ReportRequestError.htmlOfManyRuns(count: 2)) {
            try ReportRequest(runs: ["a", "b"], output: "a.html").validate()
        }
        var request = ReportRequest(runs: ["a", "b"], output: "a.svg")
        request.settings.tunes = 33
        #expect(throws: ReportRequestError.tunesOutOfRange(33)) { try request.validate() }
        request.settings.tunes = 4
        request.settings.measuredTunes = -1
        #expect(throws: ReportRequestError.measuredTunesOutOfRange(-1)) { try request.validate() }
        request.settings.measuredTunes = 0
        #expect(throws: Never.self) { try request.validate() }
    }

    @Test("an SVG of a run without a log is refused when drawn, not before")
    func missingLog() throws {
        let request = ReportRequest(runs: ["/nonexistent/run"], output: "/nonexistent/out.svg")
        #expect(throws: Never.self) { try request.validate() }
        #expect(throws: (any Error).self) { try request.write() }
    }
}
