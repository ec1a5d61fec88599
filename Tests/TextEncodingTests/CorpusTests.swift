import Foundation
import TestSupport
import Testing
import TextEncoding

@Suite("Corpora: quatrains, speeches, splits")
struct CorpusTests {
    @Test("the quatrain training file loads as 20 characters per poem, non-BMP included", .requiresShared("corpora/poems/quatrains5_train.txt"))
    func quatrains() throws {
        let url = try #require(TestPaths.shared("corpora/poems/quatrains5_train.txt"))
        let poems = try QuatrainCorpus.load(url)
        #expect(poems.count == 15_158)
        #expect(poems.allSatisfy { $0.count == 20 })
        // Poem 1278 holds U+24B0A, outside the Basic Multilingual Plane.
        #expect(poems[1277][9] == "\u{24B0A}")
        let vocabulary = Vocabulary(counting: poems)
        #expect(vocabulary.count == 6_030 + 3)
    }

    @Test("a quatrain line of the wrong length is reported with its line number")
    func badQuatrain() throws {
        let folder = try TestPaths.makeTemporaryDirectory("quatrains")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("poems.txt")
        let good = String(repeating: "山 ", count: 20)
        try "\(good)\n\(good)\n山 水\n".write(to: url, atomically: true, encoding: .utf8)
        #expect(
            throws: TextFileError.malformedLine(
                path: url.path, line: 3, reason: "a quatrain has 20 characters, this line has 2")
        ) {
            try QuatrainCorpus.load(url)
        }
    }

    @Test("wrapped speech text: joined mid-word, split at sentence ends, not at abbreviations")
    func sentences() {
        let text = """
            Good morn
            ing. I thank Mr. Sm
            ith and George W. Bush for the U.S. economy. We ? always ? win.But not today! "Ri
            ght?" she asked. the end
            """
        #expect(
            SpeechCorpus.sentences(inWrappedText: text) == [
                "Good morning.",
                "I thank Mr. Smith and George W. Bush for the U.S. economy.",
                "We ? always ? win.",
                "But not today!",
                "\"Right?\" she asked. the end",
            ])
    }

    @Test("the Obama file becomes thousands of word-tokenized sentences", .requiresShared("corpora/obama/obama.txt"))
    func speeches() throws {
        let url = try #require(TestPaths.shared("corpora/obama/obama.txt"))
        let sentences = try SpeechCorpus.load(url)
        #expect(sentences.count > 8_000)
        #expect(sentences[1].suffix(2) == ["conference", "."])
        #expect(sentences.allSatisfy { !$0.isEmpty && !$0.contains("\n") })
        let tokens = sentences.reduce(0) { $0 + $1.count }
        #expect(tokens > 190_000)
    }

    @Test("a seeded split is reproducible, disjoint and complete")
    func split() {
        let split = CorpusSplit(count: 1_000, testFraction: 0.1, seed: 42)
        #expect(split.testIndices.count == 100)
        #expect(Set(split.testIndices).isDisjoint(with: split.trainIndices))
        #expect((split.testIndices + split.trainIndices).sorted() == Array(0..<1_000))
        #expect(split == CorpusSplit(count: 1_000, testFraction: 0.1, seed: 42))
        #expect(split != CorpusSplit(count: 1_000, testFraction: 0.1, seed: 43))
    }
}
