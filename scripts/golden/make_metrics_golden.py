#!/usr/bin/env python3
"""Golden values for Tests/MetricsTests, computed with independent references.

BLEU and self-BLEU come from NLTK's `sentence_bleu` (uniform weights, smoothing
`SmoothingFunction().method1` or none), the Welch t-test and the Student-t / incomplete-beta
functions from SciPy, the music MSE from a direct NumPy transcription of the definition in
docs/evaluation.md.

Usage (from the repository root; needs `pip install nltk scipy numpy`):
    python3 scripts/golden/make_metrics_golden.py [--poems ../shared/corpora/poems]
Writes Tests/Fixtures/Metrics/bleu_golden.json and statistics_golden.json.
Every random choice is seeded, so the output is reproducible.
"""
import argparse
import json
import math
import os
import random
import warnings

import nltk
import numpy
import scipy
from nltk.translate.bleu_score import SmoothingFunction, sentence_bleu
from scipy import special, stats

warnings.filterwarnings("ignore")  # NLTK warns for every zero n-gram count without smoothing
METHOD1 = SmoothingFunction().method1
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "Fixtures", "Metrics")


def bleu(references, hypothesis, n, smoothing):
    weights = (1.0 / n,) * n
    function = METHOD1 if smoothing == "method1" else None
    return float(sentence_bleu(references, hypothesis, weights=weights,
                               smoothing_function=function))


def bleu_case(name, references, hypotheses, n, smoothing):
    scores = [bleu(references, h, n, smoothing) for h in hypotheses]
    return {"name": name, "n": n, "smoothing": smoothing, "references": references,
            "hypotheses": hypotheses, "scores": scores, "mean": math.fsum(scores) / len(scores)}


def self_bleu_case(name, samples, n, smoothing):
    scores = [bleu(samples[:i] + samples[i + 1:], h, n, smoothing) for i, h in enumerate(samples)]
    return {"name": name, "n": n, "smoothing": smoothing, "samples": samples,
            "scores": scores, "mean": math.fsum(scores) / len(scores)}


def random_sequences(rng, count, vocabulary, min_length, max_length):
    return [[f"t{rng.randrange(vocabulary)}" for _ in range(rng.randint(min_length, max_length))]
            for _ in range(count)]


def poem_lines(path):
    with open(path, encoding="utf-8") as file:
        return [line.split() for line in file.read().split("\n") if line.strip()]


def bleu_cases(poems_folder):
    rng = random.Random(20170204)
    cases = []
    both = ("method1", "none")
    # Hand-made edge cases.
    for s in both:
        for n in (1, 2, 3, 4, 5):
            cases.append(bleu_case(f"edge-empty-and-short-n{n}-{s}",
                                   [["a", "b", "c", "d"], ["a", "b"], []],
                                   [[], ["a"], ["b", "a"], ["z"], ["a", "b", "c"],
                                    ["a", "a", "a", "a", "a", "a"], ["a", "b", "c", "d", "e"],
                                    ["c", "d", "a", "b", "c", "d", "a", "b"]], n, s))
        cases.append(bleu_case(f"edge-length-ties-{s}",
                               [["a"] * 3, ["b"] * 7, ["a", "b", "c", "d", "e"]],
                               [["a"] * 5, ["a", "b"], ["b"] * 10, ["a", "b", "c", "d"]], 2, s))
        cases.append(bleu_case(f"edge-clipping-max-over-references-{s}",
                               [["the", "cat", "the", "cat", "on", "the", "mat"],
                                ["the", "the", "the", "a", "cat"],
                                ["there", "is", "a", "cat", "on", "the", "mat"]],
                               [["the"] * 7, ["the", "cat", "the", "cat", "the", "cat"],
                                ["a", "cat", "on", "the", "mat", "the", "the"]], 4, s))
    # Random token sequences over small vocabularies (many partial matches).
    for index in range(16):
        vocabulary = rng.choice((3, 5, 10, 40))
        references = random_sequences(rng, rng.randint(1, 60), vocabulary, 0, 14)
        hypotheses = random_sequences(rng, rng.randint(1, 25), vocabulary, 0, 14)
        n = rng.randint(1, 5)
        cases.append(bleu_case(f"random-{index}-v{vocabulary}-n{n}", references, hypotheses, n,
                               both[index % 2]))
    # Real poems: hypotheses from the training file against a slice of the test file.
    if poems_folder:
        train = poem_lines(os.path.join(poems_folder, "quatrains5_train.txt"))
        test = poem_lines(os.path.join(poems_folder, "quatrains5_test.txt"))
        references = test[:400]
        hypotheses = rng.sample(train, 40)
        # Cut some hypotheses so that the brevity penalty and short cases occur on real text.
        hypotheses = [h if i % 3 else h[: rng.randint(1, 19)] for i, h in enumerate(hypotheses)]
        for n in (2, 3, 4):
            for s in both:
                cases.append(bleu_case(f"poems-n{n}-{s}", references, hypotheses, n, s))
    return cases


def self_bleu_cases(poems_folder):
    rng = random.Random(7)
    cases = []
    for index in range(6):
        samples = random_sequences(rng, rng.randint(2, 30), rng.choice((4, 8, 30)), 0, 12)
        cases.append(self_bleu_case(f"self-random-{index}", samples, rng.randint(1, 4),
                                    ("method1", "none")[index % 2]))
    cases.append(self_bleu_case("self-duplicates", [["a", "b", "c"], ["a", "b", "c"], ["a", "b"],
                                                   ["c", "a", "b", "c"], ["a", "b", "c"]], 3,
                                "method1"))
    cases.append(self_bleu_case("self-two-samples", [["x", "y", "x"], ["y", "x", "x", "y"]], 2,
                                "none"))
    if poems_folder:
        samples = rng.sample(poem_lines(os.path.join(poems_folder, "quatrains5_test.txt")), 60)
        cases.append(self_bleu_case("self-poems-n2", samples, 2, "method1"))
    return cases


def statistics_cases():
    rng = numpy.random.default_rng(12345)
    welch = []
    for index in range(12):
        size_a, size_b = int(rng.integers(2, 60)), int(rng.integers(2, 60))
        a = rng.normal(0.7, rng.uniform(0.01, 0.2), size_a)
        b = rng.normal(0.7 + rng.uniform(-0.1, 0.1), rng.uniform(0.01, 0.2), size_b)
        result = stats.ttest_ind(a, b, equal_var=False)
        welch.append({"a": a.tolist(), "b": b.tolist(), "t": float(result.statistic),
                      "pValue": float(result.pvalue),
                      "degreesOfFreedom": float(result.df)})
    beta = []
    for a, b, x in ((0.5, 0.5, 0.3), (1, 1, 0.42), (2, 3, 0.01), (2, 3, 0.99), (10, 0.5, 0.9),
                    (0.5, 40, 0.02), (150, 200, 0.43), (3.7, 1.2, 0.75), (25, 25, 0.5),
                    (1e-3, 2, 0.5), (500, 0.5, 0.999), (0.2, 0.3, 1e-6)):
        beta.append({"a": a, "b": b, "x": x, "value": float(special.betainc(a, b, x))})
    student = []
    for t, df in ((0.0, 3), (1.5, 1), (-2.3, 2.5), (4.0, 10), (-7.5, 30.7), (0.3, 1000),
                  (12.0, 4.2), (-40.0, 60), (2.1, 0.8)):
        student.append({"t": t, "degreesOfFreedom": df, "cdf": float(stats.t.cdf(t, df))})
    mse = []
    for index in range(5):
        length = int(rng.integers(1, 33))
        generated = rng.integers(0, 89, (int(rng.integers(1, 20)), length))
        test = rng.integers(0, 89, (int(rng.integers(1, 40)), length))
        squared = ((generated[:, None, :] - test[None, :, :]) ** 2).mean(axis=2)
        per_sample = squared.min(axis=1)
        mse.append({"generated": generated.tolist(), "test": test.tolist(),
                    "perSample": per_sample.tolist(), "mean": float(per_sample.mean())})
    return {"welch": welch, "incompleteBeta": beta, "studentCDF": student, "musicMSE": mse}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default_poems = os.path.join(os.path.dirname(ROOT), "shared", "corpora", "poems")
    parser.add_argument("--poems", default=default_poems,
                        help="folder with quatrains5_train.txt and quatrains5_test.txt")
    arguments = parser.parse_args()
    poems = arguments.poems if os.path.isdir(arguments.poems) else None
    versions = {"nltk": nltk.__version__, "scipy": scipy.__version__, "numpy": numpy.__version__}
    with open(os.path.join(OUT, "bleu_golden.json"), "w", encoding="utf-8") as file:
        json.dump({"generator": "scripts/golden/make_metrics_golden.py", "versions": versions,
                   "bleu": bleu_cases(poems), "selfBLEU": self_bleu_cases(poems)},
                  file, ensure_ascii=False, separators=(",", ":"))
        file.write("\n")
    with open(os.path.join(OUT, "statistics_golden.json"), "w", encoding="utf-8") as file:
        json.dump({"generator": "scripts/golden/make_metrics_golden.py", "versions": versions,
                   **statistics_cases()}, file, separators=(",", ":"))
        file.write("\n")


if __name__ == "__main__":
    main()
