import Foundation
import MIDI
import Testing

@Suite("MIDI reader: events, running status, malformed input")
struct MIDIReaderTests {
    private static func read(_ bytes: [UInt8], strict: Bool = false) throws(MIDIReadError) -> MIDIFile {
        try MIDIFile(bytes: bytes, name: "test.mid", options: MIDIReadOptions(strict: strict))
    }

    private static func readError(_ bytes: [UInt8], strict: Bool = false) -> MIDIReadError? {
        do throws(MIDIReadError) {
            _ = try read(bytes, strict: strict)
            return nil
        } catch {
            return error
        }
    }

    @Test(
        "delta times of 1 to 4 bytes decode",
        arguments: [0, 127, 128, 16383, 16384, 2_097_151, 2_097_152, 0x0FFF_FFFF])
    func variableLengthQuantities(value: Int) throws {
        let midi = try Self.read(MIDIBytes.file([(value, MIDIBytes.endOfTrack)]))
        #expect(midi.tracks[0].events == [MIDIEvent(tick: value, .meta(.endOfTrack))])
    }

    /// Over-long delta times (more than the 4 bytes SMF 1.0 allows) and the value each holds.
    static let overlongQuantities: [(bytes: [UInt8], value: Int)] = [
        ([0x80, 0x80, 0x80, 0x80, 0x00], 0),
        ([0x80, 0x80, 0x80, 0x80, 0x81, 0x00], 128),
        ([0x81, 0x80, 0x80, 0x80, 0x00], 1 << 28),
        ([0x8F, 0xFF, 0xFF, 0xFF, 0x7F], 0xFFFF_FFFF),
    ]

    @Test(
        "a delta time longer than 4 bytes is read leniently with a warning at its offset",
        arguments: overlongQuantities.indices)
    func variableLengthTooLongLenient(index: Int) throws {
        let (quantity, value) = Self.overlongQuantities[index]
        let bytes = MIDIBytes.header() + MIDIBytes.chunk("MTrk", quantity + MIDIBytes.endOfTrack)
        let midi = try Self.read(bytes)
        #expect(midi.tracks[0].events == [MIDIEvent(tick: value, .meta(.endOfTrack))])
        #expect(midi.warnings == [
            MIDIWarning(offset: 22, track: 0, problem: .variableLengthTooLong(byteCount: quantity.count))
        ])
        #expect(
            midi.warnings[0].description
                == "byte 22, track 0: variable-length quantity of \(quantity.count) bytes, longer than the SMF limit of 4")
    }

    @Test(
        "a delta time longer than 4 bytes is an error at its offset in strict mode",
        arguments: overlongQuantities.indices)
    func variableLengthTooLongStrict(index: Int) throws {
        let quantity = Self.overlongQuantities[index].bytes
        let bytes = MIDIBytes.header() + MIDIBytes.chunk("MTrk", quantity + MIDIBytes.endOfTrack)
        let error = try #require(Self.readError(bytes, strict: true))
        #expect(error.problem == .variableLengthTooLong(byteCount: quantity.count))
        #expect(error.offset == 22)
        #expect(error.track == 0)
        #expect(
            error.description
                == "test.mid: byte 22, track 0: variable-length quantity of \(quantity.count) bytes, longer than the SMF limit of 4")
    }

    @Test("a delta time beyond 32 bits is an error even when reading leniently")
    func variableLengthTooLarge() throws {
        let bytes = MIDIBytes.header()
            + MIDIBytes.chunk("MTrk", [0x90, 0x80, 0x80, 0x80, 0x80, 0x00] + MIDIBytes.endOfTrack)
        let error = try #require(Self.readError(bytes))
        #expect(error.problem == .variableLengthTooLarge(byteCount: 5))
        #expect(error.offset == 22)
    }

    @Test("every channel-voice message decodes, running status included")
    func channelMessages() throws {
        let midi = try Self.read(MIDIBytes.file([
            (0, [0x93, 60, 100]), (10, [61, 0]), (0, [0x83, 60, 5]), (0, [0xA3, 60, 7]),
            (0, [0xB3, 7, 99]), (0, [0xC3, 12]), (0, [13]), (0, [0xD3, 44]), (0, [0xE3, 0x01, 0x40]),
            (0, MIDIBytes.endOfTrack),
        ]))
        #expect(midi.tracks[0].events.map(\.message) == [
            .noteOn(channel: 3, key: 60, velocity: 100), .noteOn(channel: 3, key: 61, velocity: 0),
            .noteOff(channel: 3, key: 60, velocity: 5), .polyphonicPressure(channel: 3, key: 60, pressure: 7),
            .controlChange(channel: 3, controller: 7, value: 99), .programChange(channel: 3, program: 12),
            .programChange(channel: 3, program: 13), .channelPressure(channel: 3, pressure: 44),
            .pitchBend(channel: 3, value: 8193), .meta(.endOfTrack),
        ])
        #expect(midi.warnings.map(\.problem) == [.unmatchedNoteOffs(1)])
    }

    @Test("running status continues across meta and SysEx events, with one warning")
    func runningStatusAcrossMetaAndSysEx() throws {
        let bytes = MIDIBytes.file([
            (0, [0x90, 60, 90]), (0, [0xFF, 0x01, 1, 65]), (96, [60, 0]),
            (0, [0xF0, 2, 0x7E, 0xF7]), (0, [62, 90]), (48, [62, 0]), (0, MIDIBytes.endOfTrack),
        ])
        let midi = try Self.read(bytes)
        #expect(midi.notes.map { [$0.pitch, $0.startTick, $0.endTick] } == [[60, 0, 96], [62, 96, 144]])
        #expect(midi.tracks[0].events[3].message == .systemExclusive([0x7E, 0xF7]))
        #expect(midi.warnings.map(\.problem) == [.runningStatusAfterMetaOrSysEx])
        #expect(Self.readError(bytes, strict: true)?.problem == .runningStatusAfterMetaOrSysEx)
    }

    @Test("meta events of every kind are decoded, unknown ones kept raw")
    func metaEvents() throws {
        let midi = try MIDIFile.read(contentsOf: MIDIBytes.fixtures.appendingPathComponent("overlap.mid"))
        let metas = midi.tracks[0].events.compactMap { event -> MetaEvent? in
            if case .meta(let meta) = event.message { return meta }
            return nil
        }
        #expect(metas.prefix(14) == [
            .sequenceNumber(7), .text(.copyright, "public domain"), .text(.trackName, "Conductor"),
            .text(.instrumentName, "Flute"), .text(.lyric, "la"), .text(.marker, "A part"),
            .text(.cuePoint, "cue"), .channelPrefix(3), .port(0), .unknown(type: 0x60, data: [1, 2]),
            .sequencerSpecific([0, 0, 0x41]), .tempo(microsecondsPerQuarter: 600_000),
            .timeSignature(numerator: 6, denominatorPower: 3, clocksPerClick: 36, thirtySecondsPerQuarter: 8),
            .keySignature(sharps: 3, minor: false),
        ])
        #expect(midi.droppedZeroLengthNotes == 1)
        let smpte = try MIDIFile.read(contentsOf: MIDIBytes.fixtures.appendingPathComponent("smpte.mid"))
        #expect(smpte.tracks[0].events[0].message == .meta(.smpteOffset(hours: 0, minutes: 0, seconds: 1, frames: 0, subframes: 0)))
    }

    @Test("notes pair first in, first out; open notes close at the track end")
    func notePairing() throws {
        let midi = try Self.read(MIDIBytes.file([
            (0, [0xC0, 5]), (0, [0x90, 60, 10]), (10, [0x90, 60, 20]), (10, [0x80, 60, 0]),
            (0, [0xC0, 6]), (0, [0x90, 64, 30]), (10, [0x80, 60, 0]), (20, MIDIBytes.endOfTrack),
        ]))
        #expect(midi.notes.map { [$0.pitch, $0.velocity, $0.program, $0.startTick, $0.endTick] } == [
            [60, 10, 5, 0, 20], [60, 20, 5, 10, 30], [64, 30, 6, 20, 50],
        ])
        #expect(midi.warnings.map(\.problem) == [.notesLeftOpen(1)])
    }

    @Test("tempo changes in other tracks form one map for format 1")
    func mergedTempoMap() throws {
        let bytes = MIDIBytes.header(format: 1, tracks: 2, division: 100)
            + MIDIBytes.track([(0, [0x90, 60, 90]), (400, [0x80, 60, 0]), (0, MIDIBytes.endOfTrack)])
            + MIDIBytes.track([(200, [0xFF, 0x51, 3, 0x0F, 0x42, 0x40]), (0, MIDIBytes.endOfTrack)])
        let midi = try Self.read(bytes)
        // 200 ticks at 0.5 s per quarter, then 200 ticks at 1 s per quarter.
        #expect(midi.notes.map(\.end) == [1.0 + 2.0])
        #expect(midi.tempoMap().tick(atSeconds: 3.0) == 400)
    }

    @Test("a data byte above 127 is clamped with a warning, or an error when strict")
    func dataByteOutOfRange() throws {
        let bytes = MIDIBytes.file([(0, [0x90, 60, 200]), (10, [0x80, 60, 0]), (0, MIDIBytes.endOfTrack)])
        let midi = try Self.read(bytes)
        #expect(midi.notes.map(\.velocity) == [127])
        #expect(midi.warnings.map(\.problem) == [.dataByteOutOfRange(status: 0x90, value: 200)])
        let error = try #require(Self.readError(bytes, strict: true))
        #expect(error.offset == 25)
    }

    @Test("irregular structure that still reads gives warnings")
    func repairableStructure() throws {
        let noEnd = MIDIBytes.file([(0, [0x90, 60, 90]), (10, [0x80, 60, 0])])
        #expect(try Self.read(noEnd).warnings.map(\.problem) == [.missingEndOfTrack])
        let garbage = MIDIBytes.file([(0, MIDIBytes.endOfTrack)]) + [0x00, 0x01, 0x02]
        #expect(try Self.read(garbage).warnings.map(\.problem) == [.trailingGarbage(3)])
        let overrun = MIDIBytes.header() + MIDIBytes.track(
            [(0, [0x90, 60, 90]), (10, [0x80, 60, 0]), (0, MIDIBytes.endOfTrack)], declaredLength: 500)
        let read = try Self.read(overrun)
        #expect(read.notes.count == 1)
        #expect(read.warnings.map(\.problem) == [.chunkOverrun(id: "MTrk", declared: 500, available: 12)])
        #expect(Self.readError(overrun, strict: true) != nil)
        let unknownChunk = MIDIBytes.header() + MIDIBytes.chunk("JUNK", [1, 2, 3])
            + MIDIBytes.track([(0, MIDIBytes.endOfTrack)])
        #expect(try Self.read(unknownChunk).warnings.isEmpty)
    }

    @Test("bytes before the header (a RIFF or MacBinary wrapper) are skipped with a warning")
    func leadingBytes() throws {
        let wrapped = Array("RIFF\u{0}\u{0}\u{0}\u{0}RMIDdata\u{0}\u{0}\u{0}\u{0}".utf8)
            + MIDIBytes.file([(0, [0x90, 60, 90]), (96, [0x80, 60, 0]), (0, MIDIBytes.endOfTrack)])
        let midi = try Self.read(wrapped)
        #expect(midi.notes.count == 1)
        #expect(midi.warnings.map(\.problem) == [.skippedLeadingBytes(20)])
        #expect(Self.readError(wrapped, strict: true)?.problem == .skippedLeadingBytes(20))
    }

    @Test("a track cut short mid-event keeps the events before it")
    func truncatedTrack() throws {
        let full = MIDIBytes.file([(0, [0x90, 60, 90]), (10, [0x80, 60, 0]), (0, [0xFF, 0x01, 10, 65])])
        let midi = try Self.read(full)
        #expect(midi.notes.count == 1)
        #expect(midi.warnings.first?.problem == .eventOverrun("a meta event"))
        #expect(midi.warnings.first?.offset == 30)
    }

    @Test("unreadable files give typed errors naming offset and track")
    func fatalErrors() throws {
        #expect(Self.readError([0x4D, 0x54])?.problem == .truncated("the MThd header"))
        #expect(Self.readError(Array("RIFFxxxxxxxxxxxx".utf8))?.problem == .notAMIDIFile)
        let badID = MIDIBytes.header(tracks: 2) + MIDIBytes.track([(0, MIDIBytes.endOfTrack)])
            + [0x01, 0x02, 0x03, 0x04, 0, 0, 0, 0]
        let error = try #require(Self.readError(badID))
        #expect(error.problem == .badChunkID([1, 2, 3, 4]))
        #expect(error.offset == 26)
        let noStatus = MIDIBytes.file([(0, [60, 90]), (0, MIDIBytes.endOfTrack)])
        let statusError = try #require(Self.readError(noStatus))
        #expect(statusError.problem == .missingStatus(60))
        #expect(statusError.track == 0)
        #expect(statusError.offset == 23)
        let format3 = Array(MIDIBytes.header().prefix(9)) + [3] + Array(MIDIBytes.header().suffix(4))
        #expect(Self.readError(format3)?.problem == .unsupportedFormat(3))
        let zeroDivision = MIDIBytes.header(division: 0) + MIDIBytes.track([(0, MIDIBytes.endOfTrack)])
        #expect(Self.readError(zeroDivision)?.problem == .invalidDivision("0 ticks per quarter note"))
    }

    @Test("a missing file is a clear error")
    func missingFile() {
        #expect(throws: MIDIReadError.self) {
            try MIDIFile.read(contentsOf: URL(fileURLWithPath: "/nonexistent/tune.mid"))
        }
    }

    @Test("100,000 notes left sounding and 100,000 stray note-offs pair in linear time")
    func adversarialPairing() throws {
        var events: [(Int, [UInt8])] = []
        for i in 0..<100_000 { events.append((1, [0x90 | UInt8(i % 16), UInt8(i % 128), 64])) }
        for _ in 0..<100_000 { events.append((1, [0x80, 127, 0])) }
        events.append((0, [0x90, 127, 64]))
        events.append((1, [0x80, 127, 0]))
        events.append((0, MIDIBytes.endOfTrack))
        let clock = ContinuousClock()
        let start = clock.now
        let midi = try Self.read(MIDIBytes.file(events))
        #expect(clock.now - start < .seconds(5))
        // The stray note-offs (channel 0, key 127) match nothing; the 100,000 notes close at
        // the track's end; one real note on key 127 comes at the end.
        #expect(midi.notes.count == 100_001)
        #expect(midi.warnings.map(\.problem) == [.notesLeftOpen(100_000), .unmatchedNoteOffs(100_000)])
    }
}
