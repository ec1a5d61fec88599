#!/usr/bin/env python3
"""Independent NumPy reference for the SeqGAN oracle's per-token NLL.

Reads the oracle safetensors file by hand (8-byte little-endian header length,
JSON header, raw little-endian float32 data; no torch, no safetensors package),
runs the oracle LSTM with teacher forcing over every sequence of a token file
(one sequence per line, space-separated ids, all lines the same length), and
prints the mean over sequences and positions of -log p_oracle(y_t | y_<t).

The equations are the row-vector ones of ../shared/oracle/README.md, evaluated
with the separate per-gate matrices (Wi, Ui, bi, ...) exactly as named there,
so this script shares no weight-mapping code with torch_seqgan.py. All
arithmetic is done in float64 (weights widened from their stored float32), so
the result is a golden value for lower-precision implementations.

Usage:
    python3 oracle_nll_numpy.py TOKENS.txt [--oracle PATH] [--batch N]

The number alone is printed on the last line of stdout, with full float64
precision (repr), e.g. 5.760906...
"""

import argparse
import json
import os
import struct
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_ORACLE = os.path.normpath(
    os.path.join(HERE, "..", "..", "..", "shared", "oracle", "seqgan-oracle.safetensors"))

ORACLE_NAMES = ("g_embeddings", "Wi", "Ui", "bi", "Wf", "Uf", "bf",
                "Wog", "Uog", "bog", "Wc", "Uc", "bc", "Wo", "bo")


class InputError(Exception):
    """A malformed input file; the message names the file and the position."""


def read_safetensors_f32(path):
    """Returns {name: float32 ndarray} for every tensor of a safetensors file."""
    with open(path, "rb") as handle:
        blob = handle.read()
    if len(blob) < 8:
        raise InputError(f"{path}: file is {len(blob)} bytes, shorter than the 8-byte header length")
    (header_length,) = struct.unpack("<Q", blob[:8])
    if header_length > len(blob) - 8:
        raise InputError(f"{path}: header length {header_length} exceeds the file size {len(blob)}")
    try:
        header = json.loads(blob[8:8 + header_length].decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(f"{path}: header at bytes 8..{8 + header_length} is not JSON: {error}")
    data = blob[8 + header_length:]
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        if entry.get("dtype") != "F32":
            raise InputError(f"{path}: tensor {name!r} has dtype {entry.get('dtype')!r}, expected 'F32'")
        shape = tuple(int(d) for d in entry["shape"])
        begin, end = (int(x) for x in entry["data_offsets"])
        count = int(np.prod(shape)) if shape else 1
        if not (0 <= begin <= end <= len(data)) or end - begin != 4 * count:
            raise InputError(
                f"{path}: tensor {name!r} data_offsets [{begin}, {end}] do not fit shape {list(shape)} "
                f"in a data section of {len(data)} bytes")
        tensors[name] = np.frombuffer(data, dtype="<f4", count=count, offset=begin).reshape(shape)
    return tensors


def load_oracle(path):
    tensors = read_safetensors_f32(path)
    missing = [name for name in ORACLE_NAMES if name not in tensors]
    if missing:
        raise InputError(f"{path}: missing oracle tensors {missing}")
    vocab, embed = tensors["g_embeddings"].shape
    hidden = tensors["Ui"].shape[0]
    expected = {"g_embeddings": (vocab, embed), "Wo": (hidden, vocab), "bo": (vocab,)}
    for gate in ("i", "f", "og", "c"):
        expected["W" + gate] = (embed, hidden)
        expected["U" + gate] = (hidden, hidden)
        expected["b" + gate] = (hidden,)
    for name, shape in expected.items():
        if tensors[name].shape != shape:
            raise InputError(f"{path}: tensor {name!r} has shape {list(tensors[name].shape)}, expected {list(shape)}")
    return {name: tensors[name].astype(np.float64) for name in expected}


def read_tokens(path, vocab):
    rows = []
    with open(path, "r", encoding="utf-8") as handle:
        for line_number, line in enumerate(handle, start=1):
            fields = line.split()
            if not fields:
                continue
            try:
                row = [int(field) for field in fields]
            except ValueError:
                raise InputError(f"{path}:{line_number}: not a list of integer token ids: {line.strip()[:60]!r}")
            if rows and len(row) != len(rows[0]):
                raise InputError(f"{path}:{line_number}: {len(row)} tokens, expected {len(rows[0])} like line 1")
            for column, token in enumerate(row, start=1):
                if not 0 <= token < vocab:
                    raise InputError(f"{path}:{line_number}: token {column} is {token}, outside 0..{vocab - 1}")
            rows.append(row)
    if not rows:
        raise InputError(f"{path}: no sequences")
    return np.asarray(rows, dtype=np.int64)


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def per_sequence_nll(oracle, tokens, start_token=0):
    """Returns [N] float64: each sequence's mean over t of -log p(y_t | y_<t)."""
    count, length = tokens.shape
    hidden = oracle["Ui"].shape[0]
    h = np.zeros((count, hidden))
    c = np.zeros((count, hidden))
    x = np.repeat(oracle["g_embeddings"][start_token][None, :], count, axis=0)
    total = np.zeros(count)
    rows = np.arange(count)
    for t in range(length):
        i = sigmoid(x @ oracle["Wi"] + h @ oracle["Ui"] + oracle["bi"])
        f = sigmoid(x @ oracle["Wf"] + h @ oracle["Uf"] + oracle["bf"])
        o = sigmoid(x @ oracle["Wog"] + h @ oracle["Uog"] + oracle["bog"])
        g = np.tanh(x @ oracle["Wc"] + h @ oracle["Uc"] + oracle["bc"])
        c = f * c + i * g
        h = o * np.tanh(c)
        logits = h @ oracle["Wo"] + oracle["bo"]
        peak = logits.max(axis=1)
        log_normaliser = peak + np.log(np.exp(logits - peak[:, None]).sum(axis=1))
        total += log_normaliser - logits[rows, tokens[:, t]]
        x = oracle["g_embeddings"][tokens[:, t]]
    return total / length


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tokens", help="token file: one sequence per line, space-separated ids")
    parser.add_argument("--oracle", default=DEFAULT_ORACLE, help="oracle safetensors (default: %(default)s)")
    parser.add_argument("--batch", type=int, default=1024, help="sequences per NumPy batch (memory only)")
    arguments = parser.parse_args()
    try:
        oracle = load_oracle(arguments.oracle)
        tokens = read_tokens(arguments.tokens, vocab=oracle["g_embeddings"].shape[0])
    except (InputError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    nll = np.concatenate([per_sequence_nll(oracle, tokens[begin:begin + arguments.batch])
                          for begin in range(0, len(tokens), arguments.batch)])
    print(f"sequences: {tokens.shape[0]}, length: {tokens.shape[1]}", file=sys.stderr)
    print(repr(float(nll.mean())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
