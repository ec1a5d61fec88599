import Foundation
import TestSupport
import Testing
import TextEncoding

@testable import TextGeneration

@Suite("Text corpus")
struct TextCorpusTests {
    func write(_ text: String, named name: String = "corpus.txt") throws -> URL {
        let url = try TestPaths.makeTemporaryDirectory("text-corpus").appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test("lines keep their numbers; blank lines are skipped but counted")
    func lines() throws {
        let url = try write("a b\n\nc d e\n")
        let (entries, format) = try TextCorpus.read(url, tokenizer: .word, format: .auto)
        #expect(format == .lines)
        #expect(entries.map(\.tokens) == [["a", "b"], ["c", "d", "e"]])
        #expect(entries.map(\.location) == ["\(url.path):1", "\(url.path):3"])
    }

    @Test("hard-wrapped text is detected, joined and split into sentences")
    func wrapped() throws {
        let prose =
            "We came here today to talk about our future and what we want it to be. Thank "
            + "you all. It is good to be back in Springfield tonight, with friends who have known "
            + "me for years and years. Yes."
        // Hard-wrapped at 64 characters, in the middle of words.
        let scalars = Array(prose.unicodeScalars)
        let text = stride(from: 0, to: scalars.count, by: 64).map { start in
            String(String.UnicodeScalarView(scalars[start..<min(scalars.count, start + 64)]))
        }.joined(separator: "\n")
        #expect(TextCorpus.looksWrapped(text.split(separator: "\n").map(String.init)))
        let url = try write(text)
        let (entries, format) = try TextCorpus.read(url, tokenizer: .word, format: .auto)
        #expect(format == .wrapped)
        try #require(entries.count == 4)
        #expect(entries[1].tokens == ["Thank", "you", "all", "."])
        #expect(entries[3].location == "\(url.path): sentence 4")
    }

    @Test("quatrain lines do not look wrapped")
    func quatrainsAreLines() {
        let poem = "四 時 運 灰 琯 一 夕 變 冬 春 送 寒 餘 雪 盡 迎 歲 早 梅 新"
        #expect(!TextCorpus.looksWrapped([poem, poem, poem, poem]))
    }

    @Test("a missing or empty file is an error naming it")
    func badFiles() throws {
        let missing = URL(fileURLWithPath: "/nonexistent/poems.txt")
        #expect(throws: TextFileError.unreadable(path: missing.path, reason: "no such file")) {
            _ = try TextCorpus.read(missing, tokenizer: .char, format: .lines)
        }
        let empty = try write("\n  \n")
        #expect(throws: TextFileError.empty(path: empty.path)) {
            _ = try TextCorpus.read(empty, tokenizer: .char, format: .lines)
        }
    }

    @Test("the split is seeded, disjoint and complete; --test replaces the seeded test split")
    func splits() throws {
        let url = try write((1...50).map { "line \($0)" }.joined(separator: "\n"))
        let settings = TextSettings(tokens: .word, inputs: [url.path], splitSeed: 4)
        let a = try TextCorpus(settings: settings)
        let b = try TextCorpus(settings: settings)
        #expect(a.test == b.test && a.train == b.train && a.validation == b.validation)
        #expect(a.test.count == 5 && a.validation.count == 5 && a.train.count == 40)
        let all = Set((a.train + a.validation + a.test).map(\.location))
        #expect(all.count == 50)
        let testURL = try write("held out\n", named: "test.txt")
        var withTest = settings
        withTest.test = testURL.path
        let c = try TextCorpus(settings: withTest)
        #expect(c.test.map(\.tokens) == [["held", "out"]])
        #expect(c.train.count + c.validation.count == 50)
    }

    @Test("the default length fits 95% of the sequences with their end token")
    func defaultLength() {
        let entries = (1...20).map {
            TextCorpus.Entry(tokens: Array(repeating: "x", count: $0), location: "")
        }
        #expect(TextCorpus.defaultLength(entries) == 20)
        let poems = (0..<5).map { _ in
            TextCorpus.Entry(tokens: Array(repeating: "字", count: 20), location: "")
        }
        #expect(TextCorpus.defaultLength(poems) == 21)
    }
}
