"""numpy baseline for bench/cases/cases.bench.ts: the same business-case Monte Carlo, vectorised.

Per line: PERT (Vose, lambda 4) draws as low + (high - low) * Beta(alpha, beta); lines summed into
a (draws x years+1) cash-flow matrix; NPV = flows @ (1 + r)^-t; discounted payback from the
cumulative discounted flows, interpolated within the crossing year; IRR per draw as
numpy-financial 1.0 does it (np.roots of the polynomial in v = 1/(1+r), real positive roots,
the smallest non-negative rate, else the negative one closest to zero).
numpy-financial itself is not installed here, so its irr is reproduced in a few lines.
Prints ONE JSON object.

Usage: python3 business_numpy.py '<json: {"lines":[...], "years":N, "rate":r, "draws":D, "runs":R, "seed":S}>'
"""
import json
import sys
import time

import numpy as np


def irr(values):
    res = np.roots(values[::-1])
    mask = (res.imag == 0) & (res.real > 0)
    if not mask.any():
        return np.nan
    rates = 1.0 / res[mask].real - 1.0
    nonneg = rates[rates >= 0]
    if nonneg.size:
        return nonneg.min()
    return rates[np.argmin(np.abs(rates))]


def simulate(rng, lines, years, rate, draws, with_irr):
    T = years + 1
    flows = np.zeros((draws, T))
    for ln in lines:
        lo, ml, hi = ln["low"], ln["likely"], ln["high"]
        sign = -1.0 if ln["type"] == "cost" else 1.0
        if lo == hi:
            flows[:, ln["year"]] += sign * ml
            continue
        a = 1 + 4 * (ml - lo) / (hi - lo)
        b = 1 + 4 * (hi - ml) / (hi - lo)
        flows[:, ln["year"]] += sign * (lo + (hi - lo) * rng.beta(a, b, size=draws))
    disc = (1.0 + rate) ** -np.arange(T)
    dflows = flows * disc
    npv = dflows.sum(axis=1)
    cum = np.cumsum(dflows, axis=1)
    ok = cum >= 0
    first = np.where(ok.any(axis=1), ok.argmax(axis=1), -1)
    payback = np.full(draws, np.nan)
    idx = np.nonzero(first > 0)[0]
    t = first[idx]
    payback[idx] = t - 1 + np.minimum(1.0, -cum[idx, t - 1] / dflows[idx, t])
    payback[first == 0] = 0.0
    p = np.percentile(npv, [10, 50, 90])
    out = {"p10": p[0], "p50": p[1], "p90": p[2], "positive": float((npv > 0).mean())}
    if with_irr:
        irrs = np.array([irr(row) for row in flows])
        out["irrP50"] = float(np.nanpercentile(irrs, 50))
    return out


def timed(rng, cfg, with_irr):
    simulate(rng, cfg["lines"], cfg["years"], cfg["rate"], cfg["draws"], with_irr)  # warm-up
    times = []
    last = None
    for _ in range(int(cfg.get("runs", 7))):
        t0 = time.perf_counter()
        last = simulate(rng, cfg["lines"], cfg["years"], cfg["rate"], cfg["draws"], with_irr)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return times[len(times) // 2], last


def main():
    cfg = json.loads(sys.argv[1])
    rng = np.random.default_rng(int(cfg.get("seed", 1)))
    full_ms, full = timed(rng, cfg, True)
    vec_ms, _ = timed(rng, cfg, False)
    print(json.dumps({"name": "cases.business.numpy", "numpy": np.__version__, "medianMs": full_ms, "vectorisedNoIrrMs": vec_ms, "p50": full["p50"], "positive": full["positive"], "irrP50": full["irrP50"]}))


if __name__ == "__main__":
    main()
