import Foundation
import MIDI

extension ABCWriter {
    /// The melody of `midi` (chosen as for training, or from `track`) with its repeated parts
    /// folded, written as an ABC tune titled `title`.
    ///
    /// - Returns: The formed tune and its ABC text.
    /// - Throws: ``MelodyError`` when the file has no usable melody, ``ABCWriteError`` when
    ///   the tune cannot be written as ABC.
    public static func abc(ofMelodyIn midi: MIDIFile, track: Int?, title: String) throws -> (tune: FormedTune, text: String) {
        let tune = try FormedTune(folding: try MelodyExtractor.melody(from: midi, track: track))
        return (tune, try abc(for: tune, title: title))
    }

    /// The melody of the MIDI file at `path` as an ABC tune (``abc(ofMelodyIn:track:title:)``),
    /// titled `title`, or the file's name without its extension.
    ///
    /// - Throws: The reader's errors for a file that cannot be read; ``ABCConversionError``
    ///   naming the file when it has no usable melody or cannot be written as ABC.
    public static func abc(ofMelodyInFile path: String, track: Int?, title: String?) throws -> (tune: FormedTune, text: String) {
        let midi = try MIDIFile.read(path)
        do {
            return try abc(ofMelodyIn: midi, track: track, title: title ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)
        } catch {
            throw ABCConversionError(path: path, reason: "\(error)")
        }
    }
}

/// A MIDI file's melody that cannot become an ABC tune: no usable melody, or one ABC cannot
/// write; says the file and why.
public struct ABCConversionError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    /// The MIDI file as named.
    public var path: String
    /// Why, in the melody extractor's or the ABC writer's words.
    public var reason: String

    public var description: String { "\(path): \(reason)" }

    public var errorDescription: String? { description }
}

extension FormedTune {
    /// Its shape in one phrase: `16 bars written, 32 played, 2 repeated parts`.
    public var shapeSummary: String {
        "\(writtenBars.count) bars written, \(playedBars.count) played, \(sections.filter(\.isRepeated).count) repeated parts"
    }
}
