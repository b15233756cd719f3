import { keyDimensions, projectKey, segmentId, type SegmentDimension, type SegmentKey } from './segments';

/** A segment and how many respondents it holds. */
export interface CountedSegment {
  id: string;
  key: SegmentKey;
  n: number;
}

export interface SuppressionResult {
  /** Ids whose numbers may be shown. */
  visible: Set<string>;
  /** Hidden because n < k (including n = 0). */
  primary: Set<string>;
  /** Hidden although n ≥ k, because showing them would let a hidden group be recovered by subtraction. */
  complementary: Set<string>;
}

/**
 * Decides which segments of a lattice may be shown so that no hidden group of 1..k−1 respondents can
 * be recovered by subtracting visible numbers. Rules, applied until nothing changes (suppression only
 * grows, so this reaches a fixed point in at most |segments| passes):
 *
 * 1. Primary: a segment with n < k is hidden (n = 0 too: "nobody in this cell answered" is a count
 *    of fewer than k).
 * 2. Differencing of a pair: for a visible segment A and a visible coarser segment B that contains it
 *    (B's key is a proper subset of A's), 0 < n_B − n_A < k hides A. This covers parent − child and
 *    any two nested filters (e.g. everyone − IT leaders).
 * 3. Complementary suppression in a group: for a visible total P and one more dimension d, the
 *    children of P along d partition P; if the hidden children sum to 0 < s < k, the visible child
 *    with the smallest n (ties: smallest id) is hidden too. This is the statistical-disclosure rule
 *    "a lone suppressed cell in a published row or column takes its smallest sibling with it",
 *    strengthened so the hidden children together hold at least k people.
 *
 * The whole lattice is decided at once, whatever breakdown a caller asks for, so a number visible
 * in one view is visible in every view and no pair of views can be combined against it.
 * Sources: Hundepool et al., Statistical Disclosure Control (Wiley 2012) §5.4 (primary and
 * secondary cell suppression); Viva Glint and Qualtrics minimum-group conventions (k = 5).
 *
 * @throws RangeError when k is not an integer ≥ 1 or a count is negative or not an integer.
 * @example suppressSegments([{ id:'', key:{}, n:12 }, { id:'side=it', key:{side:'it'}, n:10 }, { id:'side=business', key:{side:'business'}, n:2 }], 5)
 *          → visible {''} (business is primary, IT complementary: 12 − 10 would reveal 2)
 */
export function suppressSegments(segments: Iterable<CountedSegment>, k: number): SuppressionResult {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k: must be an integer >= 1, got ${String(k)}`);
  const byId = new Map<string, CountedSegment>();
  for (const s of segments) {
    if (!Number.isInteger(s.n) || s.n < 0) throw new RangeError(`n of segment "${s.id}": must be an integer >= 0, got ${String(s.n)}`);
    byId.set(s.id, s);
  }
  const all = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  // Ancestors: every proper sub-key that exists in the lattice.
  const ancestors = new Map<string, CountedSegment[]>();
  // Groups: total id → dimension → children.
  const groups: { total: CountedSegment; children: CountedSegment[] }[] = [];
  const groupIndex = new Map<string, { total: CountedSegment; children: CountedSegment[] }>();
  for (const s of all) {
    const dims = keyDimensions(s.key);
    const list: CountedSegment[] = [];
    for (let mask = 0; mask < (1 << dims.length) - 1; mask++) {
      const sub = dims.filter((_, i) => mask & (1 << i));
      const a = byId.get(segmentId(projectKey(s.key, sub)));
      if (a) list.push(a);
    }
    ancestors.set(s.id, list);
    for (const d of dims) {
      const parentDims = dims.filter((x): x is SegmentDimension => x !== d);
      const parent = byId.get(segmentId(projectKey(s.key, parentDims)));
      if (!parent) continue;
      const gid = `${parent.id}\u001e${d}`;
      let g = groupIndex.get(gid);
      if (!g) {
        g = { total: parent, children: [] };
        groupIndex.set(gid, g);
        groups.push(g);
      }
      g.children.push(s);
    }
  }

  const primary = new Set<string>();
  const hidden = new Set<string>();
  for (const s of all) {
    if (s.n < k) {
      primary.add(s.id);
      hidden.add(s.id);
    }
  }
  let changed = true;
  while (changed) {
    changed = false;
    for (const a of all) {
      if (hidden.has(a.id)) continue;
      for (const b of ancestors.get(a.id)!) {
        if (hidden.has(b.id)) continue;
        const diff = b.n - a.n;
        if (diff > 0 && diff < k) {
          hidden.add(a.id);
          changed = true;
          break;
        }
      }
    }
    for (const g of groups) {
      if (hidden.has(g.total.id)) continue;
      let s = 0;
      let smallest: CountedSegment | null = null;
      for (const c of g.children) {
        if (hidden.has(c.id)) s += c.n;
        else if (!smallest || c.n < smallest.n || (c.n === smallest.n && c.id < smallest.id)) smallest = c;
      }
      if (s > 0 && s < k && smallest) {
        hidden.add(smallest.id);
        changed = true;
      }
    }
  }
  const visible = new Set<string>();
  const complementary = new Set<string>();
  for (const s of all) {
    if (!hidden.has(s.id)) visible.add(s.id);
    else if (!primary.has(s.id)) complementary.add(s.id);
  }
  return { visible, primary, complementary };
}
