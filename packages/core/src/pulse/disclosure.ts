import { segmentId, SEGMENT_DIMENSIONS, type CellKey, type SegmentKey } from './segments';

/** One finest cell (side × level × department × location) of a pulse, as the disclosure audit sees it. */
export interface DisclosureCell {
  key: CellKey;
  /** Respondents in the cell. */
  n: number;
  /**
   * What anyone reading the results knows the cell can hold at most: the people invited in it, plus
   * links tied to no person (an unlinked respondent may have stated any cell). Infinity is allowed.
   */
  upper: number;
}

export interface DisclosureDecision {
  /** Ids ({@link segmentId}) of the lattice segments whose numbers may be published. */
  visible: Set<string>;
  /** Hidden because n < k (n = 0 included). */
  primary: Set<string>;
  /** Hidden although n ≥ k, so that no group of 1..k−1 respondents is determined. */
  complementary: Set<string>;
  /**
   * Classes of cells that no visible segment tells apart and in which every invited person answered
   * (ids of their cells): inside such a class, who answered is implied; answers are still protected
   * unless all of the class answered a question alike (decision 023, limits).
   */
  fullClasses: string[][];
}

/** Bump when the rule changes: cached decisions of an older version are recomputed. */
export const DISCLOSURE_RULE_VERSION = 1;

/**
 * What hiding a segment costs the reader, so that complementary suppression prefers fine segments
 * and keeps the headline pairs (leaders/employees first, then IT/Business) and everyone visible.
 */
export function hidingCost(key: SegmentKey): number {
  const dims = SEGMENT_DIMENSIONS.filter((d) => key[d] !== undefined);
  if (dims.length === 0) return 1e15;
  if (dims.length === 1 && dims[0] === 'level') return 1e10;
  if (dims.length === 1 && dims[0] === 'side') return 5e9;
  return 100 ** (4 - dims.length);
}

const MASKS = 16;
/** Hiding cost from which a set touches a headline pair (IT/Business, leaders/employees) or everyone. */
const HEADLINE_COST = 5e9;

/**
 * Decides, once for the whole segment lattice of a pulse (every partial key over side, level,
 * department and location), which segments may be published, so that no group of 1..k−1
 * respondents, defined by any set of finest cells, has an exactly determined respondent count,
 * whatever combination of published numbers an attacker uses (every count and answer tally of every
 * visible segment, in every view and export) together with the known bounds 0 ≤ n_c ≤ upper_c.
 *
 * Rule (decision 023 has the proof): call two cells indistinguishable when every visible segment
 * contains both or neither; the classes of indistinguishable cells partition the cells, and every
 * visible segment is a union of classes. Primary suppression hides n < k (n = 0 too); then, while
 * some class covered by a visible segment holds 1..k−1 respondents, the cheapest set of visible
 * segments ({@link hidingCost}) that separates one of its cells from a cell of another class is
 * hidden, which merges the two classes. At the end every covered class holds 0 or ≥ k respondents.
 *
 * Why that suffices: a group U with 1 ≤ n_U ≤ k−1 has a respondent in some class A. If A is covered,
 * n_A ≥ k > n_U, so A also has respondents outside U. Moving one respondent, with their whole answer
 * vector, between two cells of A changes no published number (every visible segment holds both
 * cells or neither), so if any cell of A has room the table with the move is another integer table
 * consistent with everything published and n_U differs by one: n_U, and every answer tally of U
 * (they sum to n_U), is not determined. If A is uncovered, a respondent can be added or removed.
 * If every cell of A is full, swapping one answer between a respondent inside U and one outside
 * changes U's tally unless all of A gave that question the same answer (the stated limits).
 *
 * Sufficient, not necessary: it may hide more than an exact integer audit would, never less.
 * Sources: Hundepool et al., Statistical Disclosure Control (Wiley 2012) ch. 4–5 (sensitive cells,
 * primary and secondary suppression, the audit of a suppressed table); Cox, J. Amer. Statist.
 * Assoc. 75 (1980) 377 and Fellegi, J. Amer. Statist. Assoc. 67 (1972) 7 (bounding suppressed cells).
 *
 * @throws RangeError when k is not an integer ≥ 1 or a cell's n is not an integer in [0, upper].
 * @example the worked example of issue 18 (k = 5; IT leaders 5, IT employees 5, Business leaders 8,
 *   Business employees 2; room in every cell): everyone, leaders, employees, IT leaders and Business
 *   leaders stay visible; IT, Business and IT employees are hidden, so the 7 employees can be split
 *   between IT and Business in more than one way.
 */
export function decideDisclosure(cellsIn: readonly DisclosureCell[], k: number): DisclosureDecision {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k: must be an integer >= 1, got ${String(k)}`);
  const cells = [...cellsIn].sort((a, b) => cmp(segmentId(a.key), segmentId(b.key)));
  for (const c of cells) {
    if (!Number.isInteger(c.n) || c.n < 0 || !(c.upper >= c.n)) {
      throw new RangeError(`cell "${segmentId(c.key)}": n must be an integer in [0, upper], got n=${String(c.n)} upper=${String(c.upper)}`);
    }
  }

  // The lattice: segment index per (cell, subset of dimensions); subset m has bit i for SEGMENT_DIMENSIONS[i].
  const segIndex = new Map<string, number>();
  const segs: { id: string; key: SegmentKey; n: number }[] = [];
  const flat = new Int32Array(cells.length * MASKS);
  const proj = cells.map((c, ci) => {
    const row = flat.subarray(ci * MASKS, (ci + 1) * MASKS);
    const parts = SEGMENT_DIMENSIONS.map((d) => `${d}=${c.key[d]}`);
    for (let m = 0; m < MASKS; m++) {
      let id = '';
      for (let i = 0; i < 4; i++) if (m & (1 << i)) id = id === '' ? parts[i]! : `${id}\u001f${parts[i]}`;
      let s = segIndex.get(id);
      if (s === undefined) {
        s = segs.length;
        segIndex.set(id, s);
        const key: SegmentKey = {};
        SEGMENT_DIMENSIONS.forEach((d, i) => {
          if (m & (1 << i)) key[d] = c.key[d];
        });
        segs.push({ id, key, n: 0 });
      }
      segs[s]!.n += c.n;
      row[m] = s;
    }
    return row;
  });
  const visible = new Uint8Array(segs.length);
  const primary = new Set<string>();
  segs.forEach((s, i) => {
    if (s.n >= k) visible[i] = 1;
    else primary.add(s.id);
  });
  const cost = segs.map((s) => hidingCost(s.key));

  /** Classes of indistinguishable cells: class id per cell, respondents per class, covered or not. */
  const classes = () => {
    const ids = new Map<string, number>();
    const of = new Int32Array(cells.length);
    const n: number[] = [];
    const covered: boolean[] = [];
    for (let c = 0; c < cells.length; c++) {
      let sig = '';
      for (let m = 0; m < MASKS; m++) if (visible[proj[c]![m]!]) sig += `${proj[c]![m]},`;
      let id = ids.get(sig);
      if (id === undefined) {
        ids.set(sig, (id = ids.size));
        n.push(0);
        covered.push(sig !== '');
      }
      of[c] = id;
      n[id]! += cells[c]!.n;
    }
    return { of, n, covered };
  };
  /** The visible segments that tell cell a from cell b, and what hiding them costs. */
  const separating = (a: number, b: number): { ids: number[]; cost: number } => {
    const ids: number[] = [];
    let total = 0;
    for (let m = 0; m < MASKS; m++) {
      const x = proj[a]![m]!;
      const y = proj[b]![m]!;
      if (x === y) continue;
      for (const z of [x, y]) {
        if (visible[z]) {
          ids.push(z);
          total += cost[z]!;
        }
      }
    }
    return { ids, cost: total };
  };

  for (;;) {
    const cl = classes();
    let bad = -1;
    for (let x = 0; x < cl.n.length && bad < 0; x++) if (cl.covered[x] && cl.n[x]! >= 1 && cl.n[x]! < k) bad = x;
    if (bad < 0) break;
    // Merge the bad class with another. Order: never a headline margin or everyone when any other
    // merge exists; then a merge that brings the class to k; then the cheapest. Every pair (a in the
    // class, b outside) is weighed: departments often nest inside a side, so the cheapest partner is
    // not always a cell that differs in one dimension.
    let best: { ids: number[]; rank: [number, number, number] } | null = null;
    const consider = (a: number, b: number) => {
      const other = cl.of[b]!;
      if (other === bad || cl.n[other] === 0) return;
      const sep = separating(a, b);
      const rank: [number, number, number] = [sep.cost >= HEADLINE_COST ? 1 : 0, cl.n[bad]! + cl.n[other]! >= k ? 0 : 1, sep.cost];
      if (!best || rank[0] < best.rank[0] || (rank[0] === best.rank[0] && (rank[1] < best.rank[1] || (rank[1] === best.rank[1] && rank[2] < best.rank[2])))) best = { ids: sep.ids, rank };
    };
    for (let a = 0; a < cells.length; a++) if (cl.of[a] === bad) for (let b = 0; b < cells.length; b++) consider(a, b);
    // A covered class lies inside a visible segment of ≥ k respondents, so another class has respondents.
    const chosen = best as { ids: number[] } | null;
    if (!chosen || chosen.ids.length === 0) throw new Error('decideDisclosure: no class to merge with (internal invariant)');
    for (const x of chosen.ids) visible[x] = 0;
  }

  const cl = classes();
  const full = new Map<number, string[]>();
  const notFull = new Set<number>();
  cells.forEach((c, i) => {
    if (c.n < c.upper) notFull.add(cl.of[i]!);
    else full.set(cl.of[i]!, [...(full.get(cl.of[i]!) ?? []), segmentId(c.key)]);
  });
  const fullClasses = [...full].filter(([x]) => !notFull.has(x) && cl.n[x]! > 0 && cl.covered[x]).map(([, ids]) => ids);
  const out = new Set<string>();
  const complementary = new Set<string>();
  segs.forEach((seg, i) => {
    if (visible[i]) out.add(seg.id);
    else if (!primary.has(seg.id)) complementary.add(seg.id);
  });
  return { visible: out, primary, complementary, fullClasses };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
