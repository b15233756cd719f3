/**
 * Maximum-weight matching on general graphs: Edmonds' blossom algorithm with the primal-dual
 * method, as described by Galil ("Efficient algorithms for finding maximum matching in graphs",
 * ACM Computing Surveys 18(1), 1986) and as structured by J. van Rantwijk's `mwmatching.py`
 * (the implementation networkx's `max_weight_matching` is based on). Written for Tandem in
 * TypeScript with typed arrays; same inputs, same outputs (including tie-breaking order).
 */

/** An undirected weighted edge `[i, j, weight]` between vertices `i` and `j` (i !== j). */
export type WeightedEdge = readonly [number, number, number];

/**
 * Maximum-weight matching in a general (not necessarily bipartite) undirected graph.
 *
 * Definition: a matching is a set of edges no two of which share a vertex; this returns one whose
 * total weight is maximal. With `maxCardinality`, only matchings with the largest possible
 * number of edges are considered, and among those one of maximal weight is returned (negative
 * weights are then allowed to be used if that is what it takes to match more vertices).
 *
 * Input: `edges` as `[i, j, w]`, vertices are consecutive non-negative integers, the vertex
 * count is `max index + 1`, at most one edge per vertex pair, no self-loops. Weights may be
 * integers or floats (integers are computed exactly; floats are subject to rounding, as in the
 * reference).
 *
 * Output: the mate array, `mate[v]` = the vertex matched to `v`, or `-1` if `v` is single;
 * `[]` for no edges. Semantics (including which optimum is returned on ties) follow
 * `mwmatching.py`.
 *
 * Algorithm: Edmonds' blossom algorithm in its primal-dual form. Each stage grows alternating
 * trees from every single vertex over tight edges (zero slack), shrinks odd cycles to blossoms,
 * and when no augmenting path is tight, changes the dual variables by the smallest of four
 * deltas (vertex dual, S-to-free slack, half S-to-S slack, T-blossom dual). Slacks and duals are
 * kept doubled so integer weights stay integral.
 *
 * Complexity: O(n^3) time, O(n + m) memory (n vertices, m edges).
 *
 * Source: J. van Rantwijk, "Maximum Weighted Matching", mwmatching.py (2008),
 * http://jorisvr.nl/article/maximum-matching; Z. Galil (1986); J. Edmonds, "Paths, trees, and
 * flowers" (1965) and "Maximum matching and a polyhedron with 0,1-vertices" (1965).
 *
 * @example maxWeightMatching([[1, 2, 5], [2, 3, 11], [3, 4, 5]])       // [-1, -1, 3, 2, -1]
 * @example maxWeightMatching([[1, 2, 5], [2, 3, 11], [3, 4, 5]], true) // [-1, 2, 1, 4, 3]
 */
export function maxWeightMatching(
  edges: readonly WeightedEdge[],
  maxCardinality = false,
): number[] {
  return solveMatching(edges, maxCardinality).mate;
}

/** A matching together with the final dual solution that proves it optimal. */
export interface MatchingCertificate {
  /** The mate array, as returned by {@link maxWeightMatching}. */
  mate: number[];
  /**
   * The doubled reduced cost of a (possibly new) edge `[i, j, w]` under the final duals:
   * `2u_i + 2u_j − 2w + 2·Σ z_B` over the blossoms B that contain both i and j. Negative means the
   * edge would violate dual feasibility (adding it could improve the matching); `-Infinity` for a
   * vertex the solved graph did not contain.
   */
  slack(i: number, j: number, w: number): number;
}

/**
 * {@link maxWeightMatching} plus its dual certificate, for solving on a sparse subgraph and then
 * pricing the missing edges: if every edge of the full graph has `slack >= 0`, the matching is
 * optimal for the full graph too (LP duality for the matching polytope; with `maxCardinality`
 * vertex duals are free, which certifies the maximum-weight (near-)perfect matching). This is
 * the "price and repair" scheme of Cook & Rohe, "Computing minimum-weight perfect matchings",
 * INFORMS Journal on Computing 11(2), 1999.
 *
 * Complexity: as {@link maxWeightMatching}; `slack` is O(blossom nesting depth).
 */
export function solveMatching(edges: readonly WeightedEdge[], maxCardinality = false): MatchingCertificate {
  const nEdge = edges.length;
  if (nEdge === 0) return { mate: [], slack: () => -Infinity };

  // ---- graph -------------------------------------------------------------------------------
  // Edge k has endpoints p = 2k (vertex i) and p = 2k + 1 (vertex j); p ^ 1 is the other end.
  const endpoint = new Int32Array(2 * nEdge);
  const weight = new Float64Array(nEdge);
  let nV = 0;
  let maxWeight = 0;
  for (let k = 0; k < nEdge; k++) {
    const e = edges[k]!;
    const i = e[0];
    const j = e[1];
    const w = e[2];
    if (!Number.isInteger(i) || !Number.isInteger(j) || i < 0 || j < 0) {
      throw new RangeError(`edge ${k}: vertices must be non-negative integers`);
    }
    if (i === j) throw new RangeError(`edge ${k}: self-loop on vertex ${i}`);
    if (!Number.isFinite(w)) throw new RangeError(`edge ${k}: weight must be finite`);
    endpoint[2 * k] = i;
    endpoint[2 * k + 1] = j;
    weight[k] = w;
    if (i + 1 > nV) nV = i + 1;
    if (j + 1 > nV) nV = j + 1;
    if (w > maxWeight) maxWeight = w;
  }

  // neighbEnd[v]: the remote endpoints p of edges at v (endpoint[p] is the neighbour),
  // in input order, stored as CSR.
  const nbStart = new Int32Array(nV + 1);
  for (let k = 0; k < nEdge; k++) {
    nbStart[endpoint[2 * k]! + 1]!++;
    nbStart[endpoint[2 * k + 1]! + 1]!++;
  }
  for (let v = 0; v < nV; v++) nbStart[v + 1]! += nbStart[v]!;
  const nbEnd = new Int32Array(2 * nEdge);
  {
    const fill = nbStart.slice(0, nV);
    for (let k = 0; k < nEdge; k++) {
      nbEnd[fill[endpoint[2 * k]!]!++] = 2 * k + 1;
      nbEnd[fill[endpoint[2 * k + 1]!]!++] = 2 * k;
    }
  }

  // ---- state ---------------------------------------------------------------------------------
  const nB = 2 * nV; // vertices 0..nV-1, non-trivial blossoms nV..2nV-1
  // mate[v]: the remote endpoint p of v's matched edge, or -1 (converted to vertices at the end).
  const mate = new Int32Array(nV).fill(-1);
  // label: 0 free, 1 S (outer), 2 T (inner); 5 is a temporary mark inside scanBlossom.
  const label = new Int32Array(nB);
  // labelEnd: the endpoint through which the label was reached, -1 for tree roots.
  const labelEnd = new Int32Array(nB).fill(-1);
  const inBlossom = new Int32Array(nV);
  for (let v = 0; v < nV; v++) inBlossom[v] = v;
  const blossomParent = new Int32Array(nB).fill(-1);
  const blossomChilds: (number[] | null)[] = new Array<number[] | null>(nB).fill(null);
  const blossomBase = new Int32Array(nB).fill(-1);
  for (let v = 0; v < nV; v++) blossomBase[v] = v;
  // blossomEndps[b][i]: endpoint of the edge joining childs[i] to childs[i + 1] (cyclically).
  const blossomEndps: (number[] | null)[] = new Array<number[] | null>(nB).fill(null);
  // bestEdge: least-slack edge to a different S-blossom (for S-blossoms) or to an S-vertex (for
  // free vertices), -1 if none.
  const bestEdge = new Int32Array(nB).fill(-1);
  const blossomBestEdges: (number[] | null)[] = new Array<number[] | null>(nB).fill(null);
  const unusedBlossoms: number[] = [];
  for (let b = nV; b < nB; b++) unusedBlossoms.push(b);
  // Doubled duals: 2*u(v) for vertices, 2*z(b) for blossoms.
  const dualVar = new Float64Array(nB);
  for (let v = 0; v < nV; v++) dualVar[v] = maxWeight;
  const allowEdge = new Uint8Array(nEdge);
  const queue: number[] = [];
  // Scratch for addBlossom: least-slack edge to each neighbouring S-blossom.
  const bestEdgeTo = new Int32Array(nB).fill(-1);

  const slack = (k: number): number =>
    dualVar[endpoint[2 * k]!]! + dualVar[endpoint[2 * k + 1]!]! - 2 * weight[k]!;

  const leaves = (b: number, out: number[]): number[] => {
    if (b < nV) {
      out.push(b);
    } else {
      for (const t of blossomChilds[b]!) {
        if (t < nV) out.push(t);
        else leaves(t, out);
      }
    }
    return out;
  };

  const wrap = (j: number, len: number): number => (j < 0 ? j + len : j);

  // Label the top-level blossom containing w with t (1 = S, 2 = T), reached through endpoint p.
  const assignLabel = (w: number, t: number, p: number): void => {
    const b = inBlossom[w]!;
    label[w] = label[b] = t;
    labelEnd[w] = labelEnd[b] = p;
    bestEdge[w] = bestEdge[b] = -1;
    if (t === 1) {
      leaves(b, queue);
    } else {
      // A T-blossom's base is matched; its mate becomes an S-vertex.
      const base = blossomBase[b]!;
      const m = mate[base]!;
      assignLabel(endpoint[m]!, 1, m ^ 1);
    }
  };

  // Trace back from v and w to find a new blossom's base, or -1 for an augmenting path.
  const scanBlossom = (v0: number, w0: number): number => {
    let v = v0;
    let w = w0;
    const path: number[] = [];
    let base = -1;
    while (v !== -1 || w !== -1) {
      let b = inBlossom[v]!;
      if (label[b]! & 4) {
        base = blossomBase[b]!;
        break;
      }
      path.push(b);
      label[b] = 5;
      if (labelEnd[b] === -1) {
        v = -1; // reached a root
      } else {
        v = endpoint[labelEnd[b]!]!;
        b = inBlossom[v]!;
        v = endpoint[labelEnd[b]!]!; // through the T-blossom to the next S-vertex
      }
      if (w !== -1) {
        const tmp = v;
        v = w;
        w = tmp;
      }
    }
    for (const b of path) label[b] = 1;
    return base;
  };

  // Shrink the cycle formed by edge k and the tree paths to `base` into a new S-blossom.
  const addBlossom = (base: number, k: number): void => {
    let v = endpoint[2 * k]!;
    let w = endpoint[2 * k + 1]!;
    const bb = inBlossom[base]!;
    let bv = inBlossom[v]!;
    let bw = inBlossom[w]!;
    const b = unusedBlossoms.pop()!;
    blossomBase[b] = base;
    blossomParent[b] = -1;
    blossomParent[bb] = b;
    const path: number[] = [];
    const endps: number[] = [];
    blossomChilds[b] = path;
    blossomEndps[b] = endps;
    while (bv !== bb) {
      blossomParent[bv] = b;
      path.push(bv);
      endps.push(labelEnd[bv]!);
      v = endpoint[labelEnd[bv]!]!;
      bv = inBlossom[v]!;
    }
    path.push(bb);
    path.reverse();
    endps.reverse();
    endps.push(2 * k);
    while (bw !== bb) {
      blossomParent[bw] = b;
      path.push(bw);
      endps.push(labelEnd[bw]! ^ 1);
      w = endpoint[labelEnd[bw]!]!;
      bw = inBlossom[w]!;
    }
    label[b] = 1;
    labelEnd[b] = labelEnd[bb]!;
    dualVar[b] = 0;
    for (const x of leaves(b, [])) {
      if (label[inBlossom[x]!] === 2) queue.push(x); // former T-vertices become S-vertices
      inBlossom[x] = b;
    }
    // Least-slack edges from the new blossom to each other S-blossom.
    const touched: number[] = [];
    const consider = (kk: number): void => {
      let j = endpoint[2 * kk + 1]!;
      if (inBlossom[j] === b) j = endpoint[2 * kk]!;
      const bj = inBlossom[j]!;
      if (bj !== b && label[bj] === 1) {
        const cur = bestEdgeTo[bj]!;
        if (cur === -1) {
          touched.push(bj);
          bestEdgeTo[bj] = kk;
        } else if (slack(kk) < slack(cur)) {
          bestEdgeTo[bj] = kk;
        }
      }
    };
    for (const sub of path) {
      const list = blossomBestEdges[sub];
      if (list === null || list === undefined) {
        for (const x of leaves(sub, [])) {
          for (let q = nbStart[x]!; q < nbStart[x + 1]!; q++) consider(nbEnd[q]! >> 1);
        }
      } else {
        for (const kk of list) consider(kk);
      }
      blossomBestEdges[sub] = null;
      bestEdge[sub] = -1;
    }
    touched.sort((a, c) => a - c);
    const best: number[] = [];
    for (const bj of touched) {
      best.push(bestEdgeTo[bj]!);
      bestEdgeTo[bj] = -1;
    }
    blossomBestEdges[b] = best;
    let be = -1;
    for (const kk of best) if (be === -1 || slack(kk) < slack(be)) be = kk;
    bestEdge[b] = be;
  };

  // Undo blossom b: its children become top-level; mid-stage T-blossoms relabel their children.
  const expandBlossom = (b: number, endStage: boolean): void => {
    const childs = blossomChilds[b]!;
    for (const s of childs) {
      blossomParent[s] = -1;
      if (s < nV) inBlossom[s] = s;
      else if (endStage && dualVar[s] === 0) expandBlossom(s, endStage);
      else for (const x of leaves(s, [])) inBlossom[x] = s;
    }
    if (!endStage && label[b] === 2) {
      // The T-blossom is entered through entryChild; relabel the even-length path from there
      // to the base and leave the rest of the children free (or T if reachable from S).
      const endps = blossomEndps[b]!;
      const len = childs.length;
      const entryChild = inBlossom[endpoint[labelEnd[b]! ^ 1]!]!;
      let j = childs.indexOf(entryChild);
      let jStep: number;
      let endpTrick: number;
      if (j & 1) {
        j -= len;
        jStep = 1;
        endpTrick = 0;
      } else {
        jStep = -1;
        endpTrick = 1;
      }
      let p = labelEnd[b]!;
      while (j !== 0) {
        label[endpoint[p ^ 1]!] = 0;
        label[endpoint[endps[wrap(j - endpTrick, len)]! ^ endpTrick ^ 1]!] = 0;
        assignLabel(endpoint[p ^ 1]!, 2, p);
        allowEdge[endps[wrap(j - endpTrick, len)]! >> 1] = 1;
        j += jStep;
        p = endps[wrap(j - endpTrick, len)]! ^ endpTrick;
        allowEdge[p >> 1] = 1;
        j += jStep;
      }
      const bv = childs[wrap(j, len)]!;
      label[endpoint[p ^ 1]!] = label[bv] = 2;
      labelEnd[endpoint[p ^ 1]!] = labelEnd[bv] = p;
      bestEdge[bv] = -1;
      j += jStep;
      while (childs[wrap(j, len)] !== entryChild) {
        const cv = childs[wrap(j, len)]!;
        if (label[cv] === 1) {
          j += jStep;
          continue;
        }
        const ls = leaves(cv, []);
        let v = ls[ls.length - 1]!;
        for (const x of ls) {
          v = x;
          if (label[x] !== 0) break;
        }
        if (label[v] !== 0) {
          // v was reached from an S-vertex outside the blossom: it becomes a T-vertex.
          label[v] = 0;
          label[endpoint[mate[blossomBase[cv]!]!]!] = 0;
          assignLabel(v, 2, labelEnd[v]!);
        }
        j += jStep;
      }
    }
    label[b] = labelEnd[b] = -1;
    blossomChilds[b] = blossomEndps[b] = null;
    blossomBase[b] = -1;
    blossomBestEdges[b] = null;
    bestEdge[b] = -1;
    unusedBlossoms.push(b);
  };

  // Swap matched and unmatched edges along the even path from vertex v to the base of b,
  // then rotate b's children so that v's sub-blossom becomes the new base.
  const augmentBlossom = (b: number, v: number): void => {
    let t = v;
    while (blossomParent[t] !== b) t = blossomParent[t]!;
    if (t >= nV) augmentBlossom(t, v);
    const childs = blossomChilds[b]!;
    const endps = blossomEndps[b]!;
    const len = childs.length;
    const i = childs.indexOf(t);
    let j = i;
    let jStep: number;
    let endpTrick: number;
    if (i & 1) {
      j -= len;
      jStep = 1;
      endpTrick = 0;
    } else {
      jStep = -1;
      endpTrick = 1;
    }
    while (j !== 0) {
      j += jStep;
      t = childs[wrap(j, len)]!;
      const p = endps[wrap(j - endpTrick, len)]! ^ endpTrick;
      if (t >= nV) augmentBlossom(t, endpoint[p]!);
      j += jStep;
      t = childs[wrap(j, len)]!;
      if (t >= nV) augmentBlossom(t, endpoint[p ^ 1]!);
      mate[endpoint[p]!] = p ^ 1;
      mate[endpoint[p ^ 1]!] = p;
    }
    blossomChilds[b] = childs.slice(i).concat(childs.slice(0, i));
    blossomEndps[b] = endps.slice(i).concat(endps.slice(0, i));
    blossomBase[b] = blossomBase[blossomChilds[b]![0]!]!;
  };

  // Augment along the path through edge k between two S-vertices in different trees.
  const augmentMatching = (k: number): void => {
    for (const [s0, p0] of [
      [endpoint[2 * k]!, 2 * k + 1],
      [endpoint[2 * k + 1]!, 2 * k],
    ] as const) {
      let s = s0;
      let p = p0;
      for (;;) {
        const bs = inBlossom[s]!;
        if (bs >= nV) augmentBlossom(bs, s);
        mate[s] = p;
        if (labelEnd[bs] === -1) break; // reached the root
        const t = endpoint[labelEnd[bs]!]!;
        const bt = inBlossom[t]!;
        s = endpoint[labelEnd[bt]!]!;
        const jv = endpoint[labelEnd[bt]! ^ 1]!;
        if (bt >= nV) augmentBlossom(bt, jv);
        mate[jv] = labelEnd[bt]!;
        p = labelEnd[bt]! ^ 1;
      }
    }
  };

  // ---- main loop: one stage per augmentation --------------------------------------------------
  for (let stage = 0; stage < nV; stage++) {
    label.fill(0);
    bestEdge.fill(-1);
    for (let b = nV; b < nB; b++) blossomBestEdges[b] = null;
    allowEdge.fill(0);
    queue.length = 0;
    for (let v = 0; v < nV; v++) {
      if (mate[v] === -1 && label[inBlossom[v]!] === 0) assignLabel(v, 1, -1);
    }
    let augmented = false;
    for (;;) {
      // Grow the trees over tight edges.
      while (queue.length > 0 && !augmented) {
        const v = queue.pop()!;
        for (let q = nbStart[v]!; q < nbStart[v + 1]!; q++) {
          const p = nbEnd[q]!;
          const k = p >> 1;
          const w = endpoint[p]!;
          if (inBlossom[v] === inBlossom[w]) continue; // internal edge
          let kSlack = 0;
          if (!allowEdge[k]) {
            kSlack = slack(k);
            if (kSlack <= 0) allowEdge[k] = 1;
          }
          if (allowEdge[k]) {
            const lw = label[inBlossom[w]!]!;
            if (lw === 0) {
              assignLabel(w, 2, p ^ 1); // free vertex becomes T, its mate S
            } else if (lw === 1) {
              const base = scanBlossom(v, w);
              if (base >= 0) {
                addBlossom(base, k);
              } else {
                augmentMatching(k);
                augmented = true;
                break;
              }
            } else if (label[w] === 0) {
              // w sits inside a T-blossom but is not yet reachable; remember how to reach it.
              label[w] = 2;
              labelEnd[w] = p ^ 1;
            }
          } else if (label[inBlossom[w]!] === 1) {
            const b = inBlossom[v]!;
            if (bestEdge[b] === -1 || kSlack < slack(bestEdge[b]!)) bestEdge[b] = k;
          } else if (label[w] === 0) {
            if (bestEdge[w] === -1 || kSlack < slack(bestEdge[w]!)) bestEdge[w] = k;
          }
        }
      }
      if (augmented) break;

      // No tight augmenting path: pick the dual change.
      let deltaType = -1;
      let delta = 0;
      let deltaEdge = -1;
      let deltaBlossom = -1;
      if (!maxCardinality) {
        deltaType = 1;
        delta = dualVar[0]!;
        for (let v = 1; v < nV; v++) if (dualVar[v]! < delta) delta = dualVar[v]!;
      }
      for (let v = 0; v < nV; v++) {
        if (label[inBlossom[v]!] === 0 && bestEdge[v] !== -1) {
          const d = slack(bestEdge[v]!);
          if (deltaType === -1 || d < delta) {
            delta = d;
            deltaType = 2;
            deltaEdge = bestEdge[v]!;
          }
        }
      }
      for (let b = 0; b < nB; b++) {
        if (blossomParent[b] === -1 && label[b] === 1 && bestEdge[b] !== -1) {
          const d = slack(bestEdge[b]!) / 2;
          if (deltaType === -1 || d < delta) {
            delta = d;
            deltaType = 3;
            deltaEdge = bestEdge[b]!;
          }
        }
      }
      for (let b = nV; b < nB; b++) {
        if (
          blossomBase[b]! >= 0 &&
          blossomParent[b] === -1 &&
          label[b] === 2 &&
          (deltaType === -1 || dualVar[b]! < delta)
        ) {
          delta = dualVar[b]!;
          deltaType = 4;
          deltaBlossom = b;
        }
      }
      if (deltaType === -1) {
        // Max-cardinality optimum reached; a final update keeps the duals verifiable.
        deltaType = 1;
        let m = dualVar[0]!;
        for (let v = 1; v < nV; v++) if (dualVar[v]! < m) m = dualVar[v]!;
        delta = Math.max(0, m);
      }

      for (let v = 0; v < nV; v++) {
        const l = label[inBlossom[v]!];
        if (l === 1) dualVar[v]! -= delta;
        else if (l === 2) dualVar[v]! += delta;
      }
      for (let b = nV; b < nB; b++) {
        if (blossomBase[b]! >= 0 && blossomParent[b] === -1) {
          if (label[b] === 1) dualVar[b]! += delta;
          else if (label[b] === 2) dualVar[b]! -= delta;
        }
      }

      if (deltaType === 1) break;
      if (deltaType === 2) {
        allowEdge[deltaEdge] = 1;
        let i = endpoint[2 * deltaEdge]!;
        if (label[inBlossom[i]!] === 0) i = endpoint[2 * deltaEdge + 1]!;
        queue.push(i);
      } else if (deltaType === 3) {
        allowEdge[deltaEdge] = 1;
        queue.push(endpoint[2 * deltaEdge]!);
      } else {
        expandBlossom(deltaBlossom, false);
      }
    }
    if (!augmented) break;
    // End of stage: expand S-blossoms whose dual reached zero.
    for (let b = nV; b < nB; b++) {
      if (blossomParent[b] === -1 && blossomBase[b]! >= 0 && label[b] === 1 && dualVar[b] === 0) {
        expandBlossom(b, true);
      }
    }
  }

  const result = new Array<number>(nV);
  for (let v = 0; v < nV; v++) result[v] = mate[v]! >= 0 ? endpoint[mate[v]!]! : -1;
  // Sum of blossom duals over the blossoms containing both i and j = the path sum from the
  // top-level blossom down to their lowest common ancestor: Euler tour + sparse-table LCA, built
  // on first use, so pricing all n^2 pairs stays O(1) per pair.
  const zPath = new Float64Array(nB);
  const depth = new Int32Array(nB);
  const first = new Int32Array(nB).fill(-1);
  let euler: Int32Array | null = null;
  let table: Int32Array[] = [];
  const buildLca = (): void => {
    const tour: number[] = [];
    const visit = (node: number, d: number, z: number): void => {
      first[node] = tour.length;
      depth[node] = d;
      tour.push(node);
      if (node < nV) return;
      zPath[node] = z + dualVar[node]!;
      for (const c of blossomChilds[node]!) {
        visit(c, d + 1, zPath[node]!);
        tour.push(node);
      }
    };
    for (let b = nV; b < nB; b++) if (blossomBase[b]! >= 0 && blossomParent[b] === -1) visit(b, 0, 0);
    euler = Int32Array.from(tour);
    table = [euler];
    for (let w = 1; 2 * w <= tour.length; w *= 2) {
      const prev = table[table.length - 1]!;
      const next = new Int32Array(tour.length - 2 * w + 1);
      for (let i = 0; i < next.length; i++) {
        const a = prev[i]!;
        const c = prev[i + w]!;
        next[i] = depth[a]! <= depth[c]! ? a : c;
      }
      table.push(next);
    }
  };
  const sharedBlossomDual = (i: number, j: number): number => {
    if (euler === null) buildLca();
    let l = first[i]!;
    let r = first[j]!;
    if (l > r) [l, r] = [r, l];
    const level = 31 - Math.clz32(r - l + 1);
    const row = table[level]!;
    const a = row[l]!;
    const c = row[r - (1 << level) + 1]!;
    return zPath[depth[a]! <= depth[c]! ? a : c]!;
  };
  const slackOf = (i: number, j: number, w: number): number => {
    if (i < 0 || j < 0 || i >= nV || j >= nV) return -Infinity;
    let s = dualVar[i]! + dualVar[j]! - 2 * w;
    if (i !== j && inBlossom[i] === inBlossom[j] && inBlossom[i]! >= nV) s += 2 * sharedBlossomDual(i, j);
    return s;
  };
  return { mate: result, slack: slackOf };
}

/**
 * Greedy matching, heaviest edge first: sort the edges by weight (descending, stable on input
 * order) and take every edge whose two ends are still single. Only edges of positive weight are
 * taken unless `includeNonPositive` is set.
 *
 * Guarantee: at least half the maximum weight (a classic 1/2-approximation); on networkx's
 * `test_nasty_blossom1` graph it reaches 135 where the optimum is 146. Used as the baseline that
 * `maxWeightMatching` must never fall below.
 *
 * Complexity: O(m log m). Returns a mate array like `maxWeightMatching`.
 *
 * Source: folklore; approximation ratio e.g. Drake & Hougardy, "A simple approximation algorithm
 * for the weighted matching problem", Information Processing Letters 85 (2003).
 */
export function greedyMatching(edges: readonly WeightedEdge[], includeNonPositive = false): number[] {
  let nV = 0;
  for (const [i, j] of edges) nV = Math.max(nV, i + 1, j + 1);
  const mate = new Array<number>(nV).fill(-1);
  const order = edges.map((_, k) => k).sort((a, b) => edges[b]![2] - edges[a]![2] || a - b);
  for (const k of order) {
    const [i, j, w] = edges[k]!;
    if (!includeNonPositive && w <= 0) continue;
    if (i !== j && mate[i] === -1 && mate[j] === -1) {
      mate[i] = j;
      mate[j] = i;
    }
  }
  return mate;
}

/**
 * Total weight of a mate array over the given edges (each matched pair counted once; when
 * several edges join the same pair, the first one listed counts). Throws if a matched pair is
 * not an edge or the mate array is not symmetric.
 *
 * Complexity: O(n + m). Source: the definition (sum of the weights of the matched edges).
 */
export function matchingWeight(edges: readonly WeightedEdge[], mate: readonly number[]): number {
  const seen = new Set<number>();
  let total = 0;
  let pairs = 0;
  for (let v = 0; v < mate.length; v++) {
    const u = mate[v]!;
    if (u === -1) continue;
    if (mate[u] !== v) throw new RangeError(`mate array not symmetric at ${v}`);
    if (v < u) pairs++;
  }
  for (const [i, j, w] of edges) {
    const a = Math.min(i, j);
    const b = Math.max(i, j);
    if (mate[a] === b && !seen.has(a)) {
      seen.add(a);
      total += w;
    }
  }
  if (seen.size !== pairs) throw new RangeError('a matched pair is not an edge');
  return total;
}
