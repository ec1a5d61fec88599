#!/usr/bin/env python3
"""Per-file checksums of the mido reference report for every Nottingham MIDI file, so the
Swift tests can compare all 3,089 files without shipping the (GPL) data: one line per file
with the relative path, note count, sums of pitches, start and end ticks, duration in
seconds (6 decimals), and the counts of time and key signatures.

Usage: python3 nottingham_summary.py ../../../../shared/corpora/nottingham > nottingham_summary.tsv
"""
import glob
import os
import sys

from mido_reference import inspect

root = sys.argv[1]
for path in sorted(glob.glob(os.path.join(root, "*", "*.mid"))):
    report = inspect(path)
    notes = report["notes"]
    print("\t".join(str(v) for v in [
        os.path.relpath(path, root), len(notes), sum(n["pitch"] for n in notes),
        sum(n["startTick"] for n in notes), sum(n["endTick"] for n in notes),
        f'{report["durationSeconds"]:.6f}', len(report["timeSignatures"]),
        len(report["keySignatures"])]))
