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
    /// Options from what a user types: a tempo of 10...1000 quarter notes per minute, a time
    /// signature such as `6/8`, a key such as `Bb` or `F#m`, a General MIDI program 0...127.
    ///
    /// - Throws: ``DecodeOptionsError`` naming the first value not understood or out of range.
    public init(beatsPerMinute: Double, timeSignature: String, key: String, program: Int) throws(DecodeOptionsError) {
        guard let metre = TimeSignature.metre(named: timeSignature) else { throw .timeSignature(timeSignature) }
        guard let signature = MIDIKeyName.signature(named: key) else { throw .key(key) }
        guard (0...127).contains(program) else { throw .program(program) }
        guard (10...1000).contains(beatsPerMinute) else { throw .tempo(beatsPerMinute) }
        self.init(
            beatsPerMinute: beatsPerMinute, numerator: metre.numerator, denominator: metre.denominator,
            sharps: signature.sharps, minor: signature.minor, program: program)
    }
}

/// Why typed values cannot become ``DecodeOptions``: one line naming the option.
public enum DecodeOptionsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A time signature that is not of the form `6/8`.
    case timeSignature(String)
    /// A key name that is not of the form `D`, `Bb`, `F#m` or `Am`.
    case key(String)
    /// A program outside 0...127.
    case program(Int)
    /// A tempo outside 10...1000 quarter notes per minute.
    case tempo(Double)

    public var description: String {
        switch self {
        case .timeSignature(let name): "--time-signature must look like 6/8, got '\(name)'"
        case .key(let name): "--key must look like D, Bb, F#m or Am, got '\(name)'"
        case .program: "--program must be 0...127"
        case .tempo: "--tempo must be 10...1000 quarter notes per minute"
        }
    }
}
