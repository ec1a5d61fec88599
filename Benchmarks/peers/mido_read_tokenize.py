#!/usr/bin/env python3
"""Peer for `seqgan-bench midi`: the same job with mido (PyPI).

Reads every MIDI file under NOTTINGHAM (full/, melody/, chords/) with mido.MidiFile, then turns
each of the full/ tunes into paper-scheme tokens: the melody (track 0) notes paired first in,
first out, seconds through the merged tempo map, the highest sounding key sampled every 0.4 s,
keys 21..108 -> 1..88, silence 0, windows of 32 with stride 16.

Prints one JSON line: files, tunes, sequences, read_seconds, tokenize_seconds, peak_rss_kb.
Usage: python3 mido_read_tokenize.py NOTTINGHAM
"""
import bisect
import glob
import json
import os
import resource
import sys
import time
from collections import defaultdict, deque

import mido


def tempo_map(midi):
    changes = []
    for track in midi.tracks:
        tick = 0
        for message in track:
            tick += message.time
            if message.type == "set_tempo":
                changes.append((tick, message.tempo))
    changes.sort()
    ticks, seconds, per_tick = [0], [0.0], [0.5 / midi.ticks_per_beat]
    for tick, tempo in changes:
        value = tempo / 1e6 / midi.ticks_per_beat
        if tick == ticks[-1]:
            per_tick[-1] = value
        else:
            seconds.append(seconds[-1] + (tick - ticks[-1]) * per_tick[-1])
            ticks.append(tick)
            per_tick.append(value)

    def to_seconds(tick):
        i = bisect.bisect_right(ticks, tick) - 1
        return seconds[i] + (tick - ticks[i]) * per_tick[i]
    return to_seconds


def paper_tokens(midi, step=0.4):
    to_seconds = tempo_map(midi)
    notes, tick = [], 0
    open_notes = defaultdict(deque)
    for message in midi.tracks[0]:
        tick += message.time
        if message.type == "note_on" and message.velocity > 0:
            open_notes[(message.channel, message.note)].append(tick)
        elif message.type in ("note_on", "note_off"):
            queue = open_notes[(message.channel, message.note)]
            if queue:
                start = queue.popleft()
                if tick > start:
                    notes.append((message.note, to_seconds(start), to_seconds(tick)))
    for (_, pitch), queue in open_notes.items():
        for start in queue:
            if tick > start:
                notes.append((pitch, to_seconds(start), to_seconds(tick)))
    if not notes:
        return []
    end = max(n[2] for n in notes)
    count = int(-(-(end / step - 1e-9) // 1))
    tokens = [0] * count
    for pitch, start, stop in notes:
        token = min(max(pitch, 21), 108) - 20
        first = max(0, int(-(-(start / step - 1e-9) // 1)))
        last = min(count, int(-(-(stop / step - 1e-9) // 1)))
        for k in range(first, last):
            if tokens[k] < token:
                tokens[k] = token
    return tokens


def windows(tokens, length=32, stride=16):
    if len(tokens) <= length:
        return [tokens + [0] * (length - len(tokens))] if tokens else []
    result = [tokens[s:s + length] for s in range(0, len(tokens) - length + 1, stride)]
    if (len(result) - 1) * stride + length < len(tokens):
        result.append(tokens[-length:])
    return result


def main():
    root = sys.argv[1]
    paths = sorted(glob.glob(os.path.join(root, "*", "*.mid")))
    read_seconds = tokenize_seconds = 0.0
    tunes = sequences = 0
    for path in paths:  # each file is read, then (for full/ tunes) tokenized, then dropped
        start = time.perf_counter()
        midi = mido.MidiFile(path)
        read = time.perf_counter()
        read_seconds += read - start
        if os.path.basename(os.path.dirname(path)) != "full":
            continue
        tunes += 1
        sequences += len(windows(paper_tokens(midi)))
        tokenize_seconds += time.perf_counter() - read
    print(json.dumps({
        "files": len(paths), "tunes": tunes, "sequences": sequences,
        "read_seconds": read_seconds, "tokenize_seconds": tokenize_seconds,
        "peak_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }))


if __name__ == "__main__":
    main()
