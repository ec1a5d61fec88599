#!/usr/bin/env bash
# Writes the tunes of samples/: N tunes from a trained music run, each as MIDI, a short Ogg
# Vorbis rendering and a piano-roll picture (SVG).
# Usage: scripts/make-samples.sh SEQGAN RUN OUT_DIR [N [GENERATE_OPTIONS...]]
# GENERATE_OPTIONS shape the tunes (default --length 128), e.g. --form AABB --bars-per-part 4.
set -euo pipefail
seqgan=$1
run=$2
out=$3
count=${4:-6}
shift $(( $# < 4 ? $# : 4 ))
shape=("$@")
if [ ${#shape[@]} -eq 0 ]; then shape=(--length 128); fi
mkdir -p "$out"
"$seqgan" generate "$run" -n "$count" --seed 7 "${shape[@]}" --key G --tempo 110 -o "$out"
for mid in "$out"/tune-*.mid; do
    "$seqgan" export "$mid" -o "${mid%.mid}.ogg" --channels 1 --sample-rate 22050
    "$seqgan" midi roll "$mid" -o "${mid%.mid}.svg"
done
