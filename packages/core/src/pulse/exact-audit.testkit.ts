/**
 * An attacker's audit of published pulse numbers, written apart from the production rule
 * (disclosure.ts) and used only by tests. It knows the truth (every respondent's cell and answers)
 * and the invitations per cell, takes every number a client received, and decides for every group
 * of 1..k−1 respondents (every lattice segment, and every difference V ∖ W of two nested lattice
 * segments) whether its respondent count or its answer tally is determined. Each verdict is a proof:
 *
 * - "protected": an explicit other integer table (one respondent moved, added, removed, or one
 *   answer swapped) that respects every bound and reproduces every published count and tally
 *   (checked by recomputing them) but gives the group another count (or tally).
 * - "disclosed": the group's indicator is a rational combination of published segments'
 *   indicators (exact fraction-free elimination over BigInt), so its count and every answer tally
 *   follow from published numbers by addition and subtraction.
 * - "limit": no move exists because every cell the published numbers cannot tell apart from the
 *   group's cells is full (participation implied), and for a tally, all of them gave the same answer.
 * - "undecided": neither proof was found. Tests treat it as a failure.
 */
export const DIMS = ['side', 'level', 'department', 'location'] as const;
export type Dim = (typeof DIMS)[number];
export type Key = Partial<Record<Dim, string>>;

export interface TruthCell {
  key: Record<Dim, string>;
  invited: number;
  /** One answer vector per respondent (values 1..5, one per question). */
  respondents: number[][];
}

export interface PublishedSegment {
  key: Key;
  n: number;
  /** tallies[q][v − 1]. */
  tallies: number[][];
}

export type Verdict = 'protected' | 'disclosed' | 'limit' | 'undecided';

export interface GroupVerdict {
  group: string;
  n: number;
  count: Verdict;
  /** Per question, only when the count is not protected. */
  tallies?: Verdict[];
}

export const keyId = (k: Key) => DIMS.filter((d) => k[d] !== undefined).map((d) => `${d}=${k[d]}`).join('|');
const inKey = (k: Key, cell: Record<Dim, string>) => DIMS.every((d) => k[d] === undefined || k[d] === cell[d]);

/** Every published segment's numbers recomputed from a table of cells (counts and tallies per question). */
function recompute(key: Key, cells: readonly TruthCell[], counts: number[], tallies: number[][][], q: number): PublishedSegment {
  let n = 0;
  const t = Array.from({ length: q }, () => [0, 0, 0, 0, 0]);
  cells.forEach((c, i) => {
    if (!inKey(key, c.key)) return;
    n += counts[i]!;
    for (let j = 0; j < q; j++) for (let v = 0; v < 5; v++) t[j]![v]! += tallies[i]![j]![v]!;
  });
  return { key, n, tallies: t };
}

const sameNumbers = (a: PublishedSegment, b: PublishedSegment) => a.n === b.n && a.tallies.every((row, j) => row.every((x, v) => x === b.tallies[j]![v]));

/** Rank of a 0/1 matrix by fraction-free Gaussian elimination over BigInt (exact). */
function rank(rows: number[][]): number {
  const m = rows.map((r) => r.map((x) => BigInt(x)));
  const cols = m[0]?.length ?? 0;
  let r = 0;
  for (let c = 0; c < cols && r < m.length; c++) {
    let p = r;
    while (p < m.length && m[p]![c] === 0n) p++;
    if (p === m.length) continue;
    [m[r], m[p]] = [m[p]!, m[r]!];
    for (let i = 0; i < m.length; i++) {
      if (i === r || m[i]![c] === 0n) continue;
      const f = m[i]![c]!;
      const g = m[r]![c]!;
      m[i] = m[i]!.map((x, j) => x * g - m[r]![j]! * f);
    }
    r++;
  }
  return r;
}

/**
 * Audits the published numbers against the truth. `published` may hold the same segment several
 * times (from several views); every copy must agree with the recomputed truth, else this throws.
 */
export function exactAudit(truth: readonly TruthCell[], published: readonly PublishedSegment[], k: number, questions: number): GroupVerdict[] {
  const cells = truth;
  const counts = cells.map((c) => c.respondents.length);
  const tallies = cells.map((c) => Array.from({ length: questions }, (_, j) => [1, 2, 3, 4, 5].map((v) => c.respondents.filter((r) => r[j] === v).length)));
  const byId = new Map<string, PublishedSegment>();
  for (const p of published) {
    const truthP = recompute(p.key, cells, counts, tallies, questions);
    if (!sameNumbers(p, truthP)) throw new Error(`published numbers of "${keyId(p.key)}" differ from the truth`);
    byId.set(keyId(p.key), p);
  }
  const pub = [...byId.values()];
  const member = pub.map((p) => cells.map((c) => inKey(p.key, c.key)));
  // A move changes a few cells: `dn` respondents and `dt[q][v − 1]` answers each. A published
  // segment's numbers in the changed table are its published numbers plus the changes of the cells
  // it holds (every other cell is the same in both tables), so the move keeps them iff those sum to 0.
  type Change = { cell: number; dn: number; dt: [number, number, number][] }; // [question, value, delta]
  const acc = new Array<number>(questions * 8).fill(0);
  const keeps = (changes: Change[]) =>
    pub.every((_, i) => {
      let dn = 0;
      acc.fill(0);
      for (const ch of changes) {
        if (!member[i]![ch.cell]) continue;
        dn += ch.dn;
        for (const [q, v, d] of ch.dt) acc[q * 8 + v]! += d;
      }
      return dn === 0 && acc.every((x) => x === 0);
    });
  const within = (changes: Change[]) => changes.every((ch) => counts[ch.cell]! + ch.dn >= 0 && counts[ch.cell]! + ch.dn <= cells[ch.cell]!.invited);
  const vectorChange = (cell: number, r: number[], sign: number): Change => ({ cell, dn: sign, dt: r.map((v, q) => [q, v, sign] as [number, number, number]) });

  // Every single move that keeps every published number: transfers, additions and removals now;
  // answer swaps only when a group needs them (they matter only where no count move exists).
  const transfers: [number, number][] = [];
  const edits: number[] = []; // cells where a respondent may be added or removed
  for (let a = 0; a < cells.length; a++) {
    const first = cells[a]!.respondents[0];
    const edit = first ? vectorChange(a, first, -1) : vectorChange(a, Array.from({ length: questions }, () => 1), +1);
    if (within([edit]) && keeps([edit])) edits.push(a);
    if (!first) continue;
    for (let b = 0; b < cells.length; b++) {
      if (a === b) continue;
      const move = [vectorChange(a, first, -1), vectorChange(b, first, +1)];
      if (within(move) && keeps(move)) transfers.push([a, b]);
    }
  }
  let swapsMemo: { a: number; b: number; q: number }[] | null = null;
  /** One answer to q swapped between a respondent of cell a and one of cell b who answered q differently. */
  const swaps = () => {
    if (swapsMemo) return swapsMemo;
    swapsMemo = [];
    for (let a = 0; a < cells.length; a++) {
      for (let b = 0; b < cells.length; b++) {
        if (a === b) continue;
        for (let q = 0; q < questions; q++) {
          const ra = cells[a]!.respondents.find((r) => cells[b]!.respondents.some((x) => x[q] !== r[q]));
          if (!ra) continue;
          const rb = cells[b]!.respondents.find((x) => x[q] !== ra[q])!;
          const swap: Change[] = [
            { cell: a, dn: 0, dt: [[q, ra[q]!, -1], [q, rb[q]!, +1]] },
            { cell: b, dn: 0, dt: [[q, rb[q]!, -1], [q, ra[q]!, +1]] },
          ];
          if (keeps(swap)) swapsMemo.push({ a, b, q });
        }
      }
    }
    return swapsMemo;
  };
  const uncoveredCells = new Set(edits.filter((a) => !pub.some((_, i) => member[i]![a])));

  // Groups of 1..k−1 respondents: lattice segments and differences of nested lattice segments.
  const lattice = new Map<string, Key>();
  for (const c of cells) {
    for (let m = 0; m < 16; m++) {
      const key: Key = {};
      DIMS.forEach((d, i) => {
        if (m & (1 << i)) key[d] = c.key[d];
      });
      lattice.set(keyId(key), key);
    }
  }
  const groups = new Map<string, boolean[]>();
  const seg = [...lattice.values()];
  for (const v of seg) groups.set(keyId(v), cells.map((c) => inKey(v, c.key)));
  for (const v of seg) {
    const mv = groups.get(keyId(v))!;
    for (const w of seg) {
      if (w === v || !DIMS.every((d) => v[d] === undefined || v[d] === w[d])) continue;
      const mw = groups.get(keyId(w))!;
      const diff = mv.map((x, i) => x && !mw[i]);
      if (diff.some(Boolean)) groups.set(`${keyId(v) || 'everyone'} minus ${keyId(w)}`, diff);
    }
  }
  const indistinguishable = (a: number, b: number) => pub.every((_, i) => member[i]![a] === member[i]![b]);
  const fullRank = rank(pub.map((_, i) => member[i]!.map((x) => (x ? 1 : 0))));

  const out: GroupVerdict[] = [];
  const seen = new Set<string>();
  for (const [name, g] of groups) {
    const sig = g.map((x) => (x ? '1' : '0')).join('');
    if (seen.has(sig)) continue;
    seen.add(sig);
    const n = counts.reduce((s, x, i) => s + (g[i] ? x : 0), 0);
    if (n < 1 || n >= k) continue;
    const countProtected = transfers.some(([a, b]) => g[a] !== g[b]) || edits.some((a) => g[a]);
    if (countProtected) {
      out.push({ group: name, n, count: 'protected' });
      continue;
    }
    const disclosedByAlgebra = pub.length > 0 && rank([...pub.map((_, i) => member[i]!.map((x) => (x ? 1 : 0))), g.map((x) => (x ? 1 : 0))]) === fullRank;
    // The cells the published numbers cannot tell apart from the group's respondents' cells.
    const near = cells.map((_, c) => cells.some((__, a) => g[a] && counts[a]! > 0 && indistinguishable(a, c)));
    const allFull = near.every((x, c) => !x || counts[c] === cells[c]!.invited);
    const count: Verdict = allFull ? 'limit' : disclosedByAlgebra ? 'disclosed' : 'undecided';
    const tallyVerdicts = Array.from({ length: questions }, (_, q): Verdict => {
      if (swaps().some((s) => s.q === q && g[s.a] !== g[s.b]) || [...uncoveredCells].some((a) => g[a] && counts[a]! > 0)) return 'protected';
      const values = new Set(cells.flatMap((c, i) => (near[i] ? c.respondents.map((r) => r[q]) : [])));
      if (allFull && values.size <= 1) return 'limit';
      return disclosedByAlgebra ? 'disclosed' : 'undecided';
    });
    out.push({ group: name, n, count, tallies: tallyVerdicts });
  }
  return out;
}

/** The verdicts that fail the anonymity promise: a disclosure, or a group the audit could not settle. */
export function failures(verdicts: readonly GroupVerdict[]): GroupVerdict[] {
  const bad = (v: Verdict) => v === 'disclosed' || v === 'undecided';
  return verdicts.filter((v) => bad(v.count) || (v.tallies ?? []).some(bad));
}
