import { openHourVisitors } from '@tandem/db';
import type { AppContext, OrgAuth } from '../../context';
import { mustFindOpenHour } from './create-open-hour';

/** Who came to an open hour, by side and department: does the business actually use it? */
export async function getOpenHourStats(ctx: AppContext, auth: OrgAuth, id: string) {
  await mustFindOpenHour(ctx, auth.orgId, id);
  const rows = await openHourVisitors(ctx.db, auth.orgId, id);
  const bySide: Record<string, number> = {};
  const byDepartment: Record<string, number> = {};
  let bookings = 0;
  for (const r of rows) {
    const n = Number(r.n);
    bookings += n;
    bySide[r.side] = (bySide[r.side] ?? 0) + n;
    byDepartment[r.department] = (byDepartment[r.department] ?? 0) + n;
  }
  return { bookings, bySide, byDepartment };
}
