import Foundation
import TestSupport
import Testing

@Suite("seqgan bleu")
struct BLEUCommandTests {
    struct GoldenCase: Decodable {
        var name: String
        var n: Int
        var smoothing: String
        var references: [[String]]
        var hypotheses: [[String]]
        var mean: Double
    }

    struct GoldenSelfCase: Decodable {
        var name: String
        var n: Int
        var smoothing: String
        var samples: [[String]]
        var mean: Double
    }

    struct GoldenFile: Decodable {
        var bleu: [GoldenCase]
        var selfBLEU: [GoldenSelfCase]
    }

    static let goldenFile: GoldenFile = {
        let url = TestPaths.repositoryRoot.appendingPathComponent(
            "Tests/Fixtures/Metrics/bleu_golden.json")
        return try! JSONDecoder().decode(GoldenFile.self, from: Data(contentsOf: url))
    }()

    static let golden = goldenFile.bleu

    /// Writes sequences one per line, tokens separated by spaces.
    static func write(_ sequences: [[String]], to url: URL) throws {
        let text = sequences.map { $0.joined(separator: " ") + "\n" }.joined()
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    @Test(
        "the last line equals NLTK's mean sentence BLEU",
        arguments: [
            "poems-n2-method1", "poems-n4-none", "edge-empty-and-short-n3-method1",
            "random-4-v5-n2",
        ])
    func matchesGolden(name: String) throws {
        let golden = try #require(Self.golden.first { $0.name == name })
        let folder = try TestPaths.makeTemporaryDirectory("bleu-cli")
        defer { try? FileManager.default.removeItem(at: folder) }
        let references = folder.appendingPathComponent("references.txt")
        let hypotheses = folder.appendingPathComponent("hypotheses.txt")
        try Self.write(golden.references, to: references)
        try Self.write(golden.hypotheses, to: hypotheses)
        let result = try runSeqGAN([
            "bleu", "--references", references.path, "--hypotheses", hypotheses.path,
            "-n", String(golden.n), "--smoothing", golden.smoothing,
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.contains("\(golden.hypotheses.count) hypotheses") == true)
        #expect(lines.first?.contains("\(golden.references.count) references") == true)
        let score = try #require(lines.last.flatMap { Double($0) })
        #expect(abs(score - golden.mean) <= 1e-9, "\(score) vs NLTK \(golden.mean)")
    }

    @Test(
        "--self prints NLTK's mean self-BLEU on the last line",
        arguments: ["self-poems-n2", "self-duplicates", "self-random-1"])
    func selfBLEU(name: String) throws {
        let golden = try #require(Self.goldenFile.selfBLEU.first { $0.name == name })
        let folder = try TestPaths.makeTemporaryDirectory("bleu-cli-self")
        defer { try? FileManager.default.removeItem(at: folder) }
        let samples = folder.appendingPathComponent("samples.txt")
        try Self.write(golden.samples, to: samples)
        let result = try runSeqGAN([
            "bleu", "--self", "--hypotheses", samples.path, "-n", String(golden.n),
            "--smoothing", golden.smoothing,
        ])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.first?.hasPrefix("Self-BLEU-\(golden.n)") == true)
        let score = try #require(lines.last.flatMap { Double($0) })
        #expect(abs(score - golden.mean) <= 1e-9, "\(score) vs NLTK \(golden.mean)")
    }

    @Test("bad input fails with one clear line naming the problem")
    func badInput() throws {
        let folder = try TestPaths.makeTemporaryDirectory("bleu-cli-errors")
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("good.txt")
        try "a b c\n".write(to: good, atomically: true, encoding: .utf8)
        let empty = folder.appendingPathComponent("empty.txt")
        try "\n  \n".write(to: empty, atomically: true, encoding: .utf8)
        let missing = folder.appendingPathComponent("missing.txt")
        let binary = folder.appendingPathComponent("binary.txt")
        try Data([0x61, 0x0A, 0x62, 0xFF, 0x0A]).write(to: binary)
        let cases: [([String], String)] = [
            (["--references", missing.path, "--hypotheses", good.path], "missing.txt"),
            (["--references", good.path, "--hypotheses", empty.path], "no token sequences"),
            (["--references", binary.path, "--hypotheses", good.path], "binary.txt:2"),
            (["--references", good.path, "--hypotheses", good.path, "-n", "0"], "at least 1"),
            (["--hypotheses", good.path], "needs --references"),
            (["--self", "--references", good.path, "--hypotheses", good.path], "leave out"),
            (["--self", "--hypotheses", good.path], "at least 2 samples"),
        ]
        for (arguments, message) in cases {
            let result = try runSeqGAN(["bleu"] + arguments)
            #expect(result.status != 0)
            #expect(result.standardOutput.isEmpty)
            let errorLines = result.standardError.split(separator: "\n")
            #expect(errorLines.count == 1, "\(result.standardError)")
            #expect(result.standardError.contains(message), "\(result.standardError)")
        }
    }

    @Test("smoothing none and method1 differ when a higher order has no match")
    func smoothingOption() throws {
        let folder = try TestPaths.makeTemporaryDirectory("bleu-cli-smoothing")
        defer { try? FileManager.default.removeItem(at: folder) }
        let references = folder.appendingPathComponent("r.txt")
        let hypotheses = folder.appendingPathComponent("h.txt")
        try "a b c d\n".write(to: references, atomically: true, encoding: .utf8)
        try "a b d c\n".write(to: hypotheses, atomically: true, encoding: .utf8)
        func score(_ smoothing: String) throws -> Double? {
            let result = try runSeqGAN([
                "bleu", "--references", references.path, "--hypotheses", hypotheses.path,
                "-n", "3", "--smoothing", smoothing,
            ])
            return result.standardOutput.split(separator: "\n").last.flatMap { Double($0) }
        }
        // Unigrams 4/4, bigrams 1/3, trigrams 0/2: method1 uses 0.1/2 for the trigrams.
        let method1 = try #require(try score("method1"))
        #expect(abs(method1 - pow(1.0 / 3 * 0.05, 1.0 / 3)) < 1e-12)
        let none = try #require(try score("none"))
        #expect(none < 1e-100)
    }
}
