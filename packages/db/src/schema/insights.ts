import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from './org';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Weekly digest opt-in per person and organisation: a weekday (0/7 Sunday) and hour in the
 * person's IANA time zone. The unsubscribe link carries a random token stored only as its SHA-256.
 */
export const digestSubscriptions = pgTable(
  'digest_subscriptions',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    enabled: boolean('enabled').notNull(),
    weekday: integer('weekday').notNull(),
    hour: integer('hour').notNull(),
    timeZone: text('time_zone').notNull(),
    unsubscribeHash: text('unsubscribe_hash').notNull(),
    lastSentAt: timestamp('last_sent_at', { withTimezone: true, mode: 'date' }),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId] }),
    index('digest_subscriptions_unsubscribe_idx').on(t.unsubscribeHash),
    check('digest_subscriptions_hour_check', sql`${t.hour} between 0 and 23`),
    check('digest_subscriptions_weekday_check', sql`${t.weekday} between 0 and 7`),
  ],
);
