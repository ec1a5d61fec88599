#!/usr/bin/env python3
"""PyTorch peer for `seqgan-bench discriminator`: the same SeqGAN discriminator (Kim-2014
text CNN as in the released code: embedding 64, the 12 filter banks of T = 20 with 1,720
maps, ReLU, max over time, one highway layer, dropout 0.75, linear to 2 classes, softmax
cross-entropy + 0.2 * l2_loss on the last layer, Adam 1e-4), written the way a PyTorch
port writes it (Conv2d over the [T, E] "image" per bank, dense Adam), timed on the same
work as the Swift benchmark: one training epoch over N real + N generated sequences of
uniform random tokens in batches of 64, and scoring M sequences with dropout off.

Usage:
    python3 discriminator_torch.py [--count N] [--score-count M] [--threads 2]

Prints two lines: `epoch_seconds <s>` (for 2 N sequences) and `score_seconds <s>`.
"""

import argparse
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

WINDOWS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 20]
COUNTS = [100, 200, 200, 200, 200, 100, 100, 100, 100, 100, 160, 160]


class Discriminator(nn.Module):
    def __init__(self, vocabulary, embedding=64):
        super().__init__()
        self.embedding = nn.Embedding(vocabulary, embedding)
        self.convolutions = nn.ModuleList(
            nn.Conv2d(1, n, (w, embedding)) for w, n in zip(WINDOWS, COUNTS))
        total = sum(COUNTS)
        self.transform = nn.Linear(total, total)
        self.gate = nn.Linear(total, total)
        self.dropout = nn.Dropout(0.25)
        self.output = nn.Linear(total, 2)

    def forward(self, tokens):
        x = self.embedding(tokens).unsqueeze(1)  # [B, 1, T, E]
        pooled = [F.relu(c(x)).squeeze(3).max(dim=2).values for c in self.convolutions]
        h = torch.cat(pooled, 1)
        t = torch.sigmoid(self.gate(h))
        h = t * F.relu(self.transform(h)) + (1 - t) * h
        return self.output(self.dropout(h))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--score-count", type=int, default=19 * 16 * 64)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--vocabulary", type=int, default=5000)
    arguments = parser.parse_args()
    torch.set_num_threads(arguments.threads)
    torch.manual_seed(1)
    model = Discriminator(arguments.vocabulary)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)
    n = arguments.count
    data = torch.randint(0, arguments.vocabulary, (2 * n, 20))
    labels = torch.cat([torch.ones(n, dtype=torch.long), torch.zeros(n, dtype=torch.long)])

    model.train()
    start = time.perf_counter()
    order = torch.randperm(2 * n)
    for first in range(0, 2 * n - 63, 64):
        batch = order[first:first + 64]
        logits = model(data[batch])
        loss = F.cross_entropy(logits, labels[batch])
        loss = loss + 0.2 * (model.output.weight.pow(2).sum() + model.output.bias.pow(2).sum()) / 2
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    print(f"epoch_seconds {time.perf_counter() - start:.3f}")

    model.eval()
    sequences = torch.randint(0, arguments.vocabulary, (arguments.score_count, 20))
    start = time.perf_counter()
    with torch.no_grad():
        for first in range(0, arguments.score_count, 1024):
            torch.softmax(model(sequences[first:first + 1024]), 1)[:, 1]
    print(f"score_seconds {time.perf_counter() - start:.3f}")


if __name__ == "__main__":
    main()
