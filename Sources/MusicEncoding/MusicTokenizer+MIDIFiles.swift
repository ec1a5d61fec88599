import Foundation
import MIDI

extension MusicTokenizer {
    /// Decodes each sequence to a MIDI file in `folder` (created if needed), named by its
    /// 1-based position: `0001.mid`, `0002.mid`, ...
    ///
    /// - Throws: The file system's error when the folder cannot be made, ``MIDIWriteError``
    ///   naming a file that cannot be written.
    public func writeMIDIFiles(_ sequences: [[Int]], options: DecodeOptions, to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (index, sequence) in sequences.enumerated() {
            try decode(sequence, options: options).write(to: folder.appendingPathComponent(String(format: "%04d.mid", index + 1)))
        }
    }
}

extension MusicTokenizer {
    /// Decodes the token lines of `file` (``readTokenLines(_:)``): line `line` (1-based) alone
    /// into the MIDI file `output`, or without `line` every line into the folder `output`
    /// (``writeMIDIFiles(_:options:to:)``).
    ///
    /// - Returns: What was written, as `seqgan midi decode` says it.
    /// - Throws: ``TokenLinesError`` for a file that cannot be read, a bad id or a line that is
    ///   not there; the errors of writing otherwise.
    public func decodeTokenFile(_ file: URL, line: Int?, options: DecodeOptions, to output: URL) throws -> String {
        let sequences = try readTokenLines(file)
        guard let line else {
            try writeMIDIFiles(sequences, options: options, to: output)
            return "wrote \(sequences.count) MIDI files to \(output.relativePath)"
        }
        guard (1...sequences.count).contains(line) else {
            throw TokenLinesError.noSuchLine(path: file.relativePath, line: line, count: sequences.count)
        }
        try decode(sequences[line - 1], options: options).write(to: output)
        return "wrote \(output.relativePath)"
    }
}

extension DecodeOptions {
    /// Options from the names a user types: a time signature such as `6/8` and a key such as
    /// `Bb` or `F#m`; `nil` when either name is not understood.
    public init?(beatsPerMinute: Double, timeSignature: String, key: String, program: Int) {
        guard let metre = TimeSignature.metre(named: timeSignature), let signature = MIDIKeyName.signature(named: key)
        else { return nil }
        self.init(
            beatsPerMinute: beatsPerMinute, numerator: metre.numerator, denominator: metre.denominator,
            sharps: signature.sharps, minor: signature.minor, program: program)
    }
}
