import Foundation
import Testing
import TextEncoding

@Suite("Vocabulary: reserved ids, minimum count, Codable")
struct VocabularyTests {
    static let corpus = [["b", "a", "b"], ["c", "b", "a"], ["d"]]

    @Test("ids: reserved first, then by count, ties in token order")
    func ordering() {
        let vocabulary = Vocabulary(counting: Self.corpus)
        #expect(vocabulary.tokens == ["<pad>", "<end>", "<unk>", "b", "a", "c", "d"])
        #expect(vocabulary.count == 7)
        #expect(vocabulary.encode(["a", "zzz", "d"]) == [4, Vocabulary.unknownID, 6])
    }

    @Test("tokens below the minimum count become unknown")
    func minimumCount() {
        let vocabulary = Vocabulary(counting: Self.corpus, minimumCount: 2)
        #expect(vocabulary.tokens == ["<pad>", "<end>", "<unk>", "b", "a"])
        #expect(vocabulary.encode(["c", "a"]) == [Vocabulary.unknownID, 4])
        #expect(vocabulary.minimumCount == 2)
    }

    @Test("a literal reserved spelling in the text never becomes a reserved id")
    func reservedSpelling() {
        let vocabulary = Vocabulary(counting: [["<end>", "x"]])
        #expect(vocabulary.id(of: "<end>") >= 3)
        #expect(Vocabulary(counting: [["x"]]).id(of: "<end>") == Vocabulary.unknownID)
    }

    @Test("decoding stops at the end token and drops padding")
    func decoding() {
        let vocabulary = Vocabulary(counting: Self.corpus)
        #expect(vocabulary.decode([3, 0, 4, 2, 99, 1, 5]) == ["b", "a", "<unk>", "<unk>"])
    }

    @Test("JSON round trip restores the same vocabulary")
    func codableRoundTrip() throws {
        let vocabulary = Vocabulary(counting: Self.corpus + [["\u{24B0A}"]], minimumCount: 1)
        let data = try JSONEncoder().encode(vocabulary)
        let decoded = try JSONDecoder().decode(Vocabulary.self, from: data)
        #expect(decoded == vocabulary)
        #expect(decoded.id(of: "\u{24B0A}") == vocabulary.id(of: "\u{24B0A}"))
    }

    @Test("corrupted vocabulary files are rejected")
    func corrupted() {
        let wrongReserved = #"{"reservedTokens":["<pad>","<unk>","<end>"],"tokens":["a"]}"#
        let repeated = #"{"reservedTokens":["<pad>","<end>","<unk>"],"tokens":["a","a"]}"#
        for json in [wrongReserved, repeated, #"{"tokens":["a"]}"#] {
            #expect(throws: DecodingError.self) {
                try JSONDecoder().decode(Vocabulary.self, from: Data(json.utf8))
            }
        }
    }
}
