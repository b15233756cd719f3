/**
 * Segments of a pulse population. Every respondent carries the four attributes their person had
 * at invitation time; a segment is a partial key over them ({} is everyone, { side: 'it' } all IT,
 * { side: 'it', level: 'leader' } IT leaders, …). The lattice of every partial key of every cell
 * that exists is what anonymity is decided over, so that no filter combination can break it.
 */
export const SEGMENT_DIMENSIONS = ['side', 'level', 'department', 'location'] as const;
export type SegmentDimension = (typeof SEGMENT_DIMENSIONS)[number];

/** A partial key: the segment of everyone who matches every given attribute. */
export type SegmentKey = Partial<Record<SegmentDimension, string>>;
/** The finest cell: one value for each dimension. */
export type CellKey = Record<SegmentDimension, string>;

/**
 * The canonical id of a segment key: `dim=value` pairs in {@link SEGMENT_DIMENSIONS} order joined by
 * U+001F (a separator no attribute text contains after trimming); `''` is the whole population.
 * @example segmentId({ level: 'leader', side: 'it' }) === 'side=it\u001flevel=leader'
 */
export function segmentId(key: SegmentKey): string {
  const parts: string[] = [];
  for (const d of SEGMENT_DIMENSIONS) {
    const v = key[d];
    if (v !== undefined) parts.push(`${d}=${v}`);
  }
  return parts.join('\u001f');
}

/** The dimensions a key fixes, in canonical order. */
export function keyDimensions(key: SegmentKey): SegmentDimension[] {
  return SEGMENT_DIMENSIONS.filter((d) => key[d] !== undefined);
}

/** The key restricted to the given dimensions. */
export function projectKey(key: SegmentKey, dims: readonly SegmentDimension[]): SegmentKey {
  const out: SegmentKey = {};
  for (const d of SEGMENT_DIMENSIONS) if (dims.includes(d) && key[d] !== undefined) out[d] = key[d];
  return out;
}

/** Every subset of `dims` (2^|dims| of them), smallest first, each in canonical order. */
export function dimensionSubsets(dims: readonly SegmentDimension[]): SegmentDimension[][] {
  const ordered = SEGMENT_DIMENSIONS.filter((d) => dims.includes(d));
  const out: SegmentDimension[][] = [];
  for (let mask = 0; mask < 1 << ordered.length; mask++) out.push(ordered.filter((_, i) => mask & (1 << i)));
  return out.sort((a, b) => a.length - b.length);
}

/** One node of the segment lattice with its summed count vector. */
export interface SegmentNode {
  id: string;
  key: SegmentKey;
  counts: number[];
}

/**
 * Rolls finest cells up into every segment of the lattice over `dims`: for each subset of the
 * dimensions and each projection of an existing cell, the element-wise sum of the cells' vectors.
 * A segment exists when at least one cell projects onto it (counts may still be zero).
 * @example rollUp([{ key: it-leader cell, counts: [3] }, { key: it-employee cell, counts: [4] }], ['side'])
 *          → '' : [7], 'side=it' : [7]
 */
/** How many segments the full lattice of these cells has (every partial key of every cell). */
export function countSegments(cells: readonly { key: CellKey }[]): number {
  const seen = new Set<string>();
  for (const cell of cells) {
    const parts = SEGMENT_DIMENSIONS.map((d) => `${d}=${cell.key[d]}`);
    for (let m = 0; m < 16; m++) seen.add(parts.filter((_, i) => m & (1 << i)).join('\u001f'));
  }
  return seen.size;
}

export function rollUp(cells: readonly { key: CellKey; counts: readonly number[] }[], dims: readonly SegmentDimension[] = SEGMENT_DIMENSIONS): Map<string, SegmentNode> {
  // Segments are found by a numeric code (value index + 1 per dimension, 0 when the dimension is
  // open, in mixed radix) and get their text id only once: this runs 16 times per cell and view.
  const dict = SEGMENT_DIMENSIONS.map(() => new Map<string, number>());
  const codes = cells.map((cell) => SEGMENT_DIMENSIONS.map((d, i) => {
    const m = dict[i]!;
    let x = m.get(cell.key[d]);
    if (x === undefined) m.set(cell.key[d], (x = m.size + 1));
    return x;
  }));
  const radix = dict.map((m) => m.size + 1);
  const masks = dimensionSubsets(dims).map((sub) => SEGMENT_DIMENSIONS.reduce((m, d, i) => (sub.includes(d) ? m | (1 << i) : m), 0));
  const byCode = new Map<number, SegmentNode>();
  cells.forEach((cell, ci) => {
    const code = codes[ci]!;
    for (const m of masks) {
      let c = 0;
      for (let i = 3; i >= 0; i--) c = c * radix[i]! + (m & (1 << i) ? code[i]! : 0);
      let node = byCode.get(c);
      if (!node) {
        const key: SegmentKey = {};
        SEGMENT_DIMENSIONS.forEach((d, i) => {
          if (m & (1 << i)) key[d] = cell.key[d];
        });
        node = { id: segmentId(key), key, counts: new Array<number>(cell.counts.length).fill(0) };
        byCode.set(c, node);
      }
      const counts = node.counts;
      for (let i = 0; i < cell.counts.length; i++) counts[i]! += cell.counts[i]!;
    }
  });
  const nodes = new Map<string, SegmentNode>();
  for (const node of byCode.values()) nodes.set(node.id, node);
  return nodes;
}
