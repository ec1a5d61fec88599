import Foundation
import MIDI
import MusicEncoding

extension MusicModel {
    /// Tokenizes the melody of a MIDI file with the run's tokenizer, to start generated tunes
    /// with it.
    ///
    /// - Returns: The tokens, and the options that decode them in the file's own key, tempo,
    ///   metre and instrument.
    /// - Throws: ``MusicRunError/unreadablePrimer(path:reason:)`` for a file that cannot be
    ///   read as MIDI (with the byte offset) or has no melody, ``MusicRunError/emptyPrimer(path:)``
    ///   for one without notes.
    public func primer(from url: URL) throws -> MusicTokenizer.TuneTokens {
        let file: MIDIFile
        do {
            file = try MIDIFile.read(contentsOf: url)
        } catch {
            if case .unreadable = error.problem {
                throw MusicRunError.unreadablePrimer(path: url.path, reason: "\(error.problem)")
            }
            throw MusicRunError.unreadablePrimer(
                path: url.path, reason: "\(error.problem) (byte \(error.offset)\(error.track.map { ", track \($0)" } ?? ""))")
        }
        guard !file.notes.isEmpty else { throw MusicRunError.emptyPrimer(path: url.path) }
        let tokens: MusicTokenizer.TuneTokens
        do {
            tokens = try tokenizer.tokens(for: file)
        } catch {
            if case .noNotes = error { throw MusicRunError.emptyPrimer(path: url.path) }
            throw MusicRunError.unreadablePrimer(path: url.path, reason: error.description)
        }
        guard !tokens.tokens.isEmpty else { throw MusicRunError.emptyPrimer(path: url.path) }
        var primer = tokens
        if let end = config.generator.sequenceEnd, primer.tokens.last == end.endToken {
            primer.tokens.removeLast()  // a whole tune's primer goes on where its end token was
        }
        return primer
    }
}
