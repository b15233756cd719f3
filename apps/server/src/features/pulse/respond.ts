import {
  findMemberInvitation,
  findOrganisation,
  findPulse,
  findPulseLink,
  listMemberPulses,
  listPulseQuestions,
  listSegmentValues,
  submitPulseResponse,
  type PulseLink,
  type PulseRow,
  type StatedSegment,
  type SubmissionBy,
} from '@tandem/db';
import type { TMyPulses, TRespondForm, TSubmitResponseRequest } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../../context';
import { AppError, notFound } from '../../lib/errors';
import { sha256 } from '../../lib/crypto';
import { acceptsResponses, effectiveStatus } from './pulse.mapper';

/** A pulse token is 16 random bytes in base64url: exactly 22 characters. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{22}$/;

const SCALE = [
  { value: 1, label: 'Strongly disagree' },
  { value: 2, label: 'Disagree' },
  { value: 3, label: 'Neither agree nor disagree' },
  { value: 4, label: 'Agree' },
  { value: 5, label: 'Strongly agree' },
];

/** Unknown and malformed links answer exactly the same, so a link's existence cannot be probed. */
const invalidLink = () => new AppError('not_found', 'This survey link is not valid');
const closed = () => new AppError('gone', 'This pulse has closed; thank you all the same');
const used = () => new AppError('conflict', 'This link has already been used to answer; each link works once');

/**
 * Resolves a link (one query) in the order the respondent needs to hear about it: not a link
 * (404), the pulse is over (410), already answered (409), not open yet (409).
 */
async function resolveLink(ctx: AppContext, token: string): Promise<PulseLink> {
  if (!TOKEN_SHAPE.test(token)) throw invalidLink();
  const link = await findPulseLink(ctx.db, sha256(token));
  if (!link) throw invalidLink();
  const now = ctx.now();
  if (link.status === 'closed' || (link.closesAt && link.closesAt <= now)) throw closed();
  if (link.used) throw used();
  if (link.status !== 'open' || (link.opensAt && link.opensAt > now)) throw new AppError('conflict', 'This pulse is not open yet');
  return link;
}

/**
 * What an unlinked respondent may state (decision 024): side and level from the audience when it
 * names one, else both values; department and location from the audience, else the
 * organisation's values (optional on the form).
 */
async function segmentChoices(ctx: AppContext, pulse: PulseRow): Promise<NonNullable<TRespondForm['segment']>> {
  const a = pulse.audience;
  const values = await listSegmentValues(ctx.db, pulse.orgId);
  return {
    side: a.side ? [a.side] : ['it', 'business'],
    level: a.level ? [a.level] : ['leader', 'employee'],
    department: a.department !== undefined ? [a.department] : values.department,
    location: a.location !== undefined ? [a.location] : values.location,
  };
}

function segmentError(path: string, message: string) {
  return new AppError('validation', `Invalid body.${path}: ${message}`, [{ path: `body.${path}`, message }]);
}

/** Checks the segment an unlinked respondent states against {@link segmentChoices}; '' stands for "not stated". */
async function statedSegment(ctx: AppContext, pulse: PulseRow, input: TSubmitResponseRequest): Promise<StatedSegment> {
  const c = await segmentChoices(ctx, pulse);
  if (!input.side) throw segmentError('side', 'is required for this link: say whether you work in IT or the business (it or business)');
  if (!c.side.includes(input.side)) throw segmentError('side', `must be ${c.side.join(' or ')} for this pulse, not ${input.side}`);
  if (!input.level) throw segmentError('level', 'is required for this link: say whether you lead people or not (leader or employee)');
  if (!c.level.includes(input.level)) throw segmentError('level', `must be ${c.level.join(' or ')} for this pulse, not ${input.level}`);
  const pick = (field: 'department' | 'location') => {
    const given = input[field] ?? '';
    const fixed = pulse.audience[field];
    if (fixed !== undefined) return fixed;
    if (given === '') return '';
    const match = c[field].find((v) => v.toLowerCase() === given.toLowerCase());
    if (match === undefined) throw segmentError(field, `"${given}" is not one of the organisation's ${field === 'department' ? 'departments' : 'locations'}`);
    return match;
  };
  return { side: input.side, level: input.level, department: pick('department'), location: pick('location') };
}

export async function getResponseForm(ctx: AppContext, token: string): Promise<TRespondForm> {
  const link = await resolveLink(ctx, token);
  const pulse = (await findPulse(ctx.db, link.orgId, link.pulseId))!;
  return formOf(ctx, pulse, link.unlinked);
}

async function formOf(ctx: AppContext, pulse: PulseRow, unlinked: boolean): Promise<TRespondForm> {
  const org = await findOrganisation(ctx.db, pulse.orgId);
  const questions = await listPulseQuestions(ctx.db, pulse.orgId, [pulse.id]);
  return {
    segment: unlinked ? await segmentChoices(ctx, pulse) : null,
    organisation: org?.name ?? '',
    title: pulse.title,
    closesAt: pulse.closesAt?.toISOString() ?? null,
    minGroupSize: pulse.minGroupSize,
    questions: questions.map((q) => ({ id: q.id, text: q.text })),
    scale: SCALE,
  };
}

/** The 400 a respondent gets when the answers do not cover the pulse's questions exactly once. */
function answerErrors(questionIds: string[], input: TSubmitResponseRequest): AppError {
  const known = new Set(questionIds);
  const seen = new Set<string>();
  const details: { path: string; message: string }[] = [];
  input.answers.forEach((a, i) => {
    if (!known.has(a.questionId)) details.push({ path: `body.answers.${i}.questionId`, message: 'is not a question of this pulse' });
    else if (seen.has(a.questionId)) details.push({ path: `body.answers.${i}.questionId`, message: 'is answered twice' });
    seen.add(a.questionId);
  });
  const missing = questionIds.filter((id) => !seen.has(id));
  if (details.length === 0) details.push({ path: 'body.answers', message: `every question needs an answer; missing ${missing.join(', ')}` });
  return new AppError('validation', `Invalid ${details[0]!.path}: ${details[0]!.message}`, details);
}

/**
 * Stores one anonymous response: the answers, the segment (copied from the invitation, or stated
 * by the respondent for an unlinked link), and the day (UTC). Never the person, the token, the IP
 * or the time of day. Every question needs exactly one answer (so every number of a segment rests
 * on the same n). Lookup, checks, consuming the link and the insert are one atomic statement:
 * concurrent submissions of one link store one response, and none lands after the pulse closed.
 * The answer order is then the same as {@link resolveLink}'s: 404, 410, 409, 400.
 */
export async function submitResponse(ctx: AppContext, token: string, input: TSubmitResponseRequest): Promise<void> {
  if (!TOKEN_SHAPE.test(token)) throw invalidLink();
  const tokenHash = sha256(token);
  let stated: StatedSegment | null = null;
  if (input.side !== undefined || input.level !== undefined || input.department !== undefined || input.location !== undefined) {
    // A stated segment costs one more read: is the link unlinked, and which values may be stated?
    const link = await resolveLink(ctx, token);
    if (link.unlinked) stated = await statedSegment(ctx, (await findPulse(ctx.db, link.orgId, link.pulseId))!, input);
  }
  await submit(ctx, { tokenHash }, stated, input, invalidLink);
}

async function submit(ctx: AppContext, by: SubmissionBy, stated: StatedSegment | null, input: TSubmitResponseRequest, missing: () => AppError): Promise<void> {
  const now = ctx.now();
  const out = await submitPulseResponse(ctx.db, {
    by,
    stated,
    day: now.toISOString().slice(0, 10),
    now,
    answers: input.answers.map((a) => ({ questionId: a.questionId, value: a.value, comment: a.comment ?? null })),
  });
  if (!out) throw missing();
  if (out.stored) return;
  const link = out.link;
  if (link.status === 'closed' || (link.closesAt && link.closesAt <= now)) throw closed();
  if (link.used) throw used();
  if (link.status !== 'open' || (link.opensAt && link.opensAt > now)) throw new AppError('conflict', 'This pulse is not open yet');
  if (!out.complete) throw answerErrors(link.questionIds, input);
  if (link.unlinked && stated === null) throw segmentError(input.side ? 'level' : 'side', 'is required for this link: state your own side (it or business) and level (leader or employee)');
  // Open, unused and complete, yet not stored: a concurrent submission of the same link won.
  throw used();
}

/** The open pulses a signed-in member was invited to, with only whether they answered themselves. */
export async function listMyPulses(ctx: AppContext, auth: OrgAuth): Promise<TMyPulses> {
  const rows = await listMemberPulses(ctx.db, auth.orgId, auth.userId, ctx.now());
  return { pulses: rows.map((r) => ({ id: r.id, title: r.title, closesAt: r.closesAt?.toISOString() ?? null, answered: r.answered })) };
}

async function memberInvitation(ctx: AppContext, auth: OrgAuth, pulseId: string) {
  const pulse = await findPulse(ctx.db, auth.orgId, pulseId);
  const inv = pulse ? await findMemberInvitation(ctx.db, auth.orgId, pulseId, auth.userId) : null;
  // Not a pulse of this organisation, or not one the member was invited to: the same 404.
  if (!pulse || !inv) throw notFound('Pulse');
  return { pulse, inv };
}

/** The questions of a pulse the member was invited to, for answering from "My pulses". */
export async function getMemberForm(ctx: AppContext, auth: OrgAuth, pulseId: string): Promise<TRespondForm> {
  const { pulse } = await memberInvitation(ctx, auth, pulseId);
  const now = ctx.now();
  if (effectiveStatus(pulse, now) === 'closed') throw closed();
  if (!acceptsResponses(pulse, now)) throw new AppError('conflict', 'This pulse is not open yet');
  return formOf(ctx, pulse, false);
}

/**
 * A signed-in member answers their own invitation: the same atomic statement as a link, found by
 * the invitation instead of the token, so the response gets the invitation's segment and no
 * identity, and a second answer is 409.
 */
export async function submitMemberResponse(ctx: AppContext, auth: OrgAuth, pulseId: string, input: TSubmitResponseRequest): Promise<void> {
  const { inv } = await memberInvitation(ctx, auth, pulseId);
  await submit(ctx, { invitationId: inv.id }, null, input, () => notFound('Pulse'));
}
