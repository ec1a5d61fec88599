import Foundation
import MIDI
import Testing
import Randomness
import TestSupport

/// Mutates real MIDI files thousands of times (bit flips, byte changes, truncation, chunk
/// length changes, insertions, deletions) and checks that every outcome is a clean result with
/// sane notes, or a typed error; a crash or hang would fail the run.
@Suite("MIDI reader fuzzing")
struct MIDIFuzzTests {
    static func seedFiles() throws -> [[UInt8]] {
        var files: [[UInt8]] = []
        for name in MIDIReaderReferenceTests.fixtureNames {
            files.append([UInt8](try Data(contentsOf: MIDIBytes.fixtures.appendingPathComponent("\(name).mid"))))
        }
        if let folder = TestPaths.shared("corpora/nottingham/full") {
            for name in ["jigs1.mid", "reelsa-c29.mid", "waltzes10.mid", "hpps5.mid"] {
                files.append([UInt8](try Data(contentsOf: folder.appendingPathComponent(name))))
            }
        }
        var generator = SplitMix64(seed: 99)
        let notes = MIDIWriterTests.randomNotes(count: 120, tracks: 3, using: &generator)
        files.append(MIDIFile(notes: notes, tempos: [TempoChange(tick: 100, microsecondsPerQuarter: 400_000)]).encoded())
        return files
    }

    static func mutate(_ bytes: [UInt8], using generator: inout SplitMix64) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            guard !bytes.isEmpty else { break }
            let position = Int.random(in: 0..<bytes.count, using: &generator)
            switch Int.random(in: 0..<7, using: &generator) {
            case 0: bytes[position] ^= UInt8(1 << Int.random(in: 0..<8, using: &generator))
            case 1: bytes[position] = UInt8.random(in: 0...255, using: &generator)
            case 2: bytes.removeSubrange(position...)
            case 3:
                // Change a chunk's length field: small shifts and huge values.
                let chunkStarts = (0..<max(0, bytes.count - 7)).filter {
                    bytes[$0] == 0x4D && bytes[$0 + 1] == 0x54 && (bytes[$0 + 2] == 0x72 || bytes[$0 + 2] == 0x68)
                }
                guard let start = chunkStarts.randomElement(using: &generator) else { break }
                let length = [Int.random(in: 0...64, using: &generator), 0x7FFF_FFFF, 0xFFFF_FFFF,
                              Int.random(in: 0...bytes.count * 2, using: &generator)].randomElement(using: &generator)!
                for k in 0..<4 { bytes[start + 4 + k] = UInt8(truncatingIfNeeded: length >> (24 - 8 * k)) }
            case 4:
                let insert = (0..<Int.random(in: 1...8, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
                bytes.insert(contentsOf: insert, at: position)
            case 5:
                bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...16, using: &generator)))
            default:
                // A run of continuation bytes: an over-long variable-length quantity.
                for k in position..<min(bytes.count, position + 5) { bytes[k] = 0x80 | bytes[k] }
            }
        }
        return bytes
    }

    @Test("4,000 mutated files each read cleanly or fail with a typed error")
    func mutatedFiles() throws {
        let seeds = try Self.seedFiles()
        var generator = SplitMix64(seed: 2024)
        var outcomes = (read: 0, failed: 0)
        for iteration in 0..<4000 {
            let bytes = Self.mutate(seeds[iteration % seeds.count], using: &generator)
            for strict in [false, true] {
                do throws(MIDIReadError) {
                    let midi = try MIDIFile(bytes: bytes, name: "fuzz-\(iteration).mid", options: MIDIReadOptions(strict: strict))
                    outcomes.read += 1
                    for note in midi.notes {
                        guard (0...127).contains(note.pitch), (0...15).contains(note.channel),
                            (0...127).contains(note.velocity), note.endTick > note.startTick,
                            note.start.isFinite, note.end >= note.start
                        else {
                            Issue.record("iteration \(iteration): bad note \(note)")
                            return
                        }
                    }
                    for track in midi.tracks {
                        #expect(zip(track.events, track.events.dropFirst()).allSatisfy { $0.tick <= $1.tick })
                    }
                    // What was read can always be written and read back.
                    let again = try MIDIFile(bytes: midi.encoded(), name: "rewritten")
                    #expect(again.notes.count == midi.notes.count, "iteration \(iteration)")
                } catch {
                    outcomes.failed += 1
                    #expect(error.file == "fuzz-\(iteration).mid")
                    #expect(error.offset >= 0 && error.offset <= bytes.count)
                }
            }
        }
        // Both kinds of outcome occur, so the mutations reach the parser's error paths.
        #expect(outcomes.read > 1000)
        #expect(outcomes.failed > 1000)
    }
}
