/**
 * "What changed since last month": the movements of the one-screen's numbers between two moments,
 * ranked by relative size |to − from| / max(|from|, scale) where `scale` is the number's natural
 * unit (100 points for a score, 1 for a correlation…) so that a move from 0 is not infinite.
 */
export interface Movement<K extends string = string> {
  tile: K;
  label: string;
  from: number;
  to: number;
  /** A number that counts as "one unit" for this measure; see above. */
  scale: number;
  /** Format of the numbers in words, e.g. (n) => `${n} days`. */
  format: (n: number) => string;
  /** True when a larger number is better (said as "improved"). */
  higherIsBetter: boolean | null;
}

export function movementSize(m: Pick<Movement, 'from' | 'to' | 'scale'>): number {
  return Math.abs(m.to - m.from) / Math.max(Math.abs(m.from), m.scale);
}

/** The `n` largest non-zero movements, largest first, each said in one sentence. */
export function largestMovements<K extends string>(ms: readonly Movement<K>[], n = 5): { tile: K; text: string; from: number; to: number }[] {
  return ms
    .filter((m) => Number.isFinite(m.from) && Number.isFinite(m.to) && m.from !== m.to)
    .map((m) => ({ m, size: movementSize(m) }))
    .sort((a, b) => b.size - a.size || a.m.label.localeCompare(b.m.label))
    .slice(0, n)
    .map(({ m }) => {
      const verb = m.to > m.from ? 'rose' : 'fell';
      const judgement = m.higherIsBetter === null ? '' : (m.to > m.from) === m.higherIsBetter ? ' (better)' : ' (worse)';
      return { tile: m.tile, text: `${m.label} ${verb} from ${m.format(m.from)} to ${m.format(m.to)}${judgement}.`, from: m.from, to: m.to };
    });
}
