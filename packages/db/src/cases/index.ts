import { and, asc, desc, eq, inArray, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client';
import { caseControls, caseLines, cases, caseVersions } from '../schema/cases';
import { goals, initiativeGoals, initiatives } from '../schema/strategy';

export type CaseRow = typeof cases.$inferSelect;
export type NewCase = typeof cases.$inferInsert;
export type CaseVersionRow = typeof caseVersions.$inferSelect;
export type NewCaseVersion = typeof caseVersions.$inferInsert;
export type CaseLineRow = typeof caseLines.$inferSelect;
export type CaseControlRow = typeof caseControls.$inferSelect;
export type NewCaseLine = Pick<CaseLineRow, 'label' | 'type' | 'year' | 'low' | 'likely' | 'high'>;
export type NewCaseControl = Pick<CaseControlRow, 'label' | 'costPerYear' | 'frequencyReduction' | 'magnitudeReduction'>;

export interface CaseVersionWithItems extends CaseVersionRow {
  lines: CaseLineRow[];
  controls: CaseControlRow[];
}

export async function insertCase(x: Executor, v: NewCase): Promise<CaseRow> {
  const [row] = await x.insert(cases).values(v).returning();
  return row!;
}

export async function updateCaseHead(x: Executor, orgId: string, id: string, patch: Partial<NewCase>): Promise<void> {
  await x
    .update(cases)
    .set(patch)
    .where(and(eq(cases.orgId, orgId), eq(cases.id, id)));
}

export async function deleteCase(x: Executor, orgId: string, id: string): Promise<boolean> {
  const rows = await x
    .delete(cases)
    .where(and(eq(cases.orgId, orgId), eq(cases.id, id)))
    .returning({ id: cases.id });
  return rows.length > 0;
}

export async function findCase(x: Executor, orgId: string, id: string): Promise<CaseRow | null> {
  const [row] = await x
    .select()
    .from(cases)
    .where(and(eq(cases.orgId, orgId), eq(cases.id, id)));
  return row ?? null;
}

/** Stores one version with its lines and controls. */
export async function insertCaseVersion(x: Executor, v: NewCaseVersion, lines: NewCaseLine[], controls: NewCaseControl[]): Promise<CaseVersionRow> {
  const [row] = await x.insert(caseVersions).values(v).returning();
  if (lines.length) await x.insert(caseLines).values(lines.map((l, position) => ({ ...l, orgId: v.orgId, versionId: row!.id, position })));
  if (controls.length) await x.insert(caseControls).values(controls.map((c, position) => ({ ...c, orgId: v.orgId, versionId: row!.id, position })));
  return row!;
}

/** One version of a case with its lines and controls, in input order. */
export async function findCaseVersion(x: Executor, orgId: string, caseId: string, version: number): Promise<CaseVersionWithItems | null> {
  const [row] = await x
    .select()
    .from(caseVersions)
    .where(and(eq(caseVersions.orgId, orgId), eq(caseVersions.caseId, caseId), eq(caseVersions.version, version)));
  if (!row) return null;
  const [lines, controls] = await Promise.all([
    x.select().from(caseLines).where(and(eq(caseLines.orgId, orgId), eq(caseLines.versionId, row.id))).orderBy(asc(caseLines.position)),
    x.select().from(caseControls).where(and(eq(caseControls.orgId, orgId), eq(caseControls.versionId, row.id))).orderBy(asc(caseControls.position)),
  ]);
  return { ...row, lines, controls };
}

/** The newest versions first (results included, inputs not), at most `limit`, older than version `before` when given. */
export async function listCaseVersions(x: Executor, orgId: string, caseId: string, limit: number, before: number | null = null): Promise<CaseVersionRow[]> {
  const conds = [eq(caseVersions.orgId, orgId), eq(caseVersions.caseId, caseId)];
  if (before !== null) conds.push(lt(caseVersions.version, before));
  return x
    .select()
    .from(caseVersions)
    .where(and(...conds))
    .orderBy(desc(caseVersions.version))
    .limit(limit);
}

export interface CaseListRow extends CaseRow {
  initiativeTitle: string | null;
}

/** A page of cases with the initiative titles; sorted on the stored headline figures. */
export async function listCases(
  x: Executor,
  orgId: string,
  q: { kind?: 'business' | 'security' | undefined; sort: 'updated' | 'title' | 'ale' | 'npv'; limit: number; offset: number },
): Promise<{ rows: CaseListRow[]; total: number }> {
  const where: SQL = q.kind ? and(eq(cases.orgId, orgId), eq(cases.kind, q.kind))! : eq(cases.orgId, orgId);
  const order =
    q.sort === 'title'
      ? [asc(cases.title), asc(cases.id)]
      : q.sort === 'ale'
        ? [sql`${cases.aleBefore} desc nulls last`, asc(cases.id)]
        : q.sort === 'npv'
          ? [sql`${cases.npvP50} desc nulls last`, asc(cases.id)]
          : [desc(cases.updatedAt), asc(cases.id)];
  const rows = await x
    .select({ c: cases, initiativeTitle: initiatives.title })
    .from(cases)
    .leftJoin(initiatives, and(eq(initiatives.id, cases.initiativeId), eq(initiatives.orgId, cases.orgId)))
    .where(where)
    .orderBy(...order)
    .limit(q.limit)
    .offset(q.offset);
  const [count] = await x
    .select({ n: sql<number>`count(*)::int` })
    .from(cases)
    .where(where);
  return { rows: rows.map((r) => ({ ...r.c, initiativeTitle: r.initiativeTitle })), total: Number(count?.n ?? 0) };
}

/** Totals over every security case of the organisation (exposure before and after controls). */
export async function securityTotals(x: Executor, orgId: string): Promise<{ aleBefore: number; aleAfter: number }> {
  const [row] = await x
    .select({ before: sql<string | number | null>`coalesce(sum(${cases.aleBefore}), 0)`, after: sql<string | number | null>`coalesce(sum(${cases.aleAfter}), 0)` })
    .from(cases)
    .where(and(eq(cases.orgId, orgId), eq(cases.kind, 'security')));
  return { aleBefore: Number(row?.before ?? 0), aleAfter: Number(row?.after ?? 0) };
}

/** Current versions (with controls) of up to `limit` security cases, highest ALE first. */
export async function currentSecurityVersions(x: Executor, orgId: string, limit: number): Promise<CaseVersionWithItems[]> {
  const rows = await x
    .select({ v: caseVersions })
    .from(cases)
    .innerJoin(caseVersions, and(eq(caseVersions.caseId, cases.id), eq(caseVersions.version, cases.version), eq(caseVersions.orgId, cases.orgId)))
    .where(and(eq(cases.orgId, orgId), eq(cases.kind, 'security')))
    .orderBy(sql`${cases.aleBefore} desc nulls last`, asc(cases.id))
    .limit(limit);
  const ids = rows.map((r) => r.v.id);
  const controls = ids.length
    ? await x.select().from(caseControls).where(and(eq(caseControls.orgId, orgId), inArray(caseControls.versionId, ids))).orderBy(asc(caseControls.position))
    : [];
  return rows.map((r) => ({ ...r.v, lines: [], controls: controls.filter((c) => c.versionId === r.v.id) }));
}

/** The initiative (of this organisation) and the goals it serves, or null. */
export async function findCaseLinks(x: Executor, orgId: string, initiativeId: string): Promise<{ id: string; title: string; goals: { id: string; title: string }[] } | null> {
  const [ini] = await x
    .select({ id: initiatives.id, title: initiatives.title })
    .from(initiatives)
    .where(and(eq(initiatives.orgId, orgId), eq(initiatives.id, initiativeId)));
  if (!ini) return null;
  const gs = await x
    .select({ id: goals.id, title: goals.title })
    .from(initiativeGoals)
    .innerJoin(goals, and(eq(goals.id, initiativeGoals.goalId), eq(goals.orgId, initiativeGoals.orgId)))
    .where(and(eq(initiativeGoals.orgId, orgId), eq(initiativeGoals.initiativeId, initiativeId)))
    .orderBy(asc(goals.title))
    .limit(20);
  return { ...ini, goals: gs };
}

/** Ids of the organisation's initiatives with these exact titles (the demo links its cases by title). */
export async function initiativeIdsByTitle(x: Executor, orgId: string, titles: string[]): Promise<Map<string, string>> {
  if (titles.length === 0) return new Map();
  const rows = await x
    .select({ id: initiatives.id, title: initiatives.title })
    .from(initiatives)
    .where(and(eq(initiatives.orgId, orgId), inArray(initiatives.title, titles)));
  return new Map(rows.map((r) => [r.title, r.id]));
}

/**
 * Likely benefit per case year of the current version of every business case linked to an
 * initiative, with the year the case was made (its year 0).
 */
export async function businessCaseBenefitLines(x: Executor, orgId: string): Promise<{ initiativeId: string; caseId: string; startYear: number; year: number; likely: number }[]> {
  const rows = await x
    .select({ initiativeId: cases.initiativeId, caseId: cases.id, createdAt: cases.createdAt, year: caseLines.year, likely: sql<string | number>`sum(${caseLines.likely})` })
    .from(cases)
    .innerJoin(caseVersions, and(eq(caseVersions.orgId, cases.orgId), eq(caseVersions.caseId, cases.id), eq(caseVersions.version, cases.version)))
    .innerJoin(caseLines, and(eq(caseLines.orgId, caseVersions.orgId), eq(caseLines.versionId, caseVersions.id)))
    .where(and(eq(cases.orgId, orgId), eq(cases.kind, 'business'), isNotNull(cases.initiativeId), eq(caseLines.type, 'benefit')))
    .groupBy(cases.initiativeId, cases.id, cases.createdAt, caseLines.year);
  return rows.map((r) => ({ initiativeId: r.initiativeId!, caseId: r.caseId, startYear: r.createdAt.getUTCFullYear(), year: r.year, likely: Number(r.likely) }));
}
