#!/usr/bin/env python3
"""PyTorch peer of the stacked-LSTM generator, timed for training and sampling.

The same model as the Swift generator with `layers` > 1: embedding [V x E] with F fixed
per-step features appended (the LSTM's input is E + F), an `nn.LSTM` of L layers of H units
with dropout between layers, linear H -> V, start token 0.

Training is the Swift trainer's truncated back-propagation through time
(`GeneratorTrainer.truncatedStep`): each row of T positions is cut into chunks of `--chunk`
positions, run in order, each chunk one update (teacher forcing, the mean cross-entropy of its
counted tokens, gradients clipped to global norm 5.0, Adam lr 0.01) from the state the previous
chunk ended in, detached. With `--lengths`, row b holds a tune of lengths[b] tokens ending in
the end token 1, then padding 0: positions after the end carry no weight, and the chunks after
every row has ended are skipped. Sampling draws B sequences of T tokens one step at a time
(softmax, multinomial), every row all T steps.

Defaults are the default music model: L 2, H 128, E 64, F 24, V 81, B 32, T 512, chunk 128.
The dropout has no default: `seqgan-bench stacked-lstm` passes the one its own model trains
with (the default model's), and the rows' lengths (without `--lengths` every row fills T).

Usage:
  python3 torch_stacked_lstm.py PHASE [--repeats N] [--threads N] [--layers L]
      [--hidden H] [--embedding E] [--features F] [--vocabulary V] [--batch B]
      [--length T] [--chunk C] [--lengths N,N,...] --dropout P [--train-steps N] [--seed N]
  PHASE: train | sample | all

Each phase prints exactly one JSON line on stdout: phase, seconds (median of
--repeats timed runs after one untimed run), runs, tokens (per timed run: the counted
tokens of every update for training, B x T for sampling), tokens_per_second,
cpu_seconds (median process CPU time of a run, all threads), tokens_per_cpu_second,
threads, peak_memory_mib (the process's ru_maxrss so far); everything else goes to stderr.
"""

import argparse
import json
import os
import resource
import statistics
import sys
import time

# Spinning OpenMP threads lose their time slices on a shared machine (see
# torch_seqgan.py); must be set before torch loads libgomp.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import torch  # noqa: E402
import torch.nn as nn  # noqa: E402
import torch.nn.functional as F  # noqa: E402

START_TOKEN = 0
PADDING_TOKEN = 0
END_TOKEN = 1
LEARNING_RATE = 0.01
CLIP_NORM = 5.0


class StackedGenerator(nn.Module):
    """Embedding plus features, L-layer LSTM with dropout between layers, linear to V logits."""

    def __init__(self, vocabulary, embedding, features, hidden, layers, dropout):
        super().__init__()
        self.embedding = nn.Embedding(vocabulary, embedding)
        self.lstm = nn.LSTM(embedding + features, hidden, num_layers=layers, dropout=dropout)
        self.output = nn.Linear(hidden, vocabulary)
        for parameter in self.parameters():
            nn.init.normal_(parameter, std=0.1)

    def forward(self, tokens, features, state=None):
        """tokens [T, B], features [T, B, F] -> logits [T, B, V], final state."""
        inputs = self.embedding(tokens)
        if features.shape[-1] > 0:
            inputs = torch.cat([inputs, features], dim=-1)
        hidden, state = self.lstm(inputs, state)
        return self.output(hidden), state


def peak_memory_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # Linux: KiB


def timed(repeats, body):
    """Median wall seconds, every run's wall seconds, median CPU seconds (all threads)."""
    body()
    runs = []
    cpu = []
    for _ in range(max(1, repeats)):
        start, cpu_start = time.perf_counter(), time.process_time()
        body()
        runs.append(time.perf_counter() - start)
        cpu.append(time.process_time() - cpu_start)
    return statistics.median(runs), runs, statistics.median(cpu)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("phase", choices=["train", "sample", "all"])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2, help="torch.set_num_threads (intra-op threads)")
    parser.add_argument("--layers", type=int, default=2)
    parser.add_argument("--hidden", type=int, default=128)
    parser.add_argument("--embedding", type=int, default=64)
    parser.add_argument("--features", type=int, default=24, help="per-step features beside the embedding")
    parser.add_argument("--vocabulary", type=int, default=81)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--length", type=int, default=512, help="T, positions per row")
    parser.add_argument("--chunk", type=int, default=128, help="positions per truncated-BPTT update")
    parser.add_argument("--lengths", default="", help="comma-separated tune length of each row (end token included)")
    parser.add_argument("--dropout", type=float, required=True, help="between layers, as the Swift model's")
    parser.add_argument("--train-steps", type=int, default=4, help="batches per timed run")
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    torch.set_num_threads(arguments.threads)
    torch.manual_seed(arguments.seed)

    v, b, t, f = arguments.vocabulary, arguments.batch, arguments.length, arguments.features
    chunk = min(arguments.chunk, t)
    lengths = [int(n) for n in arguments.lengths.split(",")] if arguments.lengths else [t] * b
    if len(lengths) != b or not all(1 <= n <= t for n in lengths):
        parser.error(f"--lengths needs {b} lengths in 1...{t}")
    model = StackedGenerator(v, arguments.embedding, f, arguments.hidden, arguments.layers, arguments.dropout)
    optimizer = torch.optim.Adam(model.parameters(), lr=LEARNING_RATE)
    data = torch.randint(2, v, (t, b))
    weights = torch.zeros(t, b)
    for row, n in enumerate(lengths):
        weights[:n, row] = 1
        if arguments.lengths:
            data[n - 1, row] = END_TOKEN
            data[n:, row] = PADDING_TOKEN
    inputs = torch.cat([torch.full((1, b), START_TOKEN, dtype=torch.long), data[:-1]])
    features = torch.randn(t, b, f)
    phases = ["train", "sample"] if arguments.phase == "all" else [arguments.phase]
    counted_per_batch = sum(lengths)

    def train():
        model.train()
        for _ in range(arguments.train_steps):
            state = None
            for start in range(0, t, chunk):
                end = min(t, start + chunk)
                w = weights[start:end]
                counted = w.sum()
                if counted == 0:
                    break
                optimizer.zero_grad()
                logits, state = model(inputs[start:end], features[start:end], state)
                state = tuple(s.detach() for s in state)
                losses = F.cross_entropy(logits.reshape(-1, v), data[start:end].reshape(-1), reduction="none")
                loss = (losses * w.reshape(-1)).sum() / counted
                loss.backward()
                nn.utils.clip_grad_norm_(model.parameters(), CLIP_NORM)
                optimizer.step()

    def sample():
        model.eval()
        with torch.no_grad():
            token = torch.full((1, b), START_TOKEN, dtype=torch.long)
            state = None
            out = torch.empty((t, b), dtype=torch.long)
            for step in range(t):
                logits, state = model(token, features[step:step + 1], state)
                token = torch.multinomial(F.softmax(logits[0], dim=-1), 1).reshape(1, b)
                out[step] = token[0]
        return out

    for phase in phases:
        print(f"timing {phase} ...", file=sys.stderr)
        if phase == "train":
            seconds, runs, cpu_seconds = timed(arguments.repeats, train)
            tokens = arguments.train_steps * counted_per_batch
        else:
            seconds, runs, cpu_seconds = timed(arguments.repeats, sample)
            tokens = b * t
        record = {
            "phase": phase, "seconds": seconds, "runs": runs, "tokens": tokens,
            "tokens_per_second": tokens / seconds,
            "cpu_seconds": cpu_seconds, "tokens_per_cpu_second": tokens / cpu_seconds,
            "threads": torch.get_num_threads(), "peak_memory_mib": peak_memory_mib(),
            "layers": arguments.layers, "hidden": arguments.hidden, "embedding": arguments.embedding,
            "features": f, "vocabulary": v, "batch": b, "length": t, "chunk": chunk,
            "dropout": arguments.dropout,
        }
        print(json.dumps(record), flush=True)


if __name__ == "__main__":
    main()
