import Foundation

/// The Obama speech file: running text hard-wrapped at a fixed width in the middle of words.
///
/// The project's reading: remove every line break (joining the lines with nothing restores
/// the words), turn other control characters (a form feed) into spaces, collapse runs of
/// spaces, then split into sentences. A sentence ends at ".", "!" or "?" that follows a
/// non-space character and is followed (after any closing quotes or brackets) by whitespace
/// and a character that is not a lowercase letter, or by the end of the text; a "." after a
/// common abbreviation ("Mr.", "U.S.") or a single letter (an initial, "George W. Bush") does
/// not end a sentence. The scrape lost its paragraph breaks, so an end mark between a
/// lowercase and an uppercase letter ("politics.But") ends a sentence too. A "?" standing between spaces is the scrape's stand-in for a dash, not
/// an end. Sentences are then word-tokenized (`Tokenizer.word`).
public enum SpeechCorpus {
    /// Words before a "." that does not end a sentence (compared without case).
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "jr", "sr", "sen", "rep", "gov", "gen", "lt", "col",
        "sgt", "capt", "prof", "rev", "vs", "etc", "no", "u.s", "u.n", "a.m", "p.m", "d.c",
        "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "inc", "co",
    ]

    /// The sentences of the speech file at `url`, each as word tokens.
    ///
    /// - Throws: `TextFileError` when the file is unreadable, not UTF-8, or holds no sentence.
    public static func load(_ url: URL) throws(TextFileError) -> [[String]] {
        let sentences = sentences(inWrappedText: try TextFile.readText(url))
        guard !sentences.isEmpty else { throw .empty(path: url.path) }
        return sentences.map { Tokenizer.word.tokens($0) }
    }

    /// The sentences of hard-wrapped text, as strings, by the rules above.
    public static func sentences(inWrappedText text: String) -> [String] {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars where scalar != "\n" && scalar != "\r" {
            let normalized: Unicode.Scalar =
                scalar.properties.isWhitespace
                    || scalar.properties.generalCategory == .control ? " " : scalar
            if normalized == " ", scalars.last == " " || scalars.isEmpty { continue }
            scalars.append(normalized)
        }
        var sentences: [String] = []
        var start = 0
        var index = 0
        while index < scalars.count {
            if endsSentence(scalars, at: index) {
                // Take closing quotes and brackets along.
                var end = index + 1
                while end < scalars.count, isCloser(scalars[end]) { end += 1 }
                appendSentence(scalars[start..<end], to: &sentences)
                start = end
                index = end
            } else {
                index += 1
            }
        }
        appendSentence(scalars[start...], to: &sentences)
        return sentences
    }

    private static func appendSentence(
        _ scalars: ArraySlice<Unicode.Scalar>, to sentences: inout [String]
    ) {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        let sentence = String(view).trimmingCharacters(in: .whitespaces)
        if !sentence.isEmpty { sentences.append(sentence) }
    }

    private static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        "\"')]\u{201D}\u{2019}".unicodeScalars.contains(scalar)
    }

    private static func endsSentence(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        let scalar = scalars[index]
        guard scalar == "." || scalar == "!" || scalar == "?" else { return false }
        guard index > 0, scalars[index - 1] != " " else { return false }
        var next = index + 1
        while next < scalars.count, isCloser(scalars[next]) { next += 1 }
        if next == scalars.count { return true }
        // The scrape lost paragraph breaks: "politics.But" is two sentences.
        if scalars[next].properties.isUppercase, scalars[index - 1].properties.isLowercase {
            return true
        }
        guard scalars[next] == " " else { return false }
        if next + 1 < scalars.count, scalars[next + 1].properties.isLowercase { return false }
        if scalar == "." {
            // The word before the period, letters and inner periods only.
            var wordStart = index
            while wordStart > 0,
                scalars[wordStart - 1].properties.isAlphabetic || scalars[wordStart - 1] == "."
            {
                wordStart -= 1
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[wordStart..<index])
            let word = String(view)
            if word.count == 1, word.first?.isUppercase == true { return false }
            if abbreviations.contains(word.lowercased()) { return false }
        }
        return true
    }
}
