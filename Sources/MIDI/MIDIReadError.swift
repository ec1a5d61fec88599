import Foundation

/// Why a Standard MIDI File could not be read, with where: file, byte offset and track.
public struct MIDIReadError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// The file's name (or a label given by the caller for in-memory bytes).
    public var file: String
    /// Byte offset from the start of the file where the problem was found.
    public var offset: Int
    /// Index of the `MTrk` chunk being read, or `nil` outside tracks.
    public var track: Int?
    /// What is wrong.
    public var problem: MIDIProblem

    /// Creates an error.
    public init(file: String, offset: Int, track: Int?, problem: MIDIProblem) {
        self.file = file
        self.offset = offset
        self.track = track
        self.problem = problem
    }

    /// One line: `file: byte 123, track 2: what is wrong`.
    public var description: String {
        let place = track.map { "byte \(offset), track \($0)" } ?? "byte \(offset)"
        return "\(file): \(place): \(problem)"
    }

    public var errorDescription: String? { description }
}

/// A warning: something irregular that the reader repaired or skipped.
public struct MIDIWarning: Sendable, Hashable, CustomStringConvertible {
    /// Byte offset where it was found (0 for warnings about the whole file).
    public var offset: Int
    /// The track concerned, if any.
    public var track: Int?
    /// What was irregular and what the reader did about it.
    public var problem: MIDIProblem

    /// Creates a warning.
    public init(offset: Int, track: Int?, problem: MIDIProblem) {
        self.offset = offset
        self.track = track
        self.problem = problem
    }

    /// One line: `byte 123, track 2: what happened`.
    public var description: String {
        let place = track.map { "byte \(offset), track \($0)" } ?? "byte \(offset)"
        return "\(place): \(problem)"
    }
}

/// The irregularities and errors the reader knows, each with its context.
public enum MIDIProblem: Sendable, Hashable, CustomStringConvertible {
    /// The file could not be opened or read.
    case unreadable(String)
    /// The file is larger than ``MIDIReadOptions/maximumFileBytes``.
    case fileTooLarge(bytes: Int, limit: Int)
    /// The file holds more events than ``MIDIReadOptions/maximumEvents``.
    case tooManyEvents(limit: Int)
    /// The file does not start with an `MThd` chunk.
    case notAMIDIFile
    /// Bytes before the `MThd` chunk were skipped (e.g. a MacBinary or RIFF wrapper).
    case skippedLeadingBytes(Int)
    /// The file ends inside the named structure.
    case truncated(String)
    /// The header chunk is shorter than 6 bytes.
    case headerTooShort(Int)
    /// A format other than 0, 1 or 2.
    case unsupportedFormat(Int)
    /// A division of zero ticks, or an SMPTE rate other than 24, 25, 29, 30.
    case invalidDivision(String)
    /// A chunk id that is not four printable ASCII characters.
    case badChunkID([UInt8])
    /// A chunk's length runs past the end of the file.
    case chunkOverrun(id: String, declared: Int, available: Int)
    /// The header's track count differs from the number of `MTrk` chunks found.
    case trackCountMismatch(declared: Int, found: Int)
    /// Bytes after the last chunk that do not form a chunk.
    case trailingGarbage(Int)
    /// A variable-length quantity longer than the 4 bytes SMF 1.0 allows (read with a
    /// warning in lenient mode, an error in strict mode), with its length in bytes.
    case variableLengthTooLong(byteCount: Int)
    /// A variable-length quantity whose value does not fit in 32 bits, whatever the mode.
    case variableLengthTooLarge(byteCount: Int)
    /// An event's data runs past the end of its track chunk.
    case eventOverrun(String)
    /// A data byte where a status byte was needed and no running status is in effect.
    case missingStatus(UInt8)
    /// A data byte above 127, clamped to 127.
    case dataByteOutOfRange(status: UInt8, value: UInt8)
    /// Running status continued after a meta or SysEx event (not allowed by SMF 1.0).
    case runningStatusAfterMetaOrSysEx
    /// A system-common or real-time status byte inside a track.
    case unexpectedSystemStatus(UInt8)
    /// A meta event whose value is out of range or whose length is wrong.
    case invalidMetaEvent(String)
    /// The track has no end-of-track event.
    case missingEndOfTrack
    /// Bytes inside the track chunk after the end-of-track event.
    case dataAfterEndOfTrack(Int)
    /// Notes still sounding when their track ended, closed there.
    case notesLeftOpen(Int)
    /// Notes whose note-off came at the same tick as their note-on, dropped.
    case zeroLengthNotesDropped(Int)
    /// Note-offs with no sounding note to close, ignored.
    case unmatchedNoteOffs(Int)
    /// Warnings beyond ``MIDIReadOptions/maximumWarnings``, counted but not kept.
    case moreWarnings(Int)

    public var description: String {
        switch self {
        case .unreadable(let reason): return "cannot read the file: \(reason)"
        case .fileTooLarge(let bytes, let limit):
            return "the file is \(bytes) bytes long, larger than the \(limit) bytes (\(limit >> 20) MiB) read at most"
        case .tooManyEvents(let limit):
            return "the file holds more than \(limit) events, the most read from one file"
        case .notAMIDIFile: return "not a Standard MIDI File (no MThd header)"
        case .skippedLeadingBytes(let n): return "skipped \(n) bytes before the MThd header"
        case .truncated(let what): return "file ends inside \(what)"
        case .headerTooShort(let n): return "MThd header is \(n) bytes long, at least 6 needed"
        case .unsupportedFormat(let f): return "unsupported SMF format \(f) (0, 1 or 2 expected)"
        case .invalidDivision(let why): return "invalid time division: \(why)"
        case .badChunkID(let bytes):
            let hex = bytes.map { String($0, radix: 16, uppercase: true) }.joined(separator: " ")
            return "bad chunk id (bytes \(hex)); expected MTrk"
        case .chunkOverrun(let id, let declared, let available):
            return "\(id) chunk declares \(declared) bytes but only \(available) remain"
        case .trackCountMismatch(let declared, let found):
            return "header declares \(declared) tracks but the file holds \(found)"
        case .trailingGarbage(let n): return "\(n) bytes of garbage after the last chunk ignored"
        case .variableLengthTooLong(let count):
            return "variable-length quantity of \(count) bytes, longer than the SMF limit of 4"
        case .variableLengthTooLarge(let count):
            return "variable-length quantity of \(count) bytes exceeds 32 bits"
        case .eventOverrun(let what): return "\(what) runs past the end of the track chunk"
        case .missingStatus(let byte):
            return "data byte 0x\(String(byte, radix: 16, uppercase: true)) with no status byte"
        case .dataByteOutOfRange(let status, let value):
            return "data byte \(value) above 127 after status 0x"
                + "\(String(status, radix: 16, uppercase: true)), clamped to 127"
        case .runningStatusAfterMetaOrSysEx:
            return "running status continues after a meta or SysEx event"
        case .unexpectedSystemStatus(let byte):
            return "system status byte 0x\(String(byte, radix: 16, uppercase: true)) in a track"
        case .invalidMetaEvent(let why): return "invalid meta event: \(why)"
        case .missingEndOfTrack: return "track has no end-of-track event"
        case .dataAfterEndOfTrack(let n): return "\(n) bytes after the end-of-track event ignored"
        case .notesLeftOpen(let n): return "\(n) notes left sounding, closed at the track's end"
        case .zeroLengthNotesDropped(let n): return "\(n) zero-length notes dropped"
        case .unmatchedNoteOffs(let n): return "\(n) note-offs without a sounding note ignored"
        case .moreWarnings(let n): return "\(n) further warnings not shown"
        }
    }
}
