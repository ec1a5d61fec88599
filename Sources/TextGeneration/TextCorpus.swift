import Foundation
import TextEncoding

/// The sequences of a text run, read from its files and split into training, validation
/// (the discriminator's held-out real data) and test sequences.
///
/// Splits are by sequence (line or sentence), before any windowing, so no sequence is in two
/// splits. The test split is the `--test` file, or else a seeded 10% of the inputs'
/// sequences; the validation split is a seeded 10% of the rest.
public struct TextCorpus: Sendable {
    /// One sequence of tokens and where it was read.
    public struct Entry: Sendable, Equatable {
        /// Its tokens.
        public var tokens: [String]
        /// "path:line", or "path: sentence n" for a hard-wrapped file.
        public var location: String
    }

    /// The sequences the generator learns.
    public let train: [Entry]
    /// Real sequences held out to judge the discriminator.
    public let validation: [Entry]
    /// Held-out real sequences: NLL-test and the BLEU references.
    public let test: [Entry]
    /// The format each input (and the test file) was read in, by path.
    public let formats: [(path: String, format: TextSettings.Format)]

    /// Reads every input (and the test file) and splits them as `settings` say.
    ///
    /// - Throws: `TextFileError` for a missing, unreadable, non-UTF-8 or empty file;
    ///   ``TextRunError/tooFewSequences(path:found:)`` when there is too little data to split.
    public init(settings: TextSettings) throws {
        var pool: [Entry] = []
        var formats: [(String, TextSettings.Format)] = []
        for path in settings.inputs {
            let (entries, format) = try TextCorpus.read(
                URL(fileURLWithPath: path), tokenizer: settings.tokens, format: settings.format)
            pool += entries
            formats.append((path, format))
        }
        let firstPath = settings.inputs.first ?? "(no input)"
        if let testPath = settings.test {
            let (entries, format) = try TextCorpus.read(
                URL(fileURLWithPath: testPath), tokenizer: settings.tokens, format: settings.format)
            test = entries
            formats.append((testPath, format))
        } else {
            guard pool.count >= 3 else {
                throw TextRunError.tooFewSequences(path: firstPath, found: pool.count)
            }
            let split = CorpusSplit(count: pool.count, testFraction: 0.1, seed: settings.splitSeed)
            test = split.testIndices.map { pool[$0] }
            pool = split.trainIndices.map { pool[$0] }
        }
        let validationSplit = CorpusSplit(
            count: pool.count, testFraction: 0.1, seed: settings.splitSeed ^ 0x5EED_0F_7A11)
        train = validationSplit.trainIndices.map { pool[$0] }
        validation = validationSplit.testIndices.map { pool[$0] }
        guard train.count >= 2 else {
            throw TextRunError.tooFewSequences(path: firstPath, found: pool.count)
        }
        self.formats = formats
    }

    /// The sequences of one file, with the format it was read in.
    ///
    /// - Parameter format: ``TextSettings/Format/auto`` picks ``TextSettings/Format/wrapped``
    ///   when ``looksWrapped(_:)``, else ``TextSettings/Format/lines``.
    /// - Throws: `TextFileError` for a missing, unreadable, non-UTF-8 or empty file.
    public static func read(_ url: URL, tokenizer: Tokenizer, format: TextSettings.Format)
        throws(TextFileError)
        -> (entries: [Entry], format: TextSettings.Format)
    {
        let lines = try TextFile.readLines(url)
        let resolved = format == .auto ? (looksWrapped(lines) ? .wrapped : .lines) : format
        var entries: [Entry] = []
        if resolved == .wrapped {
            let sentences = SpeechCorpus.sentences(inWrappedText: lines.joined(separator: "\n"))
            for (index, sentence) in sentences.enumerated() {
                let tokens = tokenizer.tokens(sentence)
                if !tokens.isEmpty {
                    entries.append(
                        Entry(tokens: tokens, location: "\(url.path): sentence \(index + 1)"))
                }
            }
        } else {
            for (index, line) in lines.enumerated() {
                let tokens = tokenizer.tokens(line)
                if !tokens.isEmpty {
                    entries.append(Entry(tokens: tokens, location: "\(url.path):\(index + 1)"))
                }
            }
        }
        guard !entries.isEmpty else { throw .empty(path: url.path) }
        return (entries, resolved)
    }

    /// Whether `lines` look like running text hard-wrapped at a fixed width: at least three
    /// lines, and every line but the last has the same number of characters, at least 60
    /// (the Obama file's lines all have 129; a quatrain line has 39).
    public static func looksWrapped(_ lines: [String]) -> Bool {
        guard lines.count >= 3 else { return false }
        let width = lines[0].unicodeScalars.count
        return width >= 60 && lines.dropLast().allSatisfy { $0.unicodeScalars.count == width }
    }

    /// The default `T`: long enough for 95% of `entries` to fit with their end token (at
    /// least 2). Every quatrain has 20 characters, so `T` = 21 for the poems.
    public static func defaultLength(_ entries: [Entry]) -> Int {
        let lengths = entries.map { $0.tokens.count + 1 }.sorted()
        guard !lengths.isEmpty else { return 2 }
        let index = max(0, Int((0.95 * Double(lengths.count)).rounded(.up)) - 1)
        return max(2, lengths[index])
    }
}
