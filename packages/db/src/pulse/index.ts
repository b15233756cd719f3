import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../client';
import { people } from '../schema/org';
import { pulseAnswers, pulseInvitations, pulseItems, pulseQuestions, pulseResponses, pulses, type PulseAudience } from '../schema/pulse';

export type PulseRow = typeof pulses.$inferSelect;
export type PulseInvitationRow = typeof pulseInvitations.$inferSelect;
export type { PulseAudience };

/* ---------- question bank ---------- */

/**
 * Finds or adds each statement in the organisation's bank (matched case-insensitively), returning
 * ids in input order: the same statement keeps its id across pulses, which is what trends follow.
 */
export async function upsertQuestions(x: Executor, orgId: string, texts: string[]): Promise<{ id: string; text: string }[]> {
  if (texts.length === 0) return [];
  await x
    .insert(pulseQuestions)
    .values(texts.map((text) => ({ orgId, text })))
    .onConflictDoNothing();
  const rows = await x
    .select({ id: pulseQuestions.id, text: pulseQuestions.text })
    .from(pulseQuestions)
    .where(and(eq(pulseQuestions.orgId, orgId), inArray(sql`lower(${pulseQuestions.text})`, texts.map((t) => t.toLowerCase()))));
  const byText = new Map(rows.map((r) => [r.text.toLowerCase(), r]));
  return texts.map((t) => byText.get(t.toLowerCase())!);
}

/* ---------- pulses ---------- */

export async function insertPulse(x: Executor, v: typeof pulses.$inferInsert): Promise<PulseRow> {
  const [row] = await x.insert(pulses).values(v).returning();
  return row!;
}

export async function insertPulseItems(x: Executor, orgId: string, pulseId: string, questionIds: string[]) {
  if (questionIds.length === 0) return;
  await x.insert(pulseItems).values(questionIds.map((questionId, position) => ({ orgId, pulseId, questionId, position })));
}

export async function findPulse(x: Executor, orgId: string, id: string): Promise<PulseRow | null> {
  const [row] = await x.select().from(pulses).where(and(eq(pulses.orgId, orgId), eq(pulses.id, id)));
  return row ?? null;
}

/** Locks the pulse row for the rest of the transaction (status and settings changes). */
export async function lockPulse(x: Executor, orgId: string, id: string): Promise<PulseRow | null> {
  const [row] = await x.select().from(pulses).where(and(eq(pulses.orgId, orgId), eq(pulses.id, id))).for('update');
  return row ?? null;
}

export async function listPulses(x: Executor, orgId: string): Promise<PulseRow[]> {
  return x.select().from(pulses).where(eq(pulses.orgId, orgId)).orderBy(desc(pulses.createdAt), asc(pulses.id));
}

export async function updatePulse(x: Executor, orgId: string, id: string, patch: Partial<typeof pulses.$inferInsert>): Promise<PulseRow | null> {
  const [row] = await x
    .update(pulses)
    .set(patch)
    .where(and(eq(pulses.orgId, orgId), eq(pulses.id, id)))
    .returning();
  return row ?? null;
}

/** The questions of the given pulses, in order. */
export async function listPulseQuestions(x: Executor, orgId: string, pulseIds: string[]) {
  if (pulseIds.length === 0) return [];
  return x
    .select({ pulseId: pulseItems.pulseId, id: pulseQuestions.id, text: pulseQuestions.text, position: pulseItems.position })
    .from(pulseItems)
    .innerJoin(pulseQuestions, and(eq(pulseQuestions.orgId, pulseItems.orgId), eq(pulseQuestions.id, pulseItems.questionId)))
    .where(and(eq(pulseItems.orgId, orgId), inArray(pulseItems.pulseId, pulseIds)))
    .orderBy(asc(pulseItems.pulseId), asc(pulseItems.position));
}

/** Invited and responded totals per pulse (the responded count is shown only once it reaches k). */
export async function pulseTotals(x: Executor, orgId: string, pulseIds: string[]) {
  if (pulseIds.length === 0) return new Map<string, { invited: number; responded: number }>();
  const inv = await x
    .select({ pulseId: pulseInvitations.pulseId, n: sql<number>`count(*)::int` })
    .from(pulseInvitations)
    .where(and(eq(pulseInvitations.orgId, orgId), inArray(pulseInvitations.pulseId, pulseIds)))
    .groupBy(pulseInvitations.pulseId);
  const res = await x
    .select({ pulseId: pulseResponses.pulseId, n: sql<number>`count(*)::int` })
    .from(pulseResponses)
    .where(and(eq(pulseResponses.orgId, orgId), inArray(pulseResponses.pulseId, pulseIds)))
    .groupBy(pulseResponses.pulseId);
  const out = new Map<string, { invited: number; responded: number }>();
  for (const id of pulseIds) out.set(id, { invited: 0, responded: 0 });
  for (const r of inv) out.get(r.pulseId)!.invited = Number(r.n);
  for (const r of res) out.get(r.pulseId)!.responded = Number(r.n);
  return out;
}

/* ---------- invitations ---------- */

/** Active people matching every attribute of the audience, with no invitation to this pulse yet. */
export async function listUninvitedAudience(x: Executor, orgId: string, pulseId: string, audience: PulseAudience) {
  const conds = [eq(people.orgId, orgId), eq(people.active, true)];
  if (audience.side) conds.push(eq(people.side, audience.side));
  if (audience.level) conds.push(eq(people.level, audience.level));
  if (audience.department !== undefined) conds.push(sql`lower(${people.department}) = ${audience.department.toLowerCase()}`);
  if (audience.location !== undefined) conds.push(sql`lower(${people.location}) = ${audience.location.toLowerCase()}`);
  conds.push(
    sql`not exists (select 1 from ${pulseInvitations} pi where pi.org_id = ${orgId} and pi.pulse_id = ${pulseId} and pi.person_id = ${people.id})`,
  );
  return x.select().from(people).where(and(...conds)).orderBy(asc(people.name), asc(people.id));
}

export async function insertPulseInvitations(x: Executor, rows: (typeof pulseInvitations.$inferInsert)[]) {
  for (let i = 0; i < rows.length; i += 500) await x.insert(pulseInvitations).values(rows.slice(i, i + 500)).onConflictDoNothing();
}

/** Unused invitations of a pulse, for reminders (with the person's email, read at reminder time). */
export async function listOpenPulseInvitations(x: Executor, orgId: string, pulseId: string) {
  return x
    .select({ id: pulseInvitations.id, personId: pulseInvitations.personId, email: people.email, name: people.name })
    .from(pulseInvitations)
    .innerJoin(people, and(eq(people.orgId, pulseInvitations.orgId), eq(people.id, pulseInvitations.personId)))
    .where(and(eq(pulseInvitations.orgId, orgId), eq(pulseInvitations.pulseId, pulseId), eq(pulseInvitations.used, false)));
}

/** Gives an unused invitation a new token (reminders: the old link stops working, the new one is mailed). */
export async function rotatePulseInvitationToken(x: Executor, orgId: string, id: string, tokenHash: string): Promise<boolean> {
  const rows = await x
    .update(pulseInvitations)
    .set({ tokenHash })
    .where(and(eq(pulseInvitations.orgId, orgId), eq(pulseInvitations.id, id), eq(pulseInvitations.used, false)))
    .returning({ id: pulseInvitations.id });
  return rows.length === 1;
}

export async function findPulseInvitationByTokenHash(x: Executor, tokenHash: string): Promise<PulseInvitationRow | null> {
  const [row] = await x.select().from(pulseInvitations).where(eq(pulseInvitations.tokenHash, tokenHash));
  return row ?? null;
}

/**
 * Marks a link used only if it is still unused; false when another submission won the race, so
 * 50 concurrent submissions of one link store exactly one response.
 */
export async function consumePulseInvitation(x: Executor, id: string): Promise<boolean> {
  const rows = await x
    .update(pulseInvitations)
    .set({ used: true })
    .where(and(eq(pulseInvitations.id, id), eq(pulseInvitations.used, false)))
    .returning({ id: pulseInvitations.id });
  return rows.length === 1;
}

/* ---------- responses ---------- */

export async function insertPulseResponse(
  x: Executor,
  v: { orgId: string; pulseId: string; day: string; side: string; level: string; department: string; location: string },
  answers: { questionId: string; value: number; comment: string | null }[],
) {
  const [row] = await x.insert(pulseResponses).values(v).returning({ id: pulseResponses.id });
  await x.insert(pulseAnswers).values(answers.map((a) => ({ orgId: v.orgId, pulseId: v.pulseId, responseId: row!.id, ...a })));
}

/** Whether any response exists: from the first one on, the anonymity settings are frozen. */
export async function hasResponses(x: Executor, orgId: string, pulseId: string): Promise<boolean> {
  const rows = await x
    .select({ id: pulseResponses.id })
    .from(pulseResponses)
    .where(and(eq(pulseResponses.orgId, orgId), eq(pulseResponses.pulseId, pulseId)))
    .limit(1);
  return rows.length > 0;
}

export interface CellCount {
  side: string;
  level: string;
  department: string;
  location: string;
  n: number;
}

/** Invitations per finest segment cell. */
export async function countInvitedCells(x: Executor, orgId: string, pulseId: string): Promise<CellCount[]> {
  const rows = await queryRows<CellCount>(
    x,
    sql`select side, level, department, location, count(*)::int as n from pulse_invitations
        where org_id = ${orgId} and pulse_id = ${pulseId} group by side, level, department, location`,
  );
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/** Answer counts per question, finest segment cell and value: the one aggregate results are built from. */
export async function countAnswerCells(x: Executor, orgId: string, pulseId: string): Promise<(CellCount & { questionId: string; value: number })[]> {
  const rows = await queryRows<CellCount & { questionId: string; value: number }>(
    x,
    sql`select a.question_id as "questionId", r.side, r.level, r.department, r.location, a.value, count(*)::int as n
        from pulse_answers a join pulse_responses r on r.org_id = a.org_id and r.id = a.response_id
        where a.org_id = ${orgId} and a.pulse_id = ${pulseId}
        group by a.question_id, r.side, r.level, r.department, r.location, a.value`,
  );
  return rows.map((r) => ({ ...r, n: Number(r.n), value: Number(r.value) }));
}

/** Non-empty comments per question (text only: no segment, no order that links them to answers). */
export async function listComments(x: Executor, orgId: string, pulseId: string): Promise<{ questionId: string; comment: string }[]> {
  return x
    .select({ questionId: pulseAnswers.questionId, comment: sql<string>`${pulseAnswers.comment}` })
    .from(pulseAnswers)
    .where(and(eq(pulseAnswers.orgId, orgId), eq(pulseAnswers.pulseId, pulseId), sql`${pulseAnswers.comment} is not null and ${pulseAnswers.comment} <> ''`))
    .orderBy(asc(pulseAnswers.comment));
}
