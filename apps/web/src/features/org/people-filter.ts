import type { TLevel, TPerson, TSide } from '@tandem/contracts';

export interface PeopleFilter {
  text: string;
  side: TSide | '';
  level: TLevel | '';
  includeInactive: boolean;
}

export const EMPTY_FILTER: PeopleFilter = { text: '', side: '', level: '', includeInactive: false };

/** Free text matches name, email, department and location; side and level are exact. */
export function matchesFilter(p: TPerson, f: PeopleFilter): boolean {
  if (f.side && p.side !== f.side) return false;
  if (f.level && p.level !== f.level) return false;
  const q = f.text.trim().toLowerCase();
  if (!q) return true;
  return [p.name, p.email, p.department, p.location].some((v) => v.toLowerCase().includes(q));
}
