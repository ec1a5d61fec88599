#!/usr/bin/env python3
"""Independent reference for `seqgan midi inspect --json`, written on top of mido (PyPI).

For each MIDI file given, prints one JSON object per line with the keys of the inspect
report: format, division, tracks, tempos, timeSignatures, keySignatures, notes (paired
first-in first-out per track/channel/pitch, open notes closed at the track end, zero-length
notes dropped, sorted by startTick, track, channel, pitch, endTick; seconds through the
merged tempo map), durationSeconds. Warnings are not compared.

Usage: python3 mido_reference.py FILE... > expected.jsonl
"""
import io
import json
import struct
import sys
from collections import defaultdict, deque

import mido


def tempo_map(tempos, ticks_per_quarter):
    """Segments (tick, seconds, seconds per tick); default 500000 us per quarter."""
    segments = [[0, 0.0, 0.5 / ticks_per_quarter]]
    for tick, us in tempos:
        per_tick = us / 1e6 / ticks_per_quarter
        last = segments[-1]
        if tick == last[0]:
            last[2] = per_tick
        else:
            segments.append([tick, last[1] + (tick - last[0]) * last[2], per_tick])
    return segments


def seconds(segments, tick):
    best = segments[0]
    for segment in segments:
        if segment[0] <= tick:
            best = segment
    return best[1] + (tick - best[0]) * best[2]


def without_unknown_chunks(data):
    """mido rejects chunks other than MThd/MTrk, which SMF 1.0 says to skip: drop them."""
    out, offset = bytearray(), 0
    while offset + 8 <= len(data):
        length = struct.unpack(">I", data[offset + 4:offset + 8])[0]
        if data[offset:offset + 4] in (b"MThd", b"MTrk"):
            out += data[offset:offset + 8 + length]
        offset += 8 + length
    return bytes(out)


def inspect(path):
    with open(path, "rb") as f:
        midi = mido.MidiFile(file=io.BytesIO(without_unknown_chunks(f.read())))
    report = {"format": midi.type}
    smpte = None
    division = midi.ticks_per_beat & 0xFFFF  # mido reads the word as signed
    if division & 0x8000:
        fps, ticks_per_frame = 256 - (division >> 8), division & 0xFF
        report["division"] = {"framesPerSecond": fps, "ticksPerFrame": ticks_per_frame}
        smpte = (30000 / 1001 if fps == 29 else fps) * ticks_per_frame
    else:
        report["division"] = {"ticksPerQuarter": midi.ticks_per_beat}
    tracks, tempos, times, keys, notes = [], [], [], [], []
    majors = ["Cb", "Gb", "Db", "Ab", "Eb", "Bb", "F", "C", "G", "D", "A", "E", "B", "F#", "C#"]
    end_ticks = []
    for index, track in enumerate(midi.tracks):
        tick = 0
        name = ""
        have_name = False
        open_notes = defaultdict(deque)
        program = [0] * 16
        for message in track:
            tick += message.time
            if message.type == "track_name" and not have_name:
                name, have_name = message.name, True
            elif message.type == "set_tempo":
                tempos.append((tick, index, message.tempo))
            elif message.type == "time_signature":
                times.append({"tick": tick, "numerator": message.numerator,
                              "denominator": message.denominator, "_track": index})
            elif message.type == "key_signature":
                key = message.key
                minor = key.endswith("m")
                root = key[:-1] if minor else key
                if minor:
                    # mido names minor keys by their own root; map to sharps via the relative major.
                    sharps = {"Ab": -7, "Eb": -6, "Bb": -5, "F": -4, "C": -3, "G": -2, "D": -1,
                              "A": 0, "E": 1, "B": 2, "F#": 3, "C#": 4, "G#": 5, "D#": 6,
                              "A#": 7}[root]
                else:
                    sharps = majors.index(root) - 7
                keys.append({"tick": tick, "sharps": sharps, "minor": minor, "_track": index})
            elif message.type == "program_change":
                program[message.channel] = message.program
            elif message.type == "note_on" and message.velocity > 0:
                open_notes[(message.channel, message.note)].append((tick, message.velocity))
            elif message.type in ("note_off", "note_on"):
                queue = open_notes[(message.channel, message.note)]
                if queue:
                    start, velocity = queue.popleft()
                    if tick > start:
                        notes.append([index, message.channel, message.note, velocity, start, tick])
        for (channel, pitch), queue in open_notes.items():
            for start, velocity in queue:
                if tick > start:
                    notes.append([index, channel, pitch, velocity, start, tick])
        end_ticks.append(tick)
        tracks.append({"index": index, "name": name, "events": len(track)})
    tempos.sort(key=lambda t: (t[0], t[1]))
    times.sort(key=lambda t: (t["tick"], t["_track"]))
    keys.sort(key=lambda t: (t["tick"], t["_track"]))
    for entry in times + keys:
        del entry["_track"]
    def map_for(track):
        """Format 2 tracks keep their own tempo; otherwise one merged map."""
        if smpte:
            return [[0, 0.0, 1 / smpte]]
        chosen = [(t[0], t[2]) for t in tempos if midi.type != 2 or t[1] == track]
        return tempo_map(chosen, midi.ticks_per_beat)
    maps = [map_for(i) for i in range(len(midi.tracks))]
    notes.sort(key=lambda n: (n[4], n[0], n[1], n[2], n[5]))
    report["tracks"] = tracks
    report["tempos"] = [{"tick": t[0], "microsecondsPerQuarter": t[2]} for t in tempos]
    report["timeSignatures"] = times
    report["keySignatures"] = keys
    report["notes"] = [{"track": n[0], "channel": n[1], "pitch": n[2], "velocity": n[3],
                        "startTick": n[4], "endTick": n[5],
                        "start": seconds(maps[n[0]], n[4]), "end": seconds(maps[n[0]], n[5])}
                       for n in notes]
    report["durationSeconds"] = max([seconds(maps[i], t) for i, t in enumerate(end_ticks)] or [0.0])
    return report


if __name__ == "__main__":
    for path in sys.argv[1:]:
        print(json.dumps(inspect(path), sort_keys=True))
