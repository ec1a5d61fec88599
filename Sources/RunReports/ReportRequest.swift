import Foundation

/// What `seqgan report` asks for: the training curves of runs as an SVG picture, or the HTML
/// report of one music run, chosen by the extension of the file to write.
public struct ReportRequest: Sendable {
    /// What the output file is, by its extension.
    public enum Format: Sendable, Equatable {
        /// `.svg`: a picture of one metric against training progress.
        case svg
        /// `.html` or `.htm`: the page of one music run.
        case html
    }

    /// The run folders.
    public var runs: [String]
    /// The file to write, as typed.
    public var output: String
    /// What an SVG picture draws.
    public var metric = TrainingCurve.Metric.nllOracle
    /// What an HTML page holds.
    public var settings = MusicRunReport.Settings()

    /// A request for `output` of `runs`, with every other value at its default.
    public init(runs: [String], output: String) {
        (self.runs, self.output) = (runs, output)
    }

    /// A request with every value given (the options of `seqgan report`).
    public init(runs: [String], output: String, metric: TrainingCurve.Metric, settings: MusicRunReport.Settings) {
        (self.runs, self.output, self.metric, self.settings) = (runs, output, metric, settings)
    }

    /// The format `output` names, or `nil` for neither.
    public var format: Format? {
        let name = output.lowercased()
        if name.hasSuffix(".svg") { return .svg }
        return name.hasSuffix(".html") || name.hasSuffix(".htm") ? .html : nil
    }

    /// Checks the request before any run is read.
    ///
    /// - Throws: ``ReportRequestError`` naming the first value that cannot be used.
    public func validate() throws(ReportRequestError) {
        guard settings.samples > 0 else { throw .noSamples }
        if let temperature = settings.temperature {
            guard temperature > 0 && temperature.isFinite else { throw .temperature }
        }
        guard !runs.isEmpty else { throw .noRuns }
        guard let format else { throw .unknownFormat }
        if format == .html && runs.count != 1 { throw .htmlOfManyRuns(count: runs.count) }
        guard (1...32).contains(settings.tunes) else { throw .tunesOutOfRange(settings.tunes) }
        guard (0...10_000).contains(settings.measuredTunes) else {
            throw .measuredTunesOutOfRange(settings.measuredTunes)
        }
    }

    /// Draws or writes the report.
    ///
    /// - Returns: The line saying what was written.
    /// - Throws: ``ReportRequestError`` for a request ``validate()`` refuses, ``ReportError``
    ///   for a run without the values or of the wrong kind, and the errors of reading runs and
    ///   writing files.
    public func write() throws -> String {
        try validate()
        let file = URL(fileURLWithPath: output)
        guard format == .html else {
            try TrainingCurve.chart(of: metric, runs: runs.map { URL(fileURLWithPath: $0) }).svg()
                .write(to: file, atomically: true, encoding: .utf8)
            return "wrote \(output) (\(runs.count) run\(runs.count == 1 ? "" : "s"))"
        }
        let report = try MusicRunReport(run: URL(fileURLWithPath: runs[0]), page: file, settings: settings)
        return "wrote \(output) (\(report.tuneCount) tunes with audio in \(report.files.path)/)"
    }
}

/// Why a report request cannot be carried out, in one line naming the option.
public enum ReportRequestError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// No run folder was named.
    case noRuns
    /// The output is neither `.svg` nor `.html`.
    case unknownFormat
    /// An HTML report was asked of several runs.
    case htmlOfManyRuns(count: Int)
    /// Shown tunes outside 1...32.
    case tunesOutOfRange(Int)
    /// Measured tunes outside 0...10000.
    case measuredTunesOutOfRange(Int)
    /// Scored windows below 1.
    case noSamples
    /// A sampling temperature that is not a positive number.
    case temperature

    public var description: String {
        switch self {
        case .noRuns: "name at least one run folder"
        case .unknownFormat: "-o must name an .svg or .html file"
        case .htmlOfManyRuns(let count): "an HTML report is of one music run; got \(count) run folders"
        case .tunesOutOfRange: "--tunes must be within 1...32"
        case .measuredTunesOutOfRange(let count): "--measured-tunes must be within 0...10000, got \(count)"
        case .noSamples: "--samples must be positive"
        case .temperature: "--temperature must be positive"
        }
    }

    public var errorDescription: String? { description }
}
