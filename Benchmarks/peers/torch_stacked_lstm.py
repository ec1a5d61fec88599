#!/usr/bin/env python3
"""PyTorch peer of the stacked-LSTM generator, timed for training and sampling.

The same model as the Swift generator with `layers` > 1: embedding [V x E], an
`nn.LSTM` of L layers of H units with dropout between layers, linear H -> V,
start token 0; MLE training on [B, T] sequences (teacher forcing, mean
cross-entropy, gradients clipped to global norm 5.0, Adam lr 0.01), and
sampling of B sequences of T tokens one step at a time (softmax, multinomial).
Defaults are the music size: L 2, H 256, E 64, V 100, B 32, T 256, dropout 0.2.

Usage:
  python3 torch_stacked_lstm.py PHASE [--repeats N] [--threads N] [--layers L]
      [--hidden H] [--embedding E] [--vocabulary V] [--batch B] [--length T]
      [--dropout P] [--train-steps N] [--seed N]
  PHASE: train | sample | all

Each phase prints exactly one JSON line on stdout: phase, seconds (median of
--repeats timed runs after one untimed run), runs, tokens_per_second,
cpu_seconds (median process CPU time of a run, all threads),
tokens_per_cpu_second, threads, peak_memory_mib (the process's ru_maxrss so
far); everything else goes to stderr.
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
LEARNING_RATE = 0.01
CLIP_NORM = 5.0


class StackedGenerator(nn.Module):
    """Embedding, L-layer LSTM with dropout between layers, linear to V logits."""

    def __init__(self, vocabulary, embedding, hidden, layers, dropout):
        super().__init__()
        self.embedding = nn.Embedding(vocabulary, embedding)
        self.lstm = nn.LSTM(embedding, hidden, num_layers=layers, dropout=dropout)
        self.output = nn.Linear(hidden, vocabulary)
        for parameter in self.parameters():
            nn.init.normal_(parameter, std=0.1)

    def forward(self, tokens, state=None):
        """tokens [T, B] -> logits [T, B, V], final state."""
        hidden, state = self.lstm(self.embedding(tokens), state)
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
    parser.add_argument("--hidden", type=int, default=256)
    parser.add_argument("--embedding", type=int, default=64)
    parser.add_argument("--vocabulary", type=int, default=100)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--length", type=int, default=256)
    parser.add_argument("--dropout", type=float, default=0.2)
    parser.add_argument("--train-steps", type=int, default=4, help="updates per timed run")
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    torch.set_num_threads(arguments.threads)
    torch.manual_seed(arguments.seed)

    v, b, t = arguments.vocabulary, arguments.batch, arguments.length
    model = StackedGenerator(v, arguments.embedding, arguments.hidden, arguments.layers, arguments.dropout)
    optimizer = torch.optim.Adam(model.parameters(), lr=LEARNING_RATE)
    data = torch.randint(1, v, (t, b))
    inputs = torch.cat([torch.full((1, b), START_TOKEN, dtype=torch.long), data[:-1]])
    phases = ["train", "sample"] if arguments.phase == "all" else [arguments.phase]

    def train():
        model.train()
        for _ in range(arguments.train_steps):
            optimizer.zero_grad()
            logits, _ = model(inputs)
            loss = F.cross_entropy(logits.reshape(-1, v), data.reshape(-1))
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
                logits, state = model(token, state)
                token = torch.multinomial(F.softmax(logits[0], dim=-1), 1).reshape(1, b)
                out[step] = token[0]
        return out

    for phase in phases:
        print(f"timing {phase} ...", file=sys.stderr)
        if phase == "train":
            seconds, runs, cpu_seconds = timed(arguments.repeats, train)
            tokens = arguments.train_steps * b * t
        else:
            seconds, runs, cpu_seconds = timed(arguments.repeats, sample)
            tokens = b * t
        record = {
            "phase": phase, "seconds": seconds, "runs": runs, "tokens_per_second": tokens / seconds,
            "cpu_seconds": cpu_seconds, "tokens_per_cpu_second": tokens / cpu_seconds,
            "threads": torch.get_num_threads(), "peak_memory_mib": peak_memory_mib(),
            "layers": arguments.layers, "hidden": arguments.hidden, "embedding": arguments.embedding,
            "vocabulary": v, "batch": b, "length": t, "dropout": arguments.dropout,
        }
        print(json.dumps(record), flush=True)


if __name__ == "__main__":
    main()
