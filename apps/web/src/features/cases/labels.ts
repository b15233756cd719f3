/** Money in the case's currency: whole units, or compact (1.2M) for chart axes. */
export function money(x: number, currency: string, compact = false): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency, maximumFractionDigits: compact ? 1 : 0, notation: compact ? 'compact' : 'standard' }).format(x);
}
export const pct = (x: number | null | undefined, digits = 0) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(digits)}%`);
export const yearsText = (x: number | null) => (x === null ? 'not within the horizon' : `${x.toFixed(1)} years`);
