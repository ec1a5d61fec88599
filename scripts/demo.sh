#!/usr/bin/env bash
# The README's main job: train a quick SeqGAN model on the bundled folk tunes (corpora/folk),
# generate three new tunes and export them as MIDI and WAV into OUT_DIR.
# Usage: scripts/demo.sh [SEQGAN] [OUT_DIR]
set -euo pipefail
seqgan=${1:-.build/release/seqgan}
out=${2:-demo-out}
here=$(cd "$(dirname "$0")/.." && pwd)
rm -rf "$out/run" "$out/tunes"
mkdir -p "$out"
echo "== Training on the bundled folk tunes ($here/corpora/folk): MLE pre-training, then SeqGAN"
"$seqgan" train "$here/corpora/folk" --out "$out/run" --seed 1
echo "== Generating 3 tunes (MIDI and WAV)"
"$seqgan" generate "$out/run" -n 3 --seed 7 --key G --tempo 110 -o "$out/tunes" --wav
echo "== Done. The tunes are in $out/tunes:"
ls -1 "$out"/tunes/tune-*.mid "$out"/tunes/tune-*.wav
echo "   Listen: $seqgan play $out/tunes/tune-01.wav (or open the WAV files in any player)"
echo "   More:   $seqgan generate $out/run -n 8 -o more-tunes --wav   (see docs/music.md)"
