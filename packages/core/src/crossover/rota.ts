/** One meeting of a sit-in rota and who sits in (null when everyone in the pool declined it). */
export interface RotaTurn {
  date: string;
  personId: string | null;
}

/** A pool member who said no to one meeting date. */
export interface RotaDecline {
  date: string;
  personId: string;
}

/**
 * A fair sit-in rotation for a recurring meeting.
 *
 * For each date in order, among the pool members who have not declined that date, the person is
 * chosen by, in order: (1) someone who declined an earlier meeting and has not sat in since
 * (offered the next free meeting first); (2) the fewest turns so far; (3) not the person of the
 * previous meeting while anyone else can go; (4) the longest since their last turn (never first);
 * (5) pool order. Without declines this is a round robin in pool order, so over any window of
 * consecutive meetings the turns per person differ by at most one, and nobody sits in twice in a
 * row while others wait. `history` (earlier turns, oldest first) seeds the counts so a rota
 * continues fairly. Duplicates in `pool` count once.
 *
 * Complexity: O(d · p) for d dates and p people. Source: Tandem (decision 074).
 */
export function sitInRota(pool: readonly string[], dates: readonly string[], declines: readonly RotaDecline[] = [], history: readonly string[] = []): RotaTurn[] {
  const people = [...new Set(pool)];
  const count = new Map(people.map((p) => [p, 0]));
  const last = new Map(people.map((p) => [p, -1]));
  const pending = new Set<string>();
  let step = 0;
  let previous: string | null = null;
  for (const id of history) {
    if (count.has(id)) {
      count.set(id, count.get(id)! + 1);
      last.set(id, step);
    }
    previous = id;
    step++;
  }
  const declinedOn = new Map<string, Set<string>>();
  for (const d of declines) {
    if (!declinedOn.has(d.date)) declinedOn.set(d.date, new Set());
    declinedOn.get(d.date)!.add(d.personId);
  }
  const out: RotaTurn[] = [];
  for (const date of dates) {
    const no = declinedOn.get(date) ?? new Set<string>();
    for (const p of no) if (count.has(p)) pending.add(p);
    let candidates = people.filter((p) => !no.has(p));
    if (candidates.length > 1 && previous !== null) candidates = candidates.filter((p) => p !== previous);
    let best: string | null = null;
    for (const p of candidates) {
      if (best === null || better(p, best)) best = p;
    }
    out.push({ date, personId: best });
    if (best !== null) {
      count.set(best, count.get(best)! + 1);
      last.set(best, step);
      pending.delete(best);
    }
    previous = best;
    step++;
  }
  return out;

  function better(a: string, b: string): boolean {
    const pa = pending.has(a) ? 0 : 1;
    const pb = pending.has(b) ? 0 : 1;
    if (pa !== pb) return pa < pb;
    const ca = count.get(a)!;
    const cb = count.get(b)!;
    if (ca !== cb) return ca < cb;
    const la = last.get(a)!;
    const lb = last.get(b)!;
    if (la !== lb) return la < lb;
    return people.indexOf(a) < people.indexOf(b);
  }
}
