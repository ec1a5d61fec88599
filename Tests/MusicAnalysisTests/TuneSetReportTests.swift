import Foundation
import TestSupport
import Testing

@testable import MusicAnalysis

@Suite("compare-tunes as a library report: one set against real tunes, or two contrasted")
struct TuneSetReportTests {
    /// A folder `name` under `root` with one tune a pitch, and a file that is not MIDI when
    /// `withBadFile`.
    static func folder(_ name: String, in root: URL, pitches: [Int], withBadFile: Bool = false) throws -> String {
        let folder = root.appendingPathComponent(name)
        for (index, pitch) in pitches.enumerated() {
            try TuneFilesTests.writeTune(to: folder.appendingPathComponent("t\(index).mid"), pitch: pitch)
        }
        if withBadFile { try Data("not midi".utf8).write(to: folder.appendingPathComponent("bad.mid")) }
        return folder.path
    }

    @Test("a table names the sets by their last path component and lists skipped files first")
    func table() throws {
        let root = try TestPaths.makeTemporaryDirectory("tune-set-report")
        defer { try? FileManager.default.removeItem(at: root) }
        let generated = try Self.folder("made", in: root, pitches: [60, 62, 64], withBadFile: true)
        let real = try Self.folder("real", in: root, pitches: [62, 65, 67])
        let lines = try TuneSetReport(generated: generated, real: real).lines()
        #expect(lines.count == 2, "\(lines)")
        #expect(lines[0].hasPrefix("\(generated): 1 files skipped (first: "), "\(lines[0])")
        #expect(lines[1].contains("made") && lines[1].contains("real"), "\(lines[1])")

        var json = TuneSetReport(generated: generated, real: real)
        json.json = true
        let object = try JSONSerialization.jsonObject(with: Data(try json.lines().joined().utf8)) as? [String: Any]
        #expect(object?["mgeval"] != nil)
    }

    @Test("with versus, the two generated sets are contrasted with a permutation test of the given size")
    func versus() throws {
        let root = try TestPaths.makeTemporaryDirectory("tune-set-versus")
        defer { try? FileManager.default.removeItem(at: root) }
        var report = TuneSetReport(
            generated: try Self.folder("a", in: root, pitches: [60, 62, 64]),
            real: try Self.folder("real", in: root, pitches: [62, 65, 67]))
        report.versus = try Self.folder("b", in: root, pitches: [61, 63, 66])
        (report.permutations, report.json) = (17, true)
        let object = try JSONSerialization.jsonObject(with: Data(try report.lines().joined().utf8)) as? [String: Any]
        #expect(object?["permutations"] as? Int == 17)
        report.versus = root.appendingPathComponent("none").path
        #expect(throws: TuneFilesError.missing(path: report.versus!)) { try report.lines() }
    }
}
