import Foundation
import MusicEncoding
import MusicGeneration
import SeqGAN
import TestSupport
import Testing

@Suite("The whole-tune grammar as the generator's sequence reader")
struct TuneSequenceReaderTests {
    /// The bundled folk tunes as tune-scheme token rows.
    static func folkTunes() throws -> [[Int]] {
        let corpus = try CorpusBuilder.build(
            inputs: [TestPaths.repositoryRoot.appendingPathComponent("corpora/folk")],
            settings: TokenizerSettings(scheme: .tune), split: .allTrain)
        return corpus.train.map(\.encoded.tokens)
    }

    @Test("every real tune reads through, each token allowed by the mask before it; units close at bar lines and the end")
    func realTunesAreGrammatical() throws {
        let tunes = try Self.folkTunes()
        #expect(tunes.count >= 20)
        let conditioning = SequenceConditioning.tunes()
        var reader = conditioning.makeReader()
        let vocabulary = TuneScheme().vocabularySize
        var mask = [Float](repeating: 0, count: vocabulary)
        var features = [Float](repeating: -1, count: conditioning.featureCount)
        for tune in tunes {
            reader.reset()
            var boundaries = 0
            for token in tune {
                mask.withUnsafeMutableBufferPointer { reader.fillMask($0, allowed: 1, forbidden: 0) }
                #expect(mask[token] == 1, "token \(token) masked")
                features.withUnsafeMutableBufferPointer { reader.fillFeatures($0) }
                #expect(features.allSatisfy { $0 >= 0 && $0 <= 1 })
                let accepted = reader.read(token)
                #expect(accepted)
                if reader.isAtBoundary { boundaries += 1 }
            }
            let closings = tune.filter { [TuneScheme.barLine, TuneScheme.repeatEnd, TuneScheme.sectionEnd, TuneScheme.end].contains($0) }
            #expect(boundaries == closings.count)
            #expect(tune.last == TuneScheme.end && reader.isAtBoundary)
            // After the end only padding may follow.
            mask.withUnsafeMutableBufferPointer { reader.fillMask($0, allowed: 1, forbidden: 0) }
            #expect(mask.indices.filter { mask[$0] == 1 } == [TuneScheme.padding])
        }
    }

    @Test("a token the grammar forbids is refused and leaves the reader where it was")
    func ungrammaticalTokenIsRefused() {
        var reader = TuneSequenceReader()
        let barLineFirst = reader.read(TuneScheme.barLine)  // a tune starts with begin
        let begin = reader.read(TuneScheme.begin)
        #expect(!barLineFirst && begin && !reader.isAtBoundary)
        let endAfterBegin = reader.read(TuneScheme.end)  // a metre must follow begin
        let metre = reader.read(TuneScheme.firstMetre)
        #expect(!endAfterBegin && metre)
    }
}
