import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, queryRowsPrepared, type Executor } from '../client';
import { people } from '../schema/org';
import { pulseActions, pulseDisclosures, pulseInvitations, pulseResultMemos, pulseItems, pulseQuestions, pulseResponses, pulses, type PulseAudience } from '../schema/pulse';
import { goals, initiatives } from '../schema/strategy';

export * from './calendar';

export type PulseRow = typeof pulses.$inferSelect;
export type PulseInvitationRow = typeof pulseInvitations.$inferSelect;
export type PulseActionRow = typeof pulseActions.$inferSelect;
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

/**
 * One page of pulses, newest first by (creation time, id) descending, `limit + 1` rows; members
 * ask for published ones only, filtered here so that pages stay full.
 */
export async function listPulsesPage(
  x: Executor,
  orgId: string,
  opts: { publishedOnly: boolean; archived?: boolean | undefined; limit: number; before: readonly [string, string] | null },
): Promise<PulseRow[]> {
  const at = sql`date_trunc('milliseconds', ${pulses.createdAt})`;
  const conds = [eq(pulses.orgId, orgId)];
  if (opts.publishedOnly) conds.push(sql`${pulses.publishedAt} is not null`);
  if (opts.archived !== undefined) conds.push(opts.archived ? sql`${pulses.archivedAt} is not null` : sql`${pulses.archivedAt} is null`);
  if (opts.before) conds.push(sql`(${at}, ${pulses.id}) < (${opts.before[0]}::timestamptz, ${opts.before[1]}::uuid)`);
  return x
    .select()
    .from(pulses)
    .where(and(...conds))
    .orderBy(sql`${at} desc`, desc(pulses.id))
    .limit(opts.limit + 1);
}

/**
 * The pulse a result compares with (decision 136): the latest other closed pulse, not archived and
 * counted in the trend, that closed before `before` (or any, when `before` is null).
 */
export async function findPreviousClosedPulse(x: Executor, orgId: string, id: string, before: Date | null, now: Date): Promise<PulseRow | null> {
  const closedAt = sql`coalesce(${pulses.closedAt}, ${pulses.closesAt})`;
  const conds = [
    eq(pulses.orgId, orgId),
    sql`${pulses.id} <> ${id}`,
    sql`${pulses.archivedAt} is null`,
    eq(pulses.inTrend, true),
    sql`(${pulses.status} = 'closed' or (${pulses.status} = 'open' and ${pulses.closesAt} <= ${now.toISOString()}::timestamptz))`,
  ];
  if (before) conds.push(sql`${closedAt} < ${before.toISOString()}::timestamptz`);
  const [row] = await x
    .select()
    .from(pulses)
    .where(and(...conds))
    .orderBy(sql`${closedAt} desc`, desc(pulses.id))
    .limit(1);
  return row ?? null;
}

/* ---------- recurrence (decision 135) ---------- */

/** Repeating pulses, of every organisation, that are no longer drafts and have no successor yet. */
export async function listRepeatingWithoutSuccessor(x: Executor): Promise<PulseRow[]> {
  return x
    .select()
    .from(pulses)
    .where(
      and(
        sql`${pulses.repeatEvery} is not null`,
        sql`${pulses.status} <> 'draft'`,
        sql`not exists (select 1 from pulses s where s.org_id = ${pulses.orgId} and s.previous_pulse_id = ${pulses.id})`,
      ),
    );
}

/** Drafts, of every organisation, that the job opens: auto-open repeats whose opening date has come. */
export async function listDueAutoOpenDrafts(x: Executor, now: Date): Promise<PulseRow[]> {
  return x
    .select()
    .from(pulses)
    .where(and(eq(pulses.status, 'draft'), eq(pulses.repeatAutoOpen, true), sql`${pulses.opensAt} is not null and ${pulses.opensAt} <= ${now.toISOString()}::timestamptz`));
}

/** The question ids of a pulse in order (a successor asks exactly the same statements). */
export async function listPulseItemIds(x: Executor, orgId: string, pulseId: string): Promise<string[]> {
  const rows = await x
    .select({ id: pulseItems.questionId })
    .from(pulseItems)
    .where(and(eq(pulseItems.orgId, orgId), eq(pulseItems.pulseId, pulseId)))
    .orderBy(asc(pulseItems.position));
  return rows.map((r) => r.id);
}

/** Inserts a pulse unless its predecessor already has one (the unique key); null when another instance won. */
export async function insertSuccessorPulse(x: Executor, v: typeof pulses.$inferInsert): Promise<PulseRow | null> {
  const [row] = await x
    .insert(pulses)
    .values(v)
    .onConflictDoNothing({ target: [pulses.orgId, pulses.previousPulseId] })
    .returning();
  return row ?? null;
}

/* ---------- actions (decision 134) ---------- */

export async function insertPulseAction(x: Executor, v: typeof pulseActions.$inferInsert): Promise<PulseActionRow> {
  const [row] = await x.insert(pulseActions).values(v).returning();
  return row!;
}

export async function findPulseAction(x: Executor, orgId: string, id: string): Promise<PulseActionRow | null> {
  const [row] = await x.select().from(pulseActions).where(and(eq(pulseActions.orgId, orgId), eq(pulseActions.id, id)));
  return row ?? null;
}

export async function updatePulseAction(x: Executor, orgId: string, id: string, patch: Partial<typeof pulseActions.$inferInsert>): Promise<PulseActionRow | null> {
  const [row] = await x
    .update(pulseActions)
    .set(patch)
    .where(and(eq(pulseActions.orgId, orgId), eq(pulseActions.id, id)))
    .returning();
  return row ?? null;
}

export async function deletePulseAction(x: Executor, orgId: string, id: string): Promise<boolean> {
  const rows = await x.delete(pulseActions).where(and(eq(pulseActions.orgId, orgId), eq(pulseActions.id, id))).returning({ id: pulseActions.id });
  return rows.length > 0;
}

/** An action with the names it shows: its pulse, statement, owner, and the linked goal or initiative (null when deleted). */
export interface PulseActionView extends PulseActionRow {
  pulseTitle: string;
  questionText: string | null;
  ownerName: string | null;
  goalTitle: string | null;
  initiativeTitle: string | null;
}

/**
 * Actions by (due date, id), `limit + 1` rows, filtered by pulse and status; open ones first when
 * no status is asked (done ones follow, by the same order).
 */
export async function listPulseActionsPage(
  x: Executor,
  orgId: string,
  opts: { id?: string; pulseId?: string | undefined; status?: 'open' | 'done' | undefined; limit: number; after: readonly [string, string] | null },
): Promise<PulseActionView[]> {
  const conds = [eq(pulseActions.orgId, orgId)];
  if (opts.id) conds.push(eq(pulseActions.id, opts.id));
  if (opts.pulseId) conds.push(eq(pulseActions.pulseId, opts.pulseId));
  if (opts.status) conds.push(eq(pulseActions.status, opts.status));
  if (opts.after) conds.push(sql`(${pulseActions.dueDate}, ${pulseActions.id}) > (${opts.after[0]}::date, ${opts.after[1]}::uuid)`);
  return x
    .select({
      ...getColumns(),
      pulseTitle: pulses.title,
      questionText: pulseQuestions.text,
      ownerName: people.name,
      goalTitle: goals.title,
      initiativeTitle: initiatives.title,
    })
    .from(pulseActions)
    .innerJoin(pulses, and(eq(pulses.orgId, pulseActions.orgId), eq(pulses.id, pulseActions.pulseId)))
    .leftJoin(pulseQuestions, and(eq(pulseQuestions.orgId, pulseActions.orgId), eq(pulseQuestions.id, pulseActions.questionId)))
    .leftJoin(people, and(eq(people.orgId, pulseActions.orgId), eq(people.id, pulseActions.ownerId)))
    .leftJoin(goals, and(eq(goals.orgId, pulseActions.orgId), eq(goals.id, pulseActions.goalId)))
    .leftJoin(initiatives, and(eq(initiatives.orgId, pulseActions.orgId), eq(initiatives.id, pulseActions.initiativeId)))
    .where(and(...conds))
    .orderBy(asc(pulseActions.dueDate), asc(pulseActions.id))
    .limit(opts.limit + 1);
}

function getColumns() {
  return {
    id: pulseActions.id,
    orgId: pulseActions.orgId,
    pulseId: pulseActions.pulseId,
    questionId: pulseActions.questionId,
    segment: pulseActions.segment,
    title: pulseActions.title,
    ownerId: pulseActions.ownerId,
    dueDate: pulseActions.dueDate,
    goalId: pulseActions.goalId,
    initiativeId: pulseActions.initiativeId,
    status: pulseActions.status,
    doneAt: pulseActions.doneAt,
    createdBy: pulseActions.createdBy,
    createdAt: pulseActions.createdAt,
  };
}

/** Whether the question is one of the pulse's statements. */
export async function pulseHasQuestion(x: Executor, orgId: string, pulseId: string, questionId: string): Promise<boolean> {
  const [r] = await x
    .select({ n: sql<number>`count(*)::int` })
    .from(pulseItems)
    .where(and(eq(pulseItems.orgId, orgId), eq(pulseItems.pulseId, pulseId), eq(pulseItems.questionId, questionId)));
  return Number(r?.n ?? 0) > 0;
}

export async function updatePulse(x: Executor, orgId: string, id: string, patch: Partial<typeof pulses.$inferInsert>): Promise<PulseRow | null> {
  const [row] = await x
    .update(pulses)
    .set(patch)
    .where(and(eq(pulses.orgId, orgId), eq(pulses.id, id)))
    .returning();
  return row ?? null;
}

/** Deletes a pulse and (by cascade) its items; the caller checks it is a draft. */
export async function deletePulse(x: Executor, orgId: string, id: string): Promise<boolean> {
  const rows = await x.delete(pulses).where(and(eq(pulses.orgId, orgId), eq(pulses.id, id))).returning({ id: pulses.id });
  return rows.length > 0;
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

function audienceConditions(orgId: string, audience: PulseAudience) {
  const conds = [eq(people.orgId, orgId), eq(people.active, true)];
  if (audience.side) conds.push(eq(people.side, audience.side));
  if (audience.level) conds.push(eq(people.level, audience.level));
  if (audience.department !== undefined) conds.push(sql`lower(${people.department}) = ${audience.department.toLowerCase()}`);
  if (audience.location !== undefined) conds.push(sql`lower(${people.location}) = ${audience.location.toLowerCase()}`);
  return conds;
}

/** How many active people an audience rule matches: people, never respondents (decision 132). */
export async function countAudience(x: Executor, orgId: string, audience: PulseAudience): Promise<number> {
  const [row] = await x.select({ n: sql<number>`count(*)::int` }).from(people).where(and(...audienceConditions(orgId, audience)));
  return Number(row?.n ?? 0);
}

/**
 * Active people matching every attribute of the audience, with no invitation to this pulse yet.
 * With `membersOnly`, only those who can sign in to the organisation (a membership whose user is
 * the person or has the person's e-mail): they answer from their own "My pulses" page.
 */
export async function listUninvitedAudience(x: Executor, orgId: string, pulseId: string, audience: PulseAudience, membersOnly = false) {
  const conds = audienceConditions(orgId, audience);
  conds.push(
    sql`not exists (select 1 from ${pulseInvitations} pi where pi.org_id = ${orgId} and pi.pulse_id = ${pulseId} and pi.person_id = ${people.id})`,
  );
  if (membersOnly) {
    conds.push(
      sql`exists (select 1 from memberships m join users u on u.id = m.user_id where m.org_id = ${orgId} and (u.id = ${people.userId} or lower(u.email) = lower(${people.email})))`,
    );
  }
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

/**
 * Issued links of a pulse, oldest first by (issue time, id), a page at a time (`limit + 1` rows):
 * who has one (null for unlinked) and when, never whether it was used. Times compare at the
 * millisecond, the precision a cursor carries.
 */
export async function listIssuedInvitations(x: Executor, orgId: string, pulseId: string, limit: number, after: readonly [string, string] | null) {
  const at = sql`date_trunc('milliseconds', ${pulseInvitations.createdAt})`;
  const conds = [eq(pulseInvitations.orgId, orgId), eq(pulseInvitations.pulseId, pulseId)];
  if (after) conds.push(sql`(${at}, ${pulseInvitations.id}) > (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  return x
    .select({ id: pulseInvitations.id, personId: pulseInvitations.personId, name: people.name, issuedAt: pulseInvitations.createdAt })
    .from(pulseInvitations)
    .leftJoin(people, and(eq(people.orgId, pulseInvitations.orgId), eq(people.id, pulseInvitations.personId)))
    .where(and(...conds))
    .orderBy(at, asc(pulseInvitations.id))
    .limit(limit + 1);
}

/** Issued links of a pulse: all of them, and how many are unlinked. */
export async function countIssuedInvitations(x: Executor, orgId: string, pulseId: string): Promise<{ issued: number; unlinked: number }> {
  const [r] = await x
    .select({ issued: sql<number>`count(*)::int`, unlinked: sql<number>`count(*) filter (where ${pulseInvitations.personId} is null)::int` })
    .from(pulseInvitations)
    .where(and(eq(pulseInvitations.orgId, orgId), eq(pulseInvitations.pulseId, pulseId)));
  return { issued: Number(r?.issued ?? 0), unlinked: Number(r?.unlinked ?? 0) };
}

/** One person's invitation to a pulse, with the e-mail to deliver a re-issued link to. */
export async function findPersonInvitation(x: Executor, orgId: string, pulseId: string, personId: string) {
  const [row] = await x
    .select({ id: pulseInvitations.id, email: people.email, name: people.name })
    .from(pulseInvitations)
    .innerJoin(people, and(eq(people.orgId, pulseInvitations.orgId), eq(people.id, pulseInvitations.personId)))
    .where(and(eq(pulseInvitations.orgId, orgId), eq(pulseInvitations.pulseId, pulseId), eq(pulseInvitations.personId, personId)));
  return row ?? null;
}

/**
 * Re-issues a link in one statement: an unused link gets the new token hash (the old link dies); a
 * used one keeps its dead hash, so no second vote. Both get the same new issue time, so the
 * issued-links list cannot tell them apart. Returns whether the link had been used.
 */
export async function reissuePulseInvitation(x: Executor, orgId: string, id: string, tokenHash: string, now: Date): Promise<{ used: boolean } | null> {
  const rows = await x
    .update(pulseInvitations)
    .set({ tokenHash: sql`case when ${pulseInvitations.used} then ${pulseInvitations.tokenHash} else ${tokenHash} end`, createdAt: now })
    .where(and(eq(pulseInvitations.orgId, orgId), eq(pulseInvitations.id, id)))
    .returning({ used: pulseInvitations.used });
  return rows[0] ?? null;
}

/** The member's own invitation to a pulse: the person is theirs by user id or by their account's e-mail. */
export async function findMemberInvitation(x: Executor, orgId: string, pulseId: string, userId: string): Promise<{ id: string } | null> {
  const [r] = await queryRows<{ id: string }>(
    x,
    sql`select i.id from pulse_invitations i join people p on p.org_id = i.org_id and p.id = i.person_id
        where i.org_id = ${orgId} and i.pulse_id = ${pulseId}
          and (p.user_id = ${userId} or lower(p.email) = (select lower(email) from users where id = ${userId}))
        order by i.id limit 1`,
  );
  return r ?? null;
}

/** Open pulses the member was invited to (at most 100, newest first), with whether they answered themselves. */
export async function listMemberPulses(x: Executor, orgId: string, userId: string, now: Date) {
  const rows = await queryRows<{ id: string; title: string; closes_at: string | Date | null; answered: boolean }>(
    x,
    sql`select distinct on (p.created_at, p.id) p.id, p.title, p.closes_at, i.used as answered
        from pulse_invitations i
        join people pe on pe.org_id = i.org_id and pe.id = i.person_id
        join pulses p on p.org_id = i.org_id and p.id = i.pulse_id
        where i.org_id = ${orgId}
          and (pe.user_id = ${userId} or lower(pe.email) = (select lower(email) from users where id = ${userId}))
          and p.status = 'open' and (p.closes_at is null or p.closes_at > ${now.toISOString()}::timestamptz)
          and (p.opens_at is null or p.opens_at <= ${now.toISOString()}::timestamptz)
        order by p.created_at desc, p.id
        limit 100`,
  );
  return rows.map((r) => ({ id: r.id, title: r.title, closesAt: r.closes_at === null ? null : new Date(r.closes_at), answered: r.answered === true }));
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

export interface ResponseSegment {
  side: string;
  level: string;
  department: string;
  location: string;
}

/** `{1,4,5}`: a smallint[] literal (the values are validated integers 1..5). */
const smallintArray = (values: number[]) => `{${values.map((v) => String(Math.trunc(v))).join(',')}}`;

/** Comments go in as JSON (any text, nulls allowed) and come out as a text[] in order, or null when there are none. */
const commentsJson = (comments: (string | null)[]) => (comments.some((c) => c !== null) ? JSON.stringify(comments) : null);

/** Inserts one response as is (demo data and benchmarks; submissions go through {@link submitPulseResponse}). */
export async function insertPulseResponse(
  x: Executor,
  v: { orgId: string; pulseId: string; day: string } & ResponseSegment,
  answers: number[],
  comments: (string | null)[] = [],
) {
  const json = commentsJson(comments);
  await x.execute(sql`
    insert into pulse_responses (org_id, pulse_id, day, side, level, department, location, answers, comments)
    values (${v.orgId}, ${v.pulseId}, ${v.day}, ${v.side}, ${v.level}, ${v.department}, ${v.location}, ${smallintArray(answers)}::smallint[],
            case when ${json}::jsonb is null then null
                 else array(select c from jsonb_array_elements_text(${json}::jsonb) with ordinality as t(c, i) order by i) end)`);
}

/** What a link resolves to, with the pulse's state and its question ids in item order: one query. */
export interface PulseLink {
  invitationId: string;
  /** Tied to no person: the respondent states their own segment. */
  unlinked: boolean;
  orgId: string;
  pulseId: string;
  used: boolean;
  status: 'draft' | 'open' | 'closed';
  opensAt: Date | null;
  closesAt: Date | null;
  questionIds: string[];
}

export async function findPulseLink(x: Executor, tokenHash: string): Promise<PulseLink | null> {
  const [r] = await queryRowsPrepared<{
    invitation_id: string;
    unlinked: boolean;
    org_id: string;
    pulse_id: string;
    used: boolean;
    status: 'draft' | 'open' | 'closed';
    opens_at: string | Date | null;
    closes_at: string | Date | null;
    question_ids: string[] | string;
  }>(
    x,
    'tandem_pulse_link_by_token',
    sql`select i.id as invitation_id, i.person_id is null as unlinked, i.org_id, i.pulse_id, i.used, p.status, p.opens_at, p.closes_at,
               array_to_string(array(select it.question_id::text from pulse_items it where it.pulse_id = i.pulse_id order by it.position), ',') as question_ids
        from pulse_invitations i join pulses p on p.org_id = i.org_id and p.id = i.pulse_id
        where i.token_hash = ${tokenHash}`,
  );
  if (!r) return null;
  const date = (d: string | Date | null) => (d === null ? null : new Date(d));
  return {
    invitationId: r.invitation_id,
    unlinked: r.unlinked === true,
    orgId: r.org_id,
    pulseId: r.pulse_id,
    used: r.used,
    status: r.status,
    opensAt: date(r.opens_at),
    closesAt: date(r.closes_at),
    questionIds: String(r.question_ids).split(',').filter(Boolean),
  };
}

/** The segment an unlinked respondent states; department and location are '' when not stated. */
export interface StatedSegment {
  side: string;
  level: string;
  department: string;
  location: string;
}

export interface SubmissionOutcome {
  /** The link, its pulse's state and the pulse's question ids in item order. */
  link: PulseLink;
  /** True when the answers cover every question exactly once (nothing is stored otherwise). */
  complete: boolean;
  /** True when this statement consumed the link and stored the response. */
  stored: boolean;
}

/** How a submission finds its invitation: the link's token hash, or the signed-in member's own invitation. */
export type SubmissionBy = { tokenHash: string } | { invitationId: string };

/**
 * A whole submission in one statement, so one round trip and atomic on its own. It finds the link
 * by its hash; takes a share lock on the pulse row (a concurrent close waits); orders the answers
 * by item position and checks that they cover every question exactly once; and, only when the
 * pulse is open, the link unused and the answers complete, consumes the link with a conditional
 * UPDATE (of concurrent submissions of one link exactly one wins) and inserts the response with
 * the segment copied from the invitation. Returns null for an unknown link; the caller turns the
 * outcome into 410 / 409 / 400.
 */
export async function submitPulseResponse(
  x: Executor,
  v: { by: SubmissionBy; stated: StatedSegment | null; day: string; now: Date; answers: { questionId: string; value: number; comment: string | null }[] },
): Promise<SubmissionOutcome | null> {
  const now = v.now.toISOString();
  const where = 'tokenHash' in v.by ? sql`i.token_hash = ${v.by.tokenHash}` : sql`i.id = ${v.by.invitationId}`;
  const st = v.stated;
  const [r] = await queryRowsPrepared<{
    invitation_id: string;
    unlinked: boolean;
    org_id: string;
    pulse_id: string;
    used: boolean;
    status: 'draft' | 'open' | 'closed';
    opens_at: string | Date | null;
    closes_at: string | Date | null;
    question_ids: string;
    complete: boolean;
    stored: number;
  }>(
    x,
    'tokenHash' in v.by ? 'tandem_pulse_submit_by_token' : 'tandem_pulse_submit_by_invitation',
    sql`with inv as (
          select i.id, i.org_id, i.pulse_id, i.used, i.person_id is null as unlinked,
                 coalesce(i.side, ${st?.side ?? null}::text) as side, coalesce(i.level, ${st?.level ?? null}::text) as level,
                 coalesce(i.department, ${st?.department ?? null}::text) as department, coalesce(i.location, ${st?.location ?? null}::text) as location
          from pulse_invitations i where ${where}
        ), p as (
          select p.id, p.status, p.opens_at, p.closes_at
          from pulses p join inv on p.org_id = inv.org_id and p.id = inv.pulse_id
          for share of p
        ), items as (
          select it.question_id, it.position from pulse_items it join inv on it.pulse_id = inv.pulse_id
        ), given as (
          select g."questionId" as question_id, g.value, nullif(g.comment, '') as comment
          from jsonb_to_recordset(${JSON.stringify(v.answers)}::jsonb) as g("questionId" uuid, value smallint, comment text)
        ), matched as (
          select array_agg(g.value order by it.position) as answers,
                 array_agg(g.comment order by it.position) as comments,
                 count(*) as n, count(distinct g.question_id) as distinct_n, bool_or(g.comment is not null) as any_comment
          from items it join given g on g.question_id = it.question_id
        ), state as (
          select inv.*, p.status, p.opens_at, p.closes_at, m.answers, m.comments, m.any_comment,
                 (m.n = (select count(*) from items) and m.distinct_n = m.n and (select count(*) from given) = m.n) as complete
          from inv join p on true cross join matched m
        ), go as (
          select * from state
          where complete and not used and status = 'open' and side is not null and level is not null
            and (closes_at is null or closes_at > ${now}::timestamptz) and (opens_at is null or opens_at <= ${now}::timestamptz)
        ), consumed as (
          update pulse_invitations set used = true
          where id = (select id from go) and used = false
          returning id
        ), ins as (
          insert into pulse_responses (org_id, pulse_id, day, side, level, department, location, answers, comments)
          select go.org_id, go.pulse_id, ${v.day}, go.side, go.level, go.department, go.location, go.answers,
                 case when go.any_comment then go.comments else null end
          from go join consumed on consumed.id = go.id
          returning 1
        )
        select s.id as invitation_id, s.unlinked, s.org_id, s.pulse_id, s.used, s.status, s.opens_at, s.closes_at, s.complete,
               array_to_string(array(select question_id::text from items order by position), ',') as question_ids,
               (select count(*)::int from ins) as stored
        from state s`,
  );
  if (!r) return null;
  const date = (d: string | Date | null) => (d === null ? null : new Date(d));
  return {
    link: {
      invitationId: r.invitation_id,
      unlinked: r.unlinked === true,
      orgId: r.org_id,
      pulseId: r.pulse_id,
      used: r.used,
      status: r.status,
      opensAt: date(r.opens_at),
      closesAt: date(r.closes_at),
      questionIds: String(r.question_ids).split(',').filter(Boolean),
    },
    complete: r.complete === true,
    stored: Number(r.stored) > 0,
  };
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

/** Person invitations per finest segment cell (unlinked links have no segment and are not counted here). */
export async function countInvitedCells(x: Executor, orgId: string, pulseId: string): Promise<CellCount[]> {
  const rows = await queryRows<CellCount>(
    x,
    sql`select side, level, department, location, count(*)::int as n from pulse_invitations
        where org_id = ${orgId} and pulse_id = ${pulseId} and person_id is not null group by side, level, department, location`,
  );
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/**
 * Answer counts per item position (0-based), finest segment cell and value: the one aggregate
 * results are built from.
 */
export async function countAnswerCells(x: Executor, orgId: string, pulseId: string): Promise<(CellCount & { position: number; value: number })[]> {
  const rows = await queryRows<CellCount & { position: number; value: number }>(
    x,
    sql`select a.pos::int - 1 as position, r.side, r.level, r.department, r.location, a.value, count(*)::int as n
        from pulse_responses r cross join lateral unnest(r.answers) with ordinality as a(value, pos)
        where r.org_id = ${orgId} and r.pulse_id = ${pulseId}
        group by a.pos, r.side, r.level, r.department, r.location, a.value`,
  );
  return rows.map((r) => ({ ...r, n: Number(r.n), value: Number(r.value), position: Number(r.position) }));
}

/** Non-empty comments per item position, sorted (text only: no segment, no order that links them to answers). */
export async function listComments(x: Executor, orgId: string, pulseId: string): Promise<{ position: number; comment: string }[]> {
  const rows = await queryRows<{ position: number; comment: string }>(
    x,
    sql`select c.pos::int - 1 as position, c.text as comment
        from pulse_responses r cross join lateral unnest(r.comments) with ordinality as c(text, pos)
        where r.org_id = ${orgId} and r.pulse_id = ${pulseId} and r.comments is not null and c.text is not null and c.text <> ''
        order by c.text`,
  );
  return rows.map((r) => ({ position: Number(r.position), comment: r.comment }));
}

/** The organisation's departments and locations (active people, at most 200 of each), for a respondent who states their own. */
export async function listSegmentValues(x: Executor, orgId: string): Promise<{ department: string[]; location: string[] }> {
  const [dep, loc] = await Promise.all([
    queryRows<{ v: string }>(x, sql`select distinct department as v from people where org_id = ${orgId} and active and department <> '' order by v limit 200`),
    queryRows<{ v: string }>(x, sql`select distinct location as v from people where org_id = ${orgId} and active and location <> '' order by v limit 200`),
  ]);
  return { department: dep.map((r) => r.v), location: loc.map((r) => r.v) };
}

/* ---------- disclosure decisions (decision 023) ---------- */

/** The stored visible sets of these pulses decided under `ruleVersion` (pulse id → the total decided on and the segment ids). */
export async function findPulseDisclosures(x: Executor, orgId: string, pulseIds: string[], ruleVersion: number): Promise<Map<string, { respondents: number; visible: string[] }>> {
  if (pulseIds.length === 0) return new Map();
  const rows = await x
    .select({ pulseId: pulseDisclosures.pulseId, respondents: pulseDisclosures.respondents, visible: pulseDisclosures.visible })
    .from(pulseDisclosures)
    .where(and(eq(pulseDisclosures.orgId, orgId), inArray(pulseDisclosures.pulseId, pulseIds), eq(pulseDisclosures.ruleVersion, ruleVersion)));
  return new Map(rows.map((r) => [r.pulseId, { respondents: Number(r.respondents), visible: r.visible }]));
}

/**
 * Stores a decision. Two instances deciding at once compute the same set from the same closed
 * data, so the first write wins and the second changes nothing; an older rule's row is replaced.
 */
export async function savePulseDisclosure(x: Executor, orgId: string, pulseId: string, ruleVersion: number, respondents: number, visible: string[]): Promise<void> {
  await x
    .insert(pulseDisclosures)
    .values({ orgId, pulseId, ruleVersion, respondents, visible })
    .onConflictDoUpdate({
      target: [pulseDisclosures.orgId, pulseDisclosures.pulseId],
      set: { ruleVersion, respondents, visible },
      setWhere: sql`${pulseDisclosures.ruleVersion} <> ${ruleVersion} or ${pulseDisclosures.respondents} <> ${respondents}`,
    });
}

/** The memoised results of one view of several closed pulses at one version (decision 094); a missing pulse is a miss. */
export async function findPulseResultMemos(x: Executor, orgId: string, pulseIds: string[], view: string, version: string): Promise<Map<string, unknown>> {
  if (pulseIds.length === 0) return new Map();
  const rows = await x
    .select({ pulseId: pulseResultMemos.pulseId, results: pulseResultMemos.results })
    .from(pulseResultMemos)
    .where(and(eq(pulseResultMemos.orgId, orgId), inArray(pulseResultMemos.pulseId, pulseIds), eq(pulseResultMemos.view, view), eq(pulseResultMemos.version, version)));
  return new Map(rows.map((r) => [r.pulseId, r.results]));
}

/**
 * Stores one view's results. Two instances computing at once store the same answer from the same
 * closed data; a row of another version is replaced.
 */
export async function savePulseResultMemo(x: Executor, orgId: string, pulseId: string, view: string, version: string, results: unknown, at: Date): Promise<void> {
  await x
    .insert(pulseResultMemos)
    .values({ orgId, pulseId, view, version, results, computedAt: at })
    .onConflictDoUpdate({
      target: [pulseResultMemos.orgId, pulseResultMemos.pulseId, pulseResultMemos.view],
      set: { version, results, computedAt: at },
      setWhere: sql`${pulseResultMemos.version} <> ${version}`,
    });
}

/** A few goals and initiatives of an organisation by title (the demo links its actions to them). */
export async function listActionLinkTargets(x: Executor, orgId: string, limit: number) {
  const [g, i] = await Promise.all([
    x.select({ id: goals.id, title: goals.title }).from(goals).where(eq(goals.orgId, orgId)).orderBy(asc(goals.title)).limit(limit),
    x.select({ id: initiatives.id, title: initiatives.title }).from(initiatives).where(eq(initiatives.orgId, orgId)).orderBy(asc(initiatives.title)).limit(limit),
  ]);
  return { goals: g, initiatives: i };
}
