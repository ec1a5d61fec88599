import Foundation

extension MIDIFile {
    /// Reads a Standard MIDI File from disk.
    ///
    /// - Parameters:
    ///   - url: The file.
    ///   - options: Strictness; by default irregularities are repaired with warnings.
    /// - Returns: The parsed file with notes and tempo map.
    /// - Throws: ``MIDIReadError`` naming the file, byte offset and track; for a file larger
    ///   than `options.maximumFileBytes` (8 MiB by default) before reading it.
    public static func read(contentsOf url: URL, options: MIDIReadOptions = MIDIReadOptions())
        throws(MIDIReadError) -> MIDIFile
    {
        let data: Data
        do {
            let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0
            guard size <= options.maximumFileBytes else {
                throw MIDIReadError(
                    file: url.path, offset: 0, track: nil,
                    problem: .fileTooLarge(bytes: size, limit: options.maximumFileBytes))
            }
            data = try Data(contentsOf: url)
        } catch let error as MIDIReadError {
            throw error
        } catch {
            throw MIDIReadError(
                file: url.path, offset: 0, track: nil,
                problem: .unreadable(error.localizedDescription))
        }
        return try MIDIFile(bytes: [UInt8](data), name: url.path, options: options)
    }

    /// Parses the bytes of a Standard MIDI File.
    ///
    /// - Parameters:
    ///   - bytes: The whole file.
    ///   - name: The name errors and warnings use for the file.
    ///   - options: Strictness.
    /// - Throws: ``MIDIReadError`` naming `name`, the byte offset and the track; for more bytes
    ///   than `options.maximumFileBytes` or more events than `options.maximumEvents`.
    public init(bytes: [UInt8], name: String = "<memory>", options: MIDIReadOptions = MIDIReadOptions())
        throws(MIDIReadError)
    {
        guard bytes.count <= options.maximumFileBytes else {
            throw MIDIReadError(
                file: name, offset: 0, track: nil,
                problem: .fileTooLarge(bytes: bytes.count, limit: options.maximumFileBytes))
        }
        let parsed = try bytes.withUnsafeBufferPointer { (buffer) throws(MIDIReadError) -> MIDIParser.Output in
            var parser = MIDIParser(bytes: buffer, name: name, options: options)
            return try parser.parseFile()
        }
        self.init(
            format: parsed.format, division: parsed.division, tracks: parsed.tracks,
            warnings: parsed.warnings)
    }
}

/// The byte-level SMF 1.0 parser. Every loop advances its offset or throws.
struct MIDIParser {
    struct Output {
        var format: Int
        var division: Division
        var tracks: [MIDITrack]
        var warnings: [MIDIWarning]
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let name: String
    let options: MIDIReadOptions
    private var warnings: [MIDIWarning] = []
    private var suppressedWarnings = 0
    /// The track being parsed, for error context.
    private var currentTrack: Int?
    /// Events read so far, in all tracks (bounded by ``MIDIReadOptions/maximumEvents``).
    private var eventCount = 0

    init(bytes: UnsafeBufferPointer<UInt8>, name: String, options: MIDIReadOptions) {
        self.bytes = bytes
        self.name = name
        self.options = options
    }

    private func error(_ problem: MIDIProblem, at offset: Int) -> MIDIReadError {
        MIDIReadError(file: name, offset: offset, track: currentTrack, problem: problem)
    }

    /// Records a repaired irregularity, or throws it in strict mode.
    private mutating func warn(_ problem: MIDIProblem, at offset: Int) throws(MIDIReadError) {
        if options.strict { throw error(problem, at: offset) }
        if warnings.count < options.maximumWarnings {
            warnings.append(MIDIWarning(offset: offset, track: currentTrack, problem: problem))
        } else {
            suppressedWarnings += 1
        }
    }

    private func uint32(at offset: Int) -> Int {
        Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16 | Int(bytes[offset + 2]) << 8
            | Int(bytes[offset + 3])
    }

    private func uint16(at offset: Int) -> Int { Int(bytes[offset]) << 8 | Int(bytes[offset + 1]) }

    private func matches(_ text: StaticString, at offset: Int) -> Bool {
        guard offset + 4 <= bytes.count else { return false }
        let pointer = text.utf8Start
        return bytes[offset] == pointer[0] && bytes[offset + 1] == pointer[1]
            && bytes[offset + 2] == pointer[2] && bytes[offset + 3] == pointer[3]
    }

    mutating func parseFile() throws(MIDIReadError) -> Output {
        // Find the header; tolerate a wrapper (RIFF RMID, MacBinary) before it.
        var start = 0
        if !matches("MThd", at: 0) {
            let limit = min(bytes.count - 4, 4096)
            var found: Int?
            var probe = 1
            while probe <= limit {
                if matches("MThd", at: probe) {
                    found = probe
                    break
                }
                probe += 1
            }
            guard let found else {
                if bytes.count < 4 { throw error(.truncated("the MThd header"), at: 0) }
                throw error(.notAMIDIFile, at: 0)
            }
            try warn(.skippedLeadingBytes(found), at: 0)
            start = found
        }
        guard start + 8 <= bytes.count else { throw error(.truncated("the MThd header"), at: start) }
        let headerLength = uint32(at: start + 4)
        guard headerLength >= 6 else { throw error(.headerTooShort(headerLength), at: start + 4) }
        guard start + 14 <= bytes.count else { throw error(.truncated("the MThd header"), at: start + 8) }
        let format = uint16(at: start + 8)
        let declaredTracks = uint16(at: start + 10)
        guard format <= 2 else { throw error(.unsupportedFormat(format), at: start + 8) }
        let division = try parseDivision(at: start + 12)
        guard headerLength <= bytes.count - start - 8 else {
            throw error(.truncated("the MThd header of \(headerLength) bytes"), at: start + 8)
        }

        var tracks: [MIDITrack] = []
        var offset = start + 8 + headerLength
        while offset < bytes.count {
            let remaining = bytes.count - offset
            guard remaining >= 8 else {
                if tracks.count >= declaredTracks {
                    try warn(.trailingGarbage(remaining), at: offset)
                    break
                }
                throw error(.truncated("a chunk header"), at: offset)
            }
            let length = uint32(at: offset + 4)
            let bodyStart = offset + 8
            let available = bytes.count - bodyStart
            if matches("MTrk", at: offset) {
                currentTrack = tracks.count
                var bodyEnd = bodyStart + length
                if length > available {
                    try warn(.chunkOverrun(id: "MTrk", declared: length, available: available), at: offset + 4)
                    bodyEnd = bytes.count
                }
                tracks.append(try parseTrack(from: bodyStart, to: bodyEnd))
                currentTrack = nil
                offset = bodyEnd
            } else if (0..<4).allSatisfy({ (0x20...0x7E).contains(bytes[offset + $0]) }) {
                // An unknown but well-formed chunk: skipped, as SMF 1.0 asks.
                if length > available {
                    let id = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
                    try warn(.chunkOverrun(id: id, declared: length, available: available), at: offset + 4)
                    break
                }
                offset = bodyStart + length
            } else {
                if tracks.count >= declaredTracks {
                    try warn(.trailingGarbage(remaining), at: offset)
                    break
                }
                throw error(.badChunkID(Array(bytes[offset..<offset + 4])), at: offset)
            }
        }
        if tracks.count != declaredTracks {
            try warn(.trackCountMismatch(declared: declaredTracks, found: tracks.count), at: start + 10)
        }
        if suppressedWarnings > 0 {
            warnings.append(
                MIDIWarning(
                    offset: 0, track: nil,
                    problem: .moreWarnings(suppressedWarnings)))
        }
        return Output(format: format, division: division, tracks: tracks, warnings: warnings)
    }

    private mutating func parseDivision(at offset: Int) throws(MIDIReadError) -> Division {
        let high = bytes[offset]
        let low = bytes[offset + 1]
        if high & 0x80 == 0 {
            let ticks = uint16(at: offset)
            guard ticks > 0 else { throw error(.invalidDivision("0 ticks per quarter note"), at: offset) }
            return .ticksPerQuarter(ticks)
        }
        let framesPerSecond = -Int(Int8(bitPattern: high))
        guard low > 0 else { throw error(.invalidDivision("0 ticks per SMPTE frame"), at: offset) }
        if ![24, 25, 29, 30].contains(framesPerSecond) {
            try warn(.invalidDivision("SMPTE rate \(framesPerSecond) frames per second"), at: offset)
        }
        return .smpte(framesPerSecond: framesPerSecond, ticksPerFrame: Int(low))
    }

    /// The largest value a variable-length quantity may have when read leniently: 32 bits
    /// (SMF 1.0 allows 28, in at most 4 bytes).
    static let maximumLenientVariableLength = 0xFFFF_FFFF

    /// Reads a variable-length quantity ending before `end`.
    ///
    /// SMF 1.0 limits a quantity to 4 bytes (values up to 0x0FFFFFFF). Longer ones occur in
    /// files in the wild (usually leading `0x80` padding) and are read by other readers such
    /// as mido: the lenient reader reads them with a warning naming their offset, as long as
    /// the value fits in 32 bits; the strict reader refuses them.
    private mutating func readVariableLength(_ offset: inout Int, end: Int, what: String) throws(MIDIReadError) -> Int {
        var value = 0
        let start = offset
        var count = 0
        while true {
            guard offset < end else { throw error(.eventOverrun(what), at: start) }
            let byte = bytes[offset]
            offset += 1
            count += 1
            value = value << 7 | Int(byte & 0x7F)
            guard value <= Self.maximumLenientVariableLength else {
                throw error(.variableLengthTooLarge(byteCount: count), at: start)
            }
            if byte & 0x80 == 0 { break }
        }
        if count > 4 { try warn(.variableLengthTooLong(byteCount: count), at: start) }
        return value
    }

    /// Parses one `MTrk` body. In lenient mode an event cut short by the chunk's end ends the
    /// track with a warning; everything before it is kept.
    private mutating func parseTrack(from start: Int, to end: Int) throws(MIDIReadError) -> MIDITrack {
        var events: [MIDIEvent] = []
        events.reserveCapacity(min((end - start) / 3, 1 << 20))
        var offset = start
        var tick = 0
        var runningStatus: UInt8 = 0
        var afterMetaOrSysEx = false
        var warnedRunningStatus = false
        var sawEndOfTrack = false
        eventLoop: while offset < end {
            let eventStart = offset
            eventCount += 1
            guard eventCount <= options.maximumEvents else {
                throw error(.tooManyEvents(limit: options.maximumEvents), at: eventStart)
            }
            do throws(MIDIReadError) {
                tick += try readVariableLength(&offset, end: end, what: "a delta time")
                guard offset < end else { throw error(.eventOverrun("an event"), at: eventStart) }
                let first = bytes[offset]
                if first == 0xFF {
                    guard offset + 1 < end else { throw error(.eventOverrun("a meta event"), at: eventStart) }
                    let type = Int(bytes[offset + 1])
                    offset += 2
                    let length = try readVariableLength(&offset, end: end, what: "a meta event's length")
                    guard length <= end - offset else { throw error(.eventOverrun("a meta event"), at: eventStart) }
                    let data = UnsafeBufferPointer(rebasing: bytes[offset..<offset + length])
                    offset += length
                    afterMetaOrSysEx = true
                    let meta = try parseMeta(type: type, data: data, at: eventStart)
                    events.append(MIDIEvent(tick: tick, .meta(meta)))
                    if meta == .endOfTrack {
                        sawEndOfTrack = true
                        break eventLoop
                    }
                } else if first == 0xF0 || first == 0xF7 {
                    offset += 1
                    let length = try readVariableLength(&offset, end: end, what: "a SysEx length")
                    guard length <= end - offset else { throw error(.eventOverrun("a SysEx packet"), at: eventStart) }
                    let data = Array(bytes[offset..<offset + length])
                    offset += length
                    afterMetaOrSysEx = true
                    events.append(MIDIEvent(tick: tick, first == 0xF0 ? .systemExclusive(data) : .escape(data)))
                } else if first > 0xF0 {
                    try warn(.unexpectedSystemStatus(first), at: offset)
                    let dataCount: Int
                    switch first {
                    case 0xF2: dataCount = 2
                    case 0xF1, 0xF3: dataCount = 1
                    default: dataCount = 0
                    }
                    guard dataCount < end - offset else { throw error(.eventOverrun("a system message"), at: eventStart) }
                    let data = Array(bytes[offset + 1..<offset + 1 + dataCount])
                    offset += 1 + dataCount
                    events.append(MIDIEvent(tick: tick, .systemCommon(status: Int(first), data: data)))
                } else {
                    let status: UInt8
                    if first & 0x80 != 0 {
                        status = first
                        runningStatus = first
                        offset += 1
                    } else {
                        guard runningStatus != 0 else { throw error(.missingStatus(first), at: offset) }
                        status = runningStatus
                        if afterMetaOrSysEx && !warnedRunningStatus {
                            warnedRunningStatus = true
                            try warn(.runningStatusAfterMetaOrSysEx, at: offset)
                        }
                    }
                    afterMetaOrSysEx = false
                    let kind = status >> 4
                    let dataCount = (kind == 0xC || kind == 0xD) ? 1 : 2
                    guard dataCount <= end - offset else {
                        throw error(.eventOverrun("a channel message"), at: eventStart)
                    }
                    var data1 = bytes[offset]
                    var data2: UInt8 = dataCount == 2 ? bytes[offset + 1] : 0
                    if data1 > 0x7F {
                        try warn(.dataByteOutOfRange(status: status, value: data1), at: offset)
                        data1 = 0x7F
                    }
                    if data2 > 0x7F {
                        try warn(.dataByteOutOfRange(status: status, value: data2), at: offset + 1)
                        data2 = 0x7F
                    }
                    offset += dataCount
                    let channel = Int(status & 0x0F)
                    let a = Int(data1)
                    let b = Int(data2)
                    let message: MIDIMessage
                    switch kind {
                    case 0x8: message = .noteOff(channel: channel, key: a, velocity: b)
                    case 0x9: message = .noteOn(channel: channel, key: a, velocity: b)
                    case 0xA: message = .polyphonicPressure(channel: channel, key: a, pressure: b)
                    case 0xB: message = .controlChange(channel: channel, controller: a, value: b)
                    case 0xC: message = .programChange(channel: channel, program: a)
                    case 0xD: message = .channelPressure(channel: channel, pressure: a)
                    default: message = .pitchBend(channel: channel, value: a | b << 7)
                    }
                    events.append(MIDIEvent(tick: tick, message))
                }
            } catch {
                // A cut-short final event: keep what came before (lenient) or fail (strict).
                guard case .eventOverrun = error.problem, !options.strict else { throw error }
                try warn(error.problem, at: error.offset)
                return MIDITrack(events: events)
            }
        }
        if !sawEndOfTrack {
            try warn(.missingEndOfTrack, at: end)
        } else if offset < end {
            try warn(.dataAfterEndOfTrack(end - offset), at: offset)
        }
        return MIDITrack(events: events)
    }

    private mutating func parseMeta(type: Int, data: UnsafeBufferPointer<UInt8>, at offset: Int)
        throws(MIDIReadError) -> MetaEvent
    {
        let count = data.count
        func raw() -> MetaEvent { .unknown(type: type, data: Array(data)) }
        switch type {
        case 0x00 where count == 2:
            return .sequenceNumber(Int(data[0]) << 8 | Int(data[1]))
        case 0x01...0x0F:
            return .text(MetaEvent.TextKind(rawValue: type) ?? .text, Self.decodeText(data))
        case 0x20 where count == 1:
            return .channelPrefix(Int(min(data[0], 15)))
        case 0x21 where count == 1:
            return .port(Int(data[0]))
        case 0x2F:
            if count != 0 { try warn(.invalidMetaEvent("end of track with \(count) data bytes"), at: offset) }
            return .endOfTrack
        case 0x51 where count == 3:
            let microseconds = Int(data[0]) << 16 | Int(data[1]) << 8 | Int(data[2])
            if microseconds == 0 {
                try warn(.invalidMetaEvent("tempo of 0 microseconds per quarter, kept raw"), at: offset)
                return raw()
            }
            return .tempo(microsecondsPerQuarter: microseconds)
        case 0x54 where count == 5:
            return .smpteOffset(
                hours: Int(data[0]), minutes: Int(data[1]), seconds: Int(data[2]),
                frames: Int(data[3]), subframes: Int(data[4]))
        case 0x58 where count == 4:
            var power = Int(data[1])
            if power > 6 {
                try warn(.invalidMetaEvent("time signature denominator 2^\(power), clamped to 64"), at: offset)
                power = 6
            }
            var numerator = Int(data[0])
            if numerator == 0 {
                try warn(.invalidMetaEvent("time signature numerator 0, set to 1"), at: offset)
                numerator = 1
            }
            return .timeSignature(
                numerator: numerator, denominatorPower: power, clocksPerClick: Int(data[2]),
                thirtySecondsPerQuarter: Int(data[3]))
        case 0x59 where count == 2:
            var sharps = Int(Int8(bitPattern: data[0]))
            if !(-7...7).contains(sharps) {
                try warn(.invalidMetaEvent("key signature of \(sharps) sharps, clamped"), at: offset)
                sharps = max(-7, min(7, sharps))
            }
            if data[1] > 1 {
                try warn(.invalidMetaEvent("key signature mode \(data[1]), read as minor"), at: offset)
            }
            return .keySignature(sharps: sharps, minor: data[1] != 0)
        case 0x7F:
            return .sequencerSpecific(Array(data))
        case 0x00, 0x20, 0x21, 0x51, 0x54, 0x58, 0x59:
            try warn(.invalidMetaEvent("type 0x\(String(type, radix: 16)) with \(count) data bytes, kept raw"), at: offset)
            return raw()
        default:
            return raw()
        }
    }

    /// Text meta events: UTF-8 when valid, otherwise ISO Latin-1 (common in older files).
    static func decodeText(_ data: UnsafeBufferPointer<UInt8>) -> String {
        if let text = String(validating: data, as: UTF8.self) { return text }
        return String(data.map { Character(Unicode.Scalar($0)) })
    }
}
