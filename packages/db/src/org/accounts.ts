import { and, eq, lt, sql } from 'drizzle-orm';
import type { Executor } from '../client';
import { passwordResets, sessions, users } from '../schema/org';

/* ---------- e-mail proof (decision 007) ---------- */

export async function markEmailVerified(x: Executor, userId: string, at: Date) {
  await x.update(users).set({ emailVerifiedAt: at }).where(eq(users.id, userId));
}

/** Replaces the name and password of an account whose mailbox was just proved, and marks it verified. */
export async function reclaimUser(x: Executor, userId: string, v: { name: string; passwordHash: string; at: Date }) {
  await x.update(users).set({ name: v.name, passwordHash: v.passwordHash, emailVerifiedAt: v.at }).where(eq(users.id, userId));
}

/* ---------- sessions: idle and absolute expiry ---------- */

/** Pushes the idle expiry forward, never past the absolute end; returns nothing (a cheap, conditional update). */
export async function touchSession(x: Executor, id: string, expiresAt: Date) {
  await x
    .update(sessions)
    .set({ expiresAt: sql`least(${expiresAt.toISOString()}::timestamptz, ${sessions.absoluteExpiresAt})` })
    .where(eq(sessions.id, id));
}

/**
 * Deletes every session past its expiry (an index range scan: expires_at never exceeds the absolute
 * end, see touchSession). Idempotent, so several instances may run it at once.
 */
export async function purgeExpiredSessions(x: Executor, now: Date) {
  await x.delete(sessions).where(lt(sessions.expiresAt, now));
}

/* ---------- password resets ---------- */

export type PasswordResetRow = typeof passwordResets.$inferSelect;

export async function insertPasswordReset(x: Executor, v: { userId: string; tokenHash: string; expiresAt: Date }) {
  await x.insert(passwordResets).values(v);
}

export async function findPasswordReset(x: Executor, tokenHash: string): Promise<PasswordResetRow | null> {
  const [row] = await x.select().from(passwordResets).where(eq(passwordResets.tokenHash, tokenHash));
  return row ?? null;
}

/** Marks a reset token used only if it is still open; of two concurrent uses exactly one wins. */
export async function consumePasswordReset(x: Executor, id: string, now: Date): Promise<boolean> {
  const rows = await x
    .update(passwordResets)
    .set({ usedAt: now })
    .where(and(eq(passwordResets.id, id), sql`${passwordResets.usedAt} is null`, sql`${passwordResets.expiresAt} > ${now.toISOString()}`))
    .returning({ id: passwordResets.id });
  return rows.length === 1;
}

/** A successful reset voids the user's other open reset links. */
export async function deleteUserPasswordResets(x: Executor, userId: string) {
  await x.delete(passwordResets).where(eq(passwordResets.userId, userId));
}

export async function purgeExpiredPasswordResets(x: Executor, now: Date) {
  await x.delete(passwordResets).where(lt(passwordResets.expiresAt, now));
}
