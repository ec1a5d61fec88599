import Testing
import TextEncoding

@Suite("Tokenizers: Unicode scalars and words with punctuation")
struct TokenizerTests {
    @Test("char keeps characters outside the BMP whole and skips whitespace")
    func characters() {
        // U+24B0A is outside the Basic Multilingual Plane: two UTF-16 units, one scalar.
        let tokens = Tokenizer.char.tokens("紅 蟹 大 如 \u{24B0A} 湖")
        #expect(tokens == ["紅", "蟹", "大", "如", "\u{24B0A}", "湖"])
        #expect(tokens[4].utf16.count == 2)
        #expect(Tokenizer.char.tokens("ab c") == ["a", "b", "c"])
        #expect(Tokenizer.char.tokens("  ") == [])
    }

    @Test("word splits punctuation off and keeps inner apostrophes and hyphens")
    func words() {
        #expect(
            Tokenizer.word.tokens("I've seen well-being; 'Call to Renewal.' (2006) ? always ?")
                == [
                    "I've", "seen", "well-being", ";", "'", "Call", "to", "Renewal", ".", "'",
                    "(", "2006", ")", "?", "always", "?",
                ])
        #expect(
            Tokenizer.word.tokens("end- -start don't.") == [
                "end", "-", "-", "start", "don't", ".",
            ])
        #expect(Tokenizer.word.tokens("") == [])
    }

    @Test("a tokenized line reads back into the same tokens by whitespace splitting")
    func lineRoundTrip() {
        for tokenizer in Tokenizer.allCases {
            let tokens = tokenizer.tokens("Good morning, America. 春 \u{24B0A}!")
            let line = tokenizer.line(tokens)
            #expect(line.split(separator: " ").map(String.init) == tokens)
        }
    }
}
