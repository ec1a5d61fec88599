import Foundation

/// Why a MIDI file could not be written.
public struct MIDIWriteError: Error, Sendable, CustomStringConvertible, LocalizedError {
    /// The file.
    public var file: String
    /// The underlying reason.
    public var reason: String

    public var description: String { "\(file): cannot write: \(reason)" }
    public var errorDescription: String? { description }
}

extension MIDIFile {
    /// The file's bytes: `MThd` then one `MTrk` per track (SMF 1.0).
    ///
    /// Channel messages use running status between consecutive channel messages of the same
    /// status; a meta or SysEx event always ends it, so the next channel message repeats its
    /// status byte. Each track ends with exactly one end-of-track event.
    public func encoded() -> [UInt8] {
        var bytes: [UInt8] = Array("MThd".utf8)
        appendUInt32(6, to: &bytes)
        appendUInt16(format, to: &bytes)
        appendUInt16(tracks.count, to: &bytes)
        switch division {
        case .ticksPerQuarter(let ticks):
            appendUInt16(ticks & 0x7FFF, to: &bytes)
        case .smpte(let fps, let tpf):
            bytes.append(UInt8(bitPattern: Int8(-fps)))
            bytes.append(UInt8(tpf & 0xFF))
        }
        for track in tracks {
            let body = Self.encode(track)
            bytes.append(contentsOf: Array("MTrk".utf8))
            appendUInt32(body.count, to: &bytes)
            bytes.append(contentsOf: body)
        }
        return bytes
    }

    /// Writes ``encoded()`` to `url`.
    ///
    /// - Throws: ``MIDIWriteError`` when the file cannot be written.
    public func write(to url: URL) throws(MIDIWriteError) {
        do {
            try Data(encoded()).write(to: url)
        } catch {
            throw MIDIWriteError(file: url.path, reason: error.localizedDescription)
        }
    }

    private static func encode(_ track: MIDITrack) -> [UInt8] {
        var body: [UInt8] = []
        body.reserveCapacity(track.events.count * 4 + 4)
        var previousTick = 0
        var runningStatus: UInt8 = 0
        var sawEnd = false
        for event in track.events where !sawEnd {
            appendVariableLength(max(0, event.tick - previousTick), to: &body)
            previousTick = max(previousTick, event.tick)
            func channel(_ kind: UInt8, _ channel: Int, _ data: Int...) {
                let status = kind << 4 | UInt8(channel & 0x0F)
                if status != runningStatus { body.append(status) }
                runningStatus = status
                for value in data { body.append(UInt8(value & 0x7F)) }
            }
            func packet(_ lead: [UInt8], _ data: [UInt8]) {
                runningStatus = 0
                body.append(contentsOf: lead)
                appendVariableLength(data.count, to: &body)
                body.append(contentsOf: data)
            }
            switch event.message {
            case .noteOff(let c, let key, let velocity): channel(0x8, c, key, velocity)
            case .noteOn(let c, let key, let velocity): channel(0x9, c, key, velocity)
            case .polyphonicPressure(let c, let key, let pressure): channel(0xA, c, key, pressure)
            case .controlChange(let c, let controller, let value): channel(0xB, c, controller, value)
            case .programChange(let c, let program): channel(0xC, c, program)
            case .channelPressure(let c, let pressure): channel(0xD, c, pressure)
            case .pitchBend(let c, let value): channel(0xE, c, value & 0x7F, value >> 7)
            case .systemExclusive(let data): packet([0xF0], data)
            case .escape(let data): packet([0xF7], data)
            case .systemCommon(let status, let data):
                runningStatus = 0
                body.append(UInt8(status & 0xFF))
                body.append(contentsOf: data)
            case .meta(let meta):
                let (type, data) = encode(meta)
                packet([0xFF, type], data)
                if meta == .endOfTrack { sawEnd = true }
            }
        }
        if !sawEnd {
            appendVariableLength(0, to: &body)
            body.append(contentsOf: [0xFF, 0x2F, 0x00])
        }
        return body
    }

    private static func encode(_ meta: MetaEvent) -> (UInt8, [UInt8]) {
        switch meta {
        case .sequenceNumber(let n): return (0x00, [UInt8(n >> 8 & 0xFF), UInt8(n & 0xFF)])
        case .text(let kind, let text): return (UInt8(kind.rawValue), Array(text.utf8))
        case .channelPrefix(let c): return (0x20, [UInt8(c & 0x0F)])
        case .port(let p): return (0x21, [UInt8(p & 0x7F)])
        case .endOfTrack: return (0x2F, [])
        case .tempo(let us):
            return (0x51, [UInt8(us >> 16 & 0xFF), UInt8(us >> 8 & 0xFF), UInt8(us & 0xFF)])
        case .smpteOffset(let h, let m, let s, let f, let sub):
            return (0x54, [h, m, s, f, sub].map { UInt8($0 & 0xFF) })
        case .timeSignature(let numerator, let power, let clocks, let thirtySeconds):
            return (0x58, [numerator, power, clocks, thirtySeconds].map { UInt8($0 & 0xFF) })
        case .keySignature(let sharps, let minor):
            return (0x59, [UInt8(bitPattern: Int8(max(-7, min(7, sharps)))), minor ? 1 : 0])
        case .sequencerSpecific(let data): return (0x7F, data)
        case .unknown(let type, let data): return (UInt8(type & 0xFF), data)
        }
    }
}

private func appendUInt32(_ value: Int, to bytes: inout [UInt8]) {
    bytes.append(contentsOf: [
        UInt8(value >> 24 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF),
    ])
}

private func appendUInt16(_ value: Int, to bytes: inout [UInt8]) {
    bytes.append(contentsOf: [UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)])
}

/// Appends a variable-length quantity (values above 0x0FFFFFFF are clamped to it).
func appendVariableLength(_ value: Int, to bytes: inout [UInt8]) {
    let value = min(max(value, 0), 0x0FFF_FFFF)
    var shift = 21
    while shift > 0 && value >> shift == 0 { shift -= 7 }
    while shift > 0 {
        bytes.append(UInt8(0x80 | (value >> shift & 0x7F)))
        shift -= 7
    }
    bytes.append(UInt8(value & 0x7F))
}
