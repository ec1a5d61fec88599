#!/usr/bin/env python3
"""Golden values for Tests/MusicAnalysisTests: kernel densities, overlaps and KL divergences.

An independent reference for MusicAnalysis's KernelDensity and DensityComparison, computed
with SciPy as the MGEval code of Yang and Lerch (2018) does it:
- density: `scipy.stats.gaussian_kde` with the bandwidth rule named ("scott" or "silverman");
- overlap: `scipy.integrate.quad` of min(p, q) over the whole line, from 10 bandwidths
  (the wider one) below the smallest sample of either set to 10 above the largest (MGEval's
  code stops at the samples, which halves the overlap of densities piled up at the ends);
- KL divergence: both densities at 1000 even points over the first set's range, then
  `scipy.stats.entropy(p, q)` (which normalises both to sum 1).

Usage (from the repository root; needs `pip install numpy scipy`):
    python3 scripts/golden/make_mgeval_golden.py
Writes Tests/Fixtures/MusicAnalysis/mgeval_golden.json. The samples are drawn from a seeded
NumPy generator and written with the results, so the output is reproducible.
"""
import json
import os

import numpy
from scipy import integrate, stats

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "Tests", "Fixtures", "MusicAnalysis")


def case(name, a, b, rule):
    a = numpy.asarray(a, dtype=float)
    b = numpy.asarray(b, dtype=float)
    p = stats.gaussian_kde(a, bw_method=rule)
    q = stats.gaussian_kde(b, bw_method=rule)
    low, high = min(a.min(), b.min()), max(a.max(), b.max())
    points = numpy.linspace(low, high, 7)
    reach = 10 * max(numpy.sqrt(p.covariance[0, 0]), numpy.sqrt(q.covariance[0, 0]))
    overlap, _ = integrate.quad(lambda x: min(p(x)[0], q(x)[0]), low - reach, high + reach,
                                limit=500, epsabs=1e-10, epsrel=1e-10)
    grid = numpy.linspace(a.min(), a.max(), 1000)
    divergence = stats.entropy(p(grid), q(grid))
    return {
        "name": name,
        "rule": rule,
        "a": a.tolist(),
        "b": b.tolist(),
        "bandwidthA": float(numpy.sqrt(p.covariance[0, 0])),
        "bandwidthB": float(numpy.sqrt(q.covariance[0, 0])),
        "points": points.tolist(),
        "densityA": p(points).tolist(),
        "densityB": q(points).tolist(),
        "overlap": float(overlap),
        "divergence": float(divergence),
    }


def main():
    random = numpy.random.default_rng(2018)
    cases = [
        case("small, shifted", [0.1, 0.5, 0.9, 1.3, 2.0], [0.4, 1.1, 1.5, 2.2, 2.6, 3.0], "scott"),
        case("same shape", random.normal(0, 1, 40), random.normal(0, 1, 60), "scott"),
        case("different spreads", random.normal(1, 0.5, 80), random.normal(1.5, 2, 50), "silverman"),
        case("distances of integers", numpy.abs(random.integers(0, 20, 200) - random.integers(0, 20, 200)),
             numpy.abs(random.integers(0, 30, 150) - random.integers(0, 20, 150)), "scott"),
        case("binned, far apart", random.gamma(2, 1, 1500), random.gamma(4, 1, 1200), "scott"),
    ]
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "mgeval_golden.json"), "w") as file:
        json.dump({"cases": cases}, file, indent=1)
        file.write("\n")


if __name__ == "__main__":
    main()
