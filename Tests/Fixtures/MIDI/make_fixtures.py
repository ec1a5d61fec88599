#!/usr/bin/env python3
"""Writes the hand-made MIDI fixtures byte by byte (no MIDI library), each exercising
reader features: running status (also across meta and SysEx events), note-on velocity 0,
SysEx F0/F7, every meta kind, unknown chunks, SMPTE division, format 2, overlapping and
zero-length notes. Then `mido_reference.py` gives the expected reports (expected.jsonl).

Usage: python3 make_fixtures.py && python3 mido_reference.py *.mid > expected.jsonl
"""
import struct


def vlq(value):
    out = [value & 0x7F]
    value >>= 7
    while value:
        out.insert(0, 0x80 | (value & 0x7F))
        value >>= 7
    return bytes(out)


def track(events):
    """events: list of (delta, bytes)."""
    body = b"".join(vlq(delta) + data for delta, data in events)
    return b"MTrk" + struct.pack(">I", len(body)) + body


def header(fmt, ntracks, division):
    return b"MThd" + struct.pack(">IHHH", 6, fmt, ntracks, division)


def meta(kind, data):
    return bytes([0xFF, kind]) + vlq(len(data)) + data


END = meta(0x2F, b"")

# 1. Format 0, running status across meta and SysEx, note-on velocity 0 as note-off, tempo changes.
running = header(0, 1, 96) + track([
    (0, meta(0x03, b"Lead")),
    (0, meta(0x51, bytes([0x07, 0xA1, 0x20]))),            # 500000 us
    (0, meta(0x58, bytes([3, 2, 24, 8]))),                 # 3/4
    (0, meta(0x59, bytes([0xFE, 1]))),                     # 2 flats, minor
    (0, bytes([0xC0, 40])),                                # program 40
    (0, bytes([0x90, 60, 100])),
    (48, bytes([62, 90])),                                 # running status
    (48, bytes([60, 0])),                                  # note-on vel 0 = off
    (0, meta(0x01, b"text between")),                      # meta ...
    (48, bytes([62, 0])),                                  # ... then running status again
    (0, bytes([0xF0, 3, 0x7E, 0x00, 0xF7])),               # SysEx
    (0, bytes([0xF7, 2, 0x43, 0x10])),                     # F7 packet
    (0, bytes([0x90, 64, 80])),                            # (mido mishandles running status after SysEx)
    (96, meta(0x51, bytes([0x03, 0xD0, 0x90]))),           # 250000 us at tick 240
    (96, bytes([0x80, 64, 0])),
    (0, bytes([0xB0, 7, 100])),
    (0, bytes([0xE0, 0x00, 0x40])),
    (0, bytes([0xA0, 64, 10])),
    (0, bytes([0xD0, 20])),
    (0, bytes([0x90, 67, 70])),
    (192, bytes([0x80, 67, 64])),
    (0, END),
])

# 2. SMPTE division: 25 frames per second, 40 ticks per frame (1000 ticks per second).
smpte = header(0, 1, ((256 - 25) << 8) | 40) + track([
    (0, meta(0x54, bytes([0, 0, 1, 0, 0]))),
    (0, bytes([0x91, 72, 64])),
    (500, bytes([0x81, 72, 0])),
    (250, bytes([0x91, 74, 64])),
    (1000, bytes([0x81, 74, 0])),
    (0, END),
])

# 3. Format 2: each track keeps its own tempo.
format2 = header(2, 2, 480) + track([
    (0, meta(0x51, bytes([0x0F, 0x42, 0x40]))),            # 1,000,000 us = 60 BPM
    (0, bytes([0x90, 60, 90])),
    (480, bytes([0x80, 60, 0])),
    (0, END),
]) + track([
    (0, meta(0x51, bytes([0x07, 0xA1, 0x20]))),            # 120 BPM
    (0, bytes([0x90, 64, 90])),
    (480, bytes([0x80, 64, 0])),
    (0, END),
])

# 4. Format 1: overlapping same-pitch notes (FIFO), zero-length notes, a note left open,
#    programs on two channels, an unknown chunk between tracks, all meta kinds.
overlap = header(1, 2, 120) + track([
    (0, meta(0x00, bytes([0, 7]))),
    (0, meta(0x02, b"public domain")),
    (0, meta(0x03, b"Conductor")),
    (0, meta(0x04, b"Flute")),
    (0, meta(0x05, b"la")),
    (0, meta(0x06, b"A part")),
    (0, meta(0x07, b"cue")),
    (0, meta(0x20, bytes([3]))),
    (0, meta(0x21, bytes([0]))),
    (0, meta(0x60, b"\x01\x02")),                          # unknown meta type
    (0, meta(0x7F, b"\x00\x00\x41")),
    (0, meta(0x51, bytes([0x09, 0x27, 0xC0]))),            # 600000 us
    (0, meta(0x58, bytes([6, 3, 36, 8]))),                 # 6/8
    (0, meta(0x59, bytes([3, 0]))),                        # A major
    (720, meta(0x58, bytes([2, 2, 24, 8]))),               # 2/4 at 720
    (0, meta(0x51, bytes([0x07, 0xA1, 0x20]))),
    (0, END),
]) + b"XFIH" + struct.pack(">I", 5) + b"hello" + track([
    (0, bytes([0xC2, 73])),
    (0, bytes([0xC3, 0])),
    (0, bytes([0x92, 70, 50])),
    (60, bytes([0x92, 70, 60])),                           # second note-on, same pitch
    (60, bytes([0x82, 70, 0])),                            # closes the first (FIFO)
    (0, bytes([0x93, 50, 40])),
    (0, bytes([0x83, 50, 0])),                             # zero length: dropped
    (60, bytes([0x82, 70, 0])),                            # closes the second
    (0, bytes([0x82, 71, 0])),                             # unmatched note-off
    (0, bytes([0xC2, 74])),
    (0, bytes([0x92, 72, 30])),                            # left open
    (240, bytes([0x93, 48, 100])),
    (120, bytes([0x83, 48, 0])),
    (0, END),
])

for name, data in [("running_status.mid", running), ("smpte.mid", smpte),
                   ("format2.mid", format2), ("overlap.mid", overlap)]:
    with open(name, "wb") as f:
        f.write(data)
