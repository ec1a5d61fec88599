#!/usr/bin/env bash
# The README's main job on the bundled default. Usage: scripts/demo.sh SEQGAN OUT_DIR
set -euo pipefail
seqgan=${1:-.build/release/seqgan}
out=${2:-demo-out}
mkdir -p "$out"
"$seqgan" --help
