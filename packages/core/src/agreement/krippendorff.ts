/** Level of measurement of the values, which chooses the difference function δ² of alpha. */
export type AlphaLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

const LEVELS: readonly AlphaLevel[] = ['nominal', 'ordinal', 'interval', 'ratio'];

/**
 * Krippendorff's alpha reliability coefficient, α = 1 − D_o / D_e, via the coincidence matrix.
 *
 * `data[observer][unit]`: rows are observers (coders), columns are units; `null` is a missing
 * value. Only units with at least two values are pairable. With n_u values in unit u, every
 * ordered pair of values (c, k) in u adds 1/(n_u − 1) to the coincidence o_ck; n_c = Σ_k o_ck,
 * n = Σ_c n_c, and α = 1 − (n − 1) Σ o_ck δ²_ck / Σ n_c n_k δ²_ck with
 * - nominal: δ² = 0 if c = k else 1;
 * - ordinal: δ²_ck = (Σ_{g from c to k} n_g − (n_c + n_k)/2)² over the sorted distinct values;
 * - interval: (c − k)²;
 * - ratio: ((c − k)/(c + k))² (values must be ≥ 0).
 *
 * Invariants: α = 1 for perfect agreement, 0 for agreement at chance level, may be negative;
 * α ≤ 1. RangeError for ragged rows, non-finite values, no pairable unit, or no variation among
 * the pairable values (D_e = 0, where α is undefined).
 * Source: K. Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011),
 * https://repository.upenn.edu/asc_papers/43; Content Analysis (2004) ch. 11.
 * @example the paper's 4 × 12 example with missing data gives nominal 0.743, ordinal 0.815,
 *   interval 0.849, ratio 0.797.
 */
export function krippendorffAlpha(data: (number | null)[][], level: AlphaLevel): number {
  if (!LEVELS.includes(level)) throw new RangeError(`level: must be one of ${LEVELS.join(', ')}, got ${String(level)}`);
  if (!Array.isArray(data) || data.length === 0) throw new RangeError('data: must be a non-empty array of observers');
  const units = data[0]!.length;
  data.forEach((row, r) => {
    if (!Array.isArray(row) || row.length !== units) throw new RangeError(`data: row ${r} must have ${units} units like row 0`);
    row.forEach((v, u) => {
      if (v === null) return;
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`data: value at [${r}][${u}] must be a finite number or null, got ${String(v)}`);
      if (level === 'ratio' && v < 0) throw new RangeError(`data: ratio values must be >= 0, got ${v} at [${r}][${u}]`);
    });
  });

  // Distinct values among pairable units, and per-unit counts.
  const perUnit: Map<number, number>[] = [];
  const distinct = new Set<number>();
  for (let u = 0; u < units; u++) {
    const counts = new Map<number, number>();
    let m = 0;
    for (const row of data) {
      const v = row[u];
      if (v === null || v === undefined) continue;
      counts.set(v, (counts.get(v) ?? 0) + 1);
      m++;
    }
    if (m >= 2) {
      perUnit.push(counts);
      for (const v of counts.keys()) distinct.add(v);
    }
  }
  if (perUnit.length === 0) throw new RangeError('data: no unit has two or more values, nothing is pairable');
  const values = [...distinct].sort((a, b) => a - b);
  const index = new Map(values.map((v, i) => [v, i]));
  const V = values.length;

  // Coincidence matrix.
  const o = Array.from({ length: V }, () => new Array<number>(V).fill(0));
  for (const counts of perUnit) {
    let m = 0;
    for (const c of counts.values()) m += c;
    for (const [vc, nc] of counts) {
      const ic = index.get(vc)!;
      for (const [vk, nk] of counts) {
        const ik = index.get(vk)!;
        o[ic]![ik]! += (ic === ik ? nc * (nc - 1) : nc * nk) / (m - 1);
      }
    }
  }
  const nc = o.map((row) => row.reduce((a, b) => a + b, 0));
  const n = nc.reduce((a, b) => a + b, 0);

  // Cumulative marginals for the ordinal metric.
  const cum = [0];
  for (let i = 0; i < V; i++) cum.push(cum[i]! + nc[i]!);
  const delta2 = (i: number, j: number): number => {
    if (i === j) return 0;
    const c = values[i]!;
    const k = values[j]!;
    switch (level) {
      case 'nominal':
        return 1;
      case 'ordinal': {
        const [a, b] = i < j ? [i, j] : [j, i];
        const d = cum[b + 1]! - cum[a]! - (nc[a]! + nc[b]!) / 2;
        return d * d;
      }
      case 'interval':
        return (c - k) * (c - k);
      case 'ratio': {
        const d = (c - k) / (c + k); // c ≠ k and both ≥ 0, so c + k > 0
        return d * d;
      }
    }
  };

  let observed = 0;
  let expected = 0;
  for (let i = 0; i < V; i++) {
    for (let j = 0; j < V; j++) {
      if (i === j) continue;
      const d = delta2(i, j);
      observed += o[i]![j]! * d;
      expected += nc[i]! * nc[j]! * d;
    }
  }
  if (!(expected > 0)) throw new RangeError('data: all pairable values are equal, so alpha is undefined (no variation)');
  return 1 - ((n - 1) * observed) / expected;
}
