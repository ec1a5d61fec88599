import Foundation
import TestSupport

/// Helpers that build Standard MIDI File bytes by hand for tests.
enum MIDIBytes {
    /// A variable-length quantity.
    static func variableLength(_ value: Int) -> [UInt8] {
        var out: [UInt8] = [UInt8(value & 0x7F)]
        var rest = value >> 7
        while rest > 0 {
            out.insert(UInt8(0x80 | (rest & 0x7F)), at: 0)
            rest >>= 7
        }
        return out
    }

    static func header(format: Int = 0, tracks: Int = 1, division: Int = 96) -> [UInt8] {
        Array("MThd".utf8) + [0, 0, 0, 6, 0, UInt8(format), UInt8(tracks >> 8), UInt8(tracks & 255)]
            + [UInt8(division >> 8), UInt8(division & 255)]
    }

    static func chunk(_ id: String, _ body: [UInt8], declaredLength: Int? = nil) -> [UInt8] {
        let length = declaredLength ?? body.count
        return Array(id.utf8)
            + [UInt8(length >> 24 & 255), UInt8(length >> 16 & 255), UInt8(length >> 8 & 255), UInt8(length & 255)]
            + body
    }

    /// A track from (delta, bytes) pairs.
    static func track(_ events: [(Int, [UInt8])], declaredLength: Int? = nil) -> [UInt8] {
        chunk("MTrk", events.flatMap { variableLength($0.0) + $0.1 }, declaredLength: declaredLength)
    }

    static let endOfTrack: [UInt8] = [0xFF, 0x2F, 0x00]

    /// A format 0 file with one track.
    static func file(_ events: [(Int, [UInt8])], division: Int = 96) -> [UInt8] {
        header(division: division) + track(events)
    }

    /// The folder of hand-made fixtures and their mido reference reports.
    static let fixtures = TestPaths.repositoryRoot.appendingPathComponent("Tests/Fixtures/MIDI")
}
