import { findCalendarFeed } from '@tandem/db';
import type { AppContext } from '../../context';
import { sha256 } from '../../lib/crypto';
import { notFound } from '../../lib/errors';
import { calendarText } from '../../lib/ics';
import { CALENDAR_SOURCES } from './sources';

const LOOKBACK_DAYS = 30;

/** The feed behind a secret token: every source's events of that person from 30 days ago on (PUBLISH). */
export async function buildCalendarFeed(ctx: AppContext, token: string): Promise<string> {
  const feed = await findCalendarFeed(ctx.db, sha256(token));
  if (!feed) throw notFound('Calendar feed');
  const now = ctx.now();
  const since = new Date(now.getTime() - LOOKBACK_DAYS * 86_400_000);
  const events = (await Promise.all(CALENDAR_SOURCES.map((source) => source(ctx.db, feed.orgId, feed.personId, since)))).flat();
  return calendarText(events, 'PUBLISH', now, 'Tandem');
}
