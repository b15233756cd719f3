"""numpy baseline for bench/core/fair.bench.ts: the same FAIR Monte Carlo, vectorised.

For every (year, scenario) cell: N ~ Poisson(rate); then one lognormal loss per event
(all events at once), summed per year with np.bincount. Prints ONE JSON object.

Usage: python3 fair_numpy.py ['<json: {"scenarios":[{frequency,low,high}], "years":N, "runs":R, "seed":S}>']
Without an argument it runs the ten scenarios of fair.bench.ts (kept in step by hand) for 100,000 years.
"""
import json
import math
import sys
import time

import numpy as np

Z95 = 1.6448536269514722


def simulate(rng, rates, mus, sigmas, years):
    s = len(rates)
    counts = rng.poisson(rates, size=(years, s)).ravel()  # row-major: year, then scenario
    mu_rep = np.repeat(np.tile(mus, years), counts)
    sigma_rep = np.repeat(np.tile(sigmas, years), counts)
    losses = rng.lognormal(mu_rep, sigma_rep)
    year_of_event = np.repeat(np.repeat(np.arange(years), s), counts)
    return np.bincount(year_of_event, weights=losses, minlength=years)


DEFAULT_SCENARIOS = [
    {"frequency": 0.05, "low": 500_000, "high": 20_000_000},
    {"frequency": 0.1, "low": 100_000, "high": 1_000_000},
    {"frequency": 0.2, "low": 50_000, "high": 2_000_000},
    {"frequency": 0.5, "low": 10_000, "high": 250_000},
    {"frequency": 1, "low": 5_000, "high": 80_000},
    {"frequency": 2, "low": 1_000, "high": 30_000},
    {"frequency": 4, "low": 500, "high": 10_000},
    {"frequency": 0.3, "low": 20_000, "high": 400_000},
    {"frequency": 12, "low": 100, "high": 2_000},
    {"frequency": 0.8, "low": 2_000, "high": 60_000},
]


def main():
    cfg = json.loads(sys.argv[1]) if len(sys.argv) > 1 else {"scenarios": DEFAULT_SCENARIOS, "years": 100_000}
    scenarios = cfg["scenarios"]
    years = int(cfg["years"])
    runs = int(cfg.get("runs", 7))
    seed = int(cfg.get("seed", 1))
    rates = np.array([sc["frequency"] for sc in scenarios], dtype=float)
    mus = np.array([(math.log(sc["low"]) + math.log(sc["high"])) / 2 for sc in scenarios])
    sigmas = np.array([(math.log(sc["high"]) - math.log(sc["low"])) / (2 * Z95) for sc in scenarios])

    rng = np.random.default_rng(seed)
    simulate(rng, rates, mus, sigmas, years)  # warm-up
    times = []
    total = None
    for _ in range(runs):
        t0 = time.perf_counter()
        total = simulate(rng, rates, mus, sigmas, years)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    print(json.dumps({
        "name": "core.fair.numpy",
        "numpy": np.__version__,
        "scenarios": len(scenarios),
        "years": years,
        "runs": runs,
        "medianMs": times[len(times) // 2],
        "meanAnnualLoss": float(total.mean()),
    }))


if __name__ == "__main__":
    main()
