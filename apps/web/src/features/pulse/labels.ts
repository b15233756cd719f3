import type { TSegmentKey } from '@tandem/contracts';

const DIM_LABEL: Record<string, Record<string, string>> = {
  side: { it: 'IT', business: 'Business' },
  level: { leader: 'Leaders', employee: 'Employees' },
};

/** "Everyone", "IT", "IT · Leaders", "Sales · Oslo": how a segment is named on screen. */
export function segmentLabel(key: TSegmentKey): string {
  const parts = (['side', 'level', 'department', 'location'] as const)
    .filter((d) => key[d] !== undefined)
    .map((d) => DIM_LABEL[d]?.[key[d]!] ?? (key[d] === '' ? '(no location)' : key[d]!));
  return parts.length ? parts.join(' · ') : 'Everyone';
}

export const pct = (p: number) => `${Math.round(p * 100)}%`;
export const points = (d: number) => `${d >= 0 ? '+' : '−'}${Math.abs(Math.round(d * 100))} pts`;

export const DIMENSIONS = [
  { value: 'side', label: 'Side (IT / Business)' },
  { value: 'level', label: 'Level (leaders / employees)' },
  { value: 'department', label: 'Department' },
  { value: 'location', label: 'Location' },
] as const;
