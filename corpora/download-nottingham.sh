#!/usr/bin/env bash
# Downloads the Nottingham folk-tune set as MIDI from its public source, the jukedeck/nottingham-dataset
# repository on GitHub (GNU GPL v3 data: use it, do not commit it into this repository), and lays it
# out as ../shared/corpora/nottingham is laid out:
#   <dest>/full/*.mid     melody + chords (1,034 tunes, track 0 = melody)
#   <dest>/melody/*.mid   melody only
#   <dest>/chords/*.mid   chords only
#   <dest>/abc/*.abc      the cleaned ABC sources
#   <dest>/splits/        tune-level 80/10/10 splits (train.txt, valid.txt, test.txt), made the same
#                         way as the shared copy's (Python random.Random(1609).shuffle of the sorted
#                         names); needs python3, skipped without it.
# Usage: corpora/download-nottingham.sh [DEST]   (default: corpora/nottingham, which .gitignore excludes)
# Then:  seqgan midi tokens DEST/full --split-lists DEST/splits --scheme paper -o nottingham.txt
set -euo pipefail

COMMIT=0992bb6cd864f6d4b90d6663e08c0ef53ffaa08f
URL="https://github.com/jukedeck/nottingham-dataset/archive/${COMMIT}.tar.gz"
DEST="${1:-$(dirname "$0")/nottingham}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "Downloading $URL"
if command -v curl >/dev/null 2>&1; then
    curl --fail --location --silent --show-error --output "$work/nottingham.tar.gz" "$URL"
elif command -v wget >/dev/null 2>&1; then
    wget --quiet --output-document "$work/nottingham.tar.gz" "$URL"
else
    echo "error: neither curl nor wget is installed" >&2
    exit 1
fi

tar -xzf "$work/nottingham.tar.gz" -C "$work"
source_dir="$work/nottingham-dataset-${COMMIT}"
if [ ! -d "$source_dir/MIDI" ]; then
    echo "error: the archive has no MIDI folder (layout changed upstream?)" >&2
    exit 1
fi

mkdir -p "$DEST/full" "$DEST/melody" "$DEST/chords" "$DEST/abc"
find "$source_dir/MIDI" -maxdepth 1 -name '*.mid' -exec cp {} "$DEST/full/" \;
[ -d "$source_dir/MIDI/melody" ] && find "$source_dir/MIDI/melody" -maxdepth 1 -name '*.mid' -exec cp {} "$DEST/melody/" \;
[ -d "$source_dir/MIDI/chords" ] && find "$source_dir/MIDI/chords" -maxdepth 1 -name '*.mid' -exec cp {} "$DEST/chords/" \;
[ -d "$source_dir/ABC_cleaned" ] && find "$source_dir/ABC_cleaned" -maxdepth 1 -name '*.abc' -exec cp {} "$DEST/abc/" \;
[ -f "$source_dir/LICENSE.md" ] && cp "$source_dir/LICENSE.md" "$DEST/LICENSE.md"

count=$(find "$DEST/full" -name '*.mid' | wc -l)
echo "full: $count tunes (1034 expected)"
if [ "$count" -ne 1034 ]; then
    echo "warning: expected 1034 tunes in full/" >&2
fi

if command -v python3 >/dev/null 2>&1; then
    mkdir -p "$DEST/splits"
    python3 - "$DEST" <<'PY'
import os, random, sys
dest = sys.argv[1]
names = sorted(f for f in os.listdir(os.path.join(dest, "full")) if f.endswith(".mid"))
random.Random(1609).shuffle(names)
parts = {"test": names[:103], "valid": names[103:206], "train": names[206:]}
for split, members in parts.items():
    for prefix, folder in (("", "full"), ("melody_", "melody"), ("chords_", "chords")):
        present = [n for n in sorted(members) if os.path.exists(os.path.join(dest, folder, n))]
        with open(os.path.join(dest, "splits", f"{prefix}{split}.txt"), "w") as f:
            f.write("".join(f"{folder}/{n}\n" for n in present))
print("splits: train %d, valid %d, test %d" % (len(parts["train"]), len(parts["valid"]), len(parts["test"])))
PY
else
    echo "python3 not found: no splits/ written (use --seed splits instead)"
fi
echo "Nottingham MIDI set in $DEST"
