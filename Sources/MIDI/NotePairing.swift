/// Pairs note-ons with note-offs into ``Note`` values (times in ticks only).
///
/// A note-off (or note-on with velocity 0) closes the earliest sounding note of the same
/// track, channel and key (first in, first out). Notes still sounding at the track's end close
/// there. Notes of zero length are dropped and counted.
enum NotePairing {
    struct Result {
        var notes: [Note]
        var droppedZeroLength: Int
        var warnings: [MIDIWarning]
    }

    private struct OpenNote {
        var tick: Int
        var velocity: Int
        var program: Int
        /// The next sounding note of the same slot (pool index), or -1.
        var next: Int
    }

    static func pair(tracks: [MIDITrack]) -> Result {
        var notes: [Note] = []
        var dropped = 0
        var warnings: [MIDIWarning] = []
        // One FIFO per slot (`channel << 7 | key`) as a linked list through a pool: constant
        // time per event whatever the input, and plain integers (no per-slot arrays).
        var pool: [OpenNote] = []
        var head = [Int](repeating: -1, count: 16 * 128)
        var tail = [Int](repeating: -1, count: 16 * 128)
        var programs = [Int](repeating: 0, count: 16)
        for (trackIndex, track) in tracks.enumerated() {
            for channel in 0..<16 { programs[channel] = 0 }
            pool.removeAll(keepingCapacity: true)
            var droppedHere = 0
            var unmatched = 0
            var sounding = 0
            func close(_ slot: Int, at tick: Int) {
                let index = head[slot]
                let started = pool[index]
                head[slot] = started.next
                if started.next < 0 { tail[slot] = -1 }
                sounding -= 1
                if tick > started.tick {
                    notes.append(
                        Note(
                            track: trackIndex, channel: slot >> 7, pitch: slot & 127,
                            velocity: started.velocity, program: started.program,
                            startTick: started.tick, endTick: tick, start: 0, end: 0))
                } else {
                    droppedHere += 1
                }
            }
            for event in track.events {
                switch event.message {
                case .noteOn(let channel, let key, let velocity) where velocity > 0:
                    let slot = channel << 7 | key
                    pool.append(OpenNote(tick: event.tick, velocity: velocity, program: programs[channel], next: -1))
                    let index = pool.count - 1
                    if tail[slot] >= 0 { pool[tail[slot]].next = index } else { head[slot] = index }
                    tail[slot] = index
                    sounding += 1
                case .noteOn(let channel, let key, _), .noteOff(let channel, let key, _):
                    let slot = channel << 7 | key
                    if head[slot] >= 0 { close(slot, at: event.tick) } else { unmatched += 1 }
                case .programChange(let channel, let program):
                    programs[channel] = program
                default:
                    break
                }
            }
            let leftOpen = sounding
            if sounding > 0 {
                for slot in head.indices { while head[slot] >= 0 { close(slot, at: track.endTick) } }
            }
            if leftOpen > 0 {
                warnings.append(MIDIWarning(offset: 0, track: trackIndex, problem: .notesLeftOpen(leftOpen)))
            }
            if droppedHere > 0 {
                warnings.append(
                    MIDIWarning(offset: 0, track: trackIndex, problem: .zeroLengthNotesDropped(droppedHere)))
            }
            if unmatched > 0 {
                warnings.append(
                    MIDIWarning(offset: 0, track: trackIndex, problem: .unmatchedNoteOffs(unmatched)))
            }
            dropped += droppedHere
        }
        notes.sort {
            ($0.startTick, $0.track, $0.channel, $0.pitch, $0.endTick)
                < ($1.startTick, $1.track, $1.channel, $1.pitch, $1.endTick)
        }
        return Result(notes: notes, droppedZeroLength: dropped, warnings: warnings)
    }
}
