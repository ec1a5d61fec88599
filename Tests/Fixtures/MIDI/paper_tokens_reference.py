#!/usr/bin/env python3
"""Independent reference for the paper token scheme on the Nottingham `full/` files, on top of
mido: the melody is track 0; notes pair first-in first-out; the sounding pitch is sampled at
t = k x 0.4 s (exact fractions) for every k with t before the end of the last note; a note
sounds at t when start <= t < end; the highest sounding key wins; keys 21..108 -> 1..88, silence
0. Prints, per file, the name, the token count and the 64-bit FNV-1a hash of the tokens joined by spaces, so
that the data itself is not redistributed.

Usage: python3 paper_tokens_reference.py ../../../../shared/corpora/nottingham/full > paper_tokens.tsv
"""
import glob
import os
import sys
from collections import defaultdict, deque
from fractions import Fraction

import mido


def melody_notes(path):
    midi = mido.MidiFile(path)
    tempo_changes = []  # tempo map from all tracks
    for track in midi.tracks:
        tick = 0
        for message in track:
            tick += message.time
            if message.type == "set_tempo":
                tempo_changes.append((tick, message.tempo))
    tempo_changes.sort()

    def seconds(tick):
        total, last_tick, us = Fraction(0), 0, 500000
        for change_tick, change_us in tempo_changes:
            if change_tick > tick:
                break
            total += Fraction(change_tick - last_tick) * us / 1_000_000 / midi.ticks_per_beat
            last_tick, us = change_tick, change_us
        return total + Fraction(tick - last_tick) * us / 1_000_000 / midi.ticks_per_beat

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
                    notes.append((message.note, seconds(start), seconds(tick)))
    for (channel, pitch), queue in open_notes.items():
        for start in queue:
            if tick > start:
                notes.append((pitch, seconds(start), seconds(tick)))
    return notes


def paper_tokens(notes):
    step = Fraction(2, 5)
    end = max(n[2] for n in notes)
    tokens, k = [], 0
    while k * step < end:
        t = k * step
        sounding = [pitch for pitch, start, stop in notes if start <= t < stop]
        if sounding:
            pitch = max(sounding)
            while pitch < 21:
                pitch += 12
            while pitch > 108:
                pitch -= 12
            tokens.append(pitch - 20)
        else:
            tokens.append(0)
        k += 1
    return tokens


def fnv1a64(data):
    value = 0xCBF29CE484222325
    for byte in data:
        value = ((value ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return value


for path in sorted(glob.glob(os.path.join(sys.argv[1], "*.mid"))):
    tokens = paper_tokens(melody_notes(path))
    text = " ".join(map(str, tokens))
    print(f"{os.path.basename(path)}\t{len(tokens)}\t{fnv1a64(text.encode()):016x}")
