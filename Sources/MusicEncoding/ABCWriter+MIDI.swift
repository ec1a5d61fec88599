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
}

extension FormedTune {
    /// Its shape in one phrase: `16 bars written, 32 played, 2 repeated parts`.
    public var shapeSummary: String {
        "\(writtenBars.count) bars written, \(playedBars.count) played, \(sections.filter(\.isRepeated).count) repeated parts"
    }
}
