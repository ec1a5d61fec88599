#!/usr/bin/env python3
"""Peer for `seqgan-bench bleu`: NLTK's sentence BLEU of the first K hypotheses.

Usage: nltk_bleu.py REFERENCES HYPOTHESES N K [--self]
Files hold one whitespace-tokenized sequence per line. Every hypothesis is scored against the
whole reference set with uniform weights and SmoothingFunction().method1, as `seqgan bleu`
does. With --self, HYPOTHESES is ignored and the first K lines of REFERENCES are each scored
against all the other lines (self-BLEU). Prints one JSON object: seconds (scoring only, file
reading excluded), the number scored, and the per-hypothesis scores.
"""
import json
import sys
import time
import warnings

from nltk.translate.bleu_score import SmoothingFunction, sentence_bleu

warnings.filterwarnings("ignore")


def read(path):
    with open(path, encoding="utf-8") as file:
        lines = file.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.split() for line in lines]


def main():
    references_path, hypotheses_path, n, count = sys.argv[1:5]
    n, count = int(n), int(count)
    self_bleu = "--self" in sys.argv[5:]
    references = read(references_path)
    weights = (1.0 / n,) * n
    method1 = SmoothingFunction().method1
    start = time.perf_counter()
    if self_bleu:
        scores = [sentence_bleu(references[:i] + references[i + 1:], references[i],
                                weights=weights, smoothing_function=method1)
                  for i in range(count)]
    else:
        hypotheses = read(hypotheses_path)[:count]
        scores = [sentence_bleu(references, h, weights=weights, smoothing_function=method1)
                  for h in hypotheses]
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "count": len(scores), "scores": scores}))


if __name__ == "__main__":
    main()
