#!/usr/bin/env python3
"""Independent reference for MelodyStatistics / MusicStatistics (Sources/MusicEncoding).

Draws melodies with a fixed seed (random walks, scales, repeated figures, wide leaps, and the
degenerate cases: no note, one note, three notes), computes every statistic the straightforward
way, and writes melodies and expected values as JSON; the Swift test reads both, so it never
needs Python's random numbers.

Definitions (as docs/music.md states them):
- pitch classes: count of pitch mod 12;
- intervals: next - previous, clamped to -12..+12 (25 bins, index = interval + 12);
- key: of the 12 major scales, the one holding the most notes; ties to the lowest tonic;
  in-key share = that count / notes;
- range: max - min;
- repetition: share of the 4-note windows equal to some earlier 4-note window;
- set: pooled histograms, means of the per-melody values that exist; distance = total
  variation (half the L1 distance of the normalised histograms).

Usage: python3 melody_statistics_reference.py > melody_statistics_golden.json
"""
import json
import random

MAJOR = [0, 2, 4, 5, 7, 9, 11]


def statistics(pitches):
    classes = [sum(1 for p in pitches if p % 12 == c) for c in range(12)]
    intervals = [0] * 25
    for a, b in zip(pitches, pitches[1:]):
        intervals[max(-12, min(12, b - a)) + 12] += 1
    if pitches:
        fits = [sum(1 for p in pitches if (p - tonic) % 12 in MAJOR) for tonic in range(12)]
        best = max(fits)
        tonic = fits.index(best)  # the first, i.e. lowest, tonic among ties
        in_key = best / len(pitches)
        span = max(pitches) - min(pitches)
    else:
        tonic, in_key, span = None, None, None
    windows = [tuple(pitches[i:i + 4]) for i in range(len(pitches) - 3)]
    repeated = sum(1 for i, w in enumerate(windows) if w in windows[:i])
    repetition = repeated / len(windows) if windows else None
    return {
        "pitches": pitches, "pitchClassCounts": classes, "intervalCounts": intervals,
        "keyTonic": tonic, "inKeyShare": in_key, "range": span, "repetition": repetition,
    }


def mean(values):
    values = [v for v in values if v is not None]
    return sum(values) / len(values) if values else None


def pooled(melodies):
    stats = [statistics(m) for m in melodies]
    return {
        "pitchClassCounts": [sum(s["pitchClassCounts"][i] for s in stats) for i in range(12)],
        "intervalCounts": [sum(s["intervalCounts"][i] for s in stats) for i in range(25)],
        "inKeyShare": mean(s["inKeyShare"] for s in stats),
        "pitchRange": mean(s["range"] for s in stats),
        "repetition": mean(s["repetition"] for s in stats),
    }


def total_variation(a, b):
    if sum(a) == 0 or sum(b) == 0:
        return None
    return sum(abs(x / sum(a) - y / sum(b)) for x, y in zip(a, b)) / 2


def main():
    rng = random.Random(20170204)
    melodies = [[], [64], [60, 67, 64]]
    for _ in range(12):  # random walks in a key, some chromatic steps
        tonic = rng.randrange(12)
        pitch = 60 + rng.randrange(-5, 6)
        melody = []
        for _ in range(rng.randrange(4, 40)):
            melody.append(pitch)
            pitch += rng.choice([-2, -1, 0, 1, 2, 3, -3, 5, -5, 7, -7])
            if rng.random() < 0.8 and (pitch - tonic) % 12 not in MAJOR:
                pitch += 1
            pitch = max(21, min(108, pitch))
        melodies.append(melody)
    for _ in range(4):  # a figure repeated with variations
        figure = [rng.randrange(55, 80) for _ in range(rng.randrange(2, 6))]
        melodies.append([p + (12 if rng.random() < 0.1 else 0) for _ in range(rng.randrange(3, 8)) for p in figure])
    for _ in range(3):  # wide leaps
        melodies.append([rng.randrange(0, 128) for _ in range(rng.randrange(5, 20))])
    first, second = melodies[: len(melodies) // 2], melodies[len(melodies) // 2:]
    a, b = pooled(first), pooled(second)
    print(json.dumps({
        "melodies": [statistics(m) for m in melodies],
        "sets": {
            "first": a, "second": b, "firstCount": len(first),
            "pitchClassDistance": total_variation(a["pitchClassCounts"], b["pitchClassCounts"]),
            "intervalDistance": total_variation(a["intervalCounts"], b["intervalCounts"]),
        },
    }, indent=1))


if __name__ == "__main__":
    main()
