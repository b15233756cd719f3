import { randomInt } from 'node:crypto';
import { addDays, createRng, groupPeople, groupReasons, isoWeekday, lastMetIndex, localDay, type PairingHistory, zonedToUtc } from '@tandem/core';
import { activeParticipants, findProgramme, groupsSince, insertCoffeeRound, insertGroupMembers, latestRoundNumber } from '@tandem/db';
import type { AppContext, OrgAuth } from '../../context';
import { randomToken, sha256 } from '../../lib/crypto';
import { AppError, notFound } from '../../lib/errors';
import { appLink, emitEvent, utcText } from '../integrations';
import { recordCrossoverAudit } from './audit';
import { inFilter } from './crossover.mapper';
import { coffeeEvent } from './coffee-event';
import { calendarText } from '../../lib/ics';

const isUniqueViolation = (e: unknown) => typeof e === 'object' && e !== null && (e as { code?: string }).code === '23505';

/** The default proposed time: two working days ahead at 10:00 in the programme's time zone. */
export function defaultProposedStart(now: Date, timeZone: string): Date {
  let day = addDays(localDay(now, timeZone), 2);
  while (isoWeekday(day) > 5) day = addDays(day, 1);
  return zonedToUtc(day, '10:00', timeZone);
}

/**
 * Runs the next round of a programme: groups everyone opted in (not paused, inside the filter)
 * with the core optimiser against the last `noRepeatRounds` rounds, stores the groups with their
 * reasons and a "did you meet?" token per member (only its SHA-256 is kept), then mails each
 * member their group with the .ics invitation and the one-click answer links (decision 071).
 */
export async function runRound(ctx: AppContext, auth: OrgAuth, programmeId: string, input: { proposedStart?: string | undefined; seed?: number | undefined } | null | undefined, origin: string) {
  const now = ctx.now();
  let made;
  try {
    made = await ctx.db.transaction(async (tx) => {
      const p = await findProgramme(tx, auth.orgId, programmeId);
      if (!p) throw notFound('Programme');
      const proposedStart = input?.proposedStart ? new Date(input.proposedStart) : defaultProposedStart(now, p.timeZone);
      if (proposedStart.getTime() <= now.getTime()) throw new AppError('validation', `proposedStart "${input?.proposedStart}" is in the past`, [{ path: 'body.proposedStart' }]);
      const people = (await activeParticipants(tx, auth.orgId, programmeId, localDay(now, p.timeZone))).filter((x) => inFilter(p, x));
      if (people.length < 2) {
        throw new AppError('unprocessable', `A round needs at least two people opted in; ${people.length} ${people.length === 1 ? 'is' : 'are'}`, { count: people.length });
      }
      const latest = await latestRoundNumber(tx, programmeId);
      const number = latest + 1;
      const past = await groupsSince(tx, auth.orgId, programmeId, latest - p.noRepeatRounds);
      const byGroup = new Map<string, { round: number; ids: string[] }>();
      for (const r of past) {
        const k = `${r.number}:${r.groupIndex}`;
        if (!byGroup.has(k)) byGroup.set(k, { round: r.number, ids: [] });
        byGroup.get(k)!.ids.push(r.personId);
      }
      const rounds = new Map<number, string[][]>();
      for (const g of byGroup.values()) {
        if (!rounds.has(g.round)) rounds.set(g.round, []);
        rounds.get(g.round)!.push(g.ids);
      }
      const history: PairingHistory = [...rounds].map(([round, pairs]) => ({ round, pairs }));
      const persons = people.map((x) => ({ id: x.id, side: x.side, department: x.department, location: x.location }));
      const result = groupPeople(
        persons,
        history,
        {
          groupSize: p.groupSize === 3 ? 3 : 2,
          noRepeatRounds: p.noRepeatRounds,
          preferCrossSide: p.preferCrossSide,
          preferCrossDepartment: p.preferCrossDepartment,
          preferSameLocation: p.inPerson && p.preferSameLocation,
          currentRound: number,
        },
        createRng(input?.seed ?? randomInt(0, 2_147_483_647)),
      );
      const met = lastMetIndex(history, number, p.noRepeatRounds);
      const byId = new Map(persons.map((x) => [x.id, x]));
      const round = await insertCoffeeRound(tx, auth.orgId, { programmeId, number, proposedStart });
      const tokens = new Map<string, string>();
      const groups = result.groups.map((ids, index) => ({ index, personIds: ids, reasons: groupReasons(ids.map((id) => byId.get(id)!), met, p.noRepeatRounds, result.search === 'none') }));
      await insertGroupMembers(
        tx,
        groups.flatMap((g) =>
          g.personIds.map((personId) => {
            const token = randomToken();
            tokens.set(personId, token);
            return { orgId: auth.orgId, roundId: round.id, groupIndex: g.index, personId, reasons: g.reasons, metTokenHash: sha256(token) };
          }),
        ),
      );
      await recordCrossoverAudit(ctx, tx, auth, 'coffee_round.created', round.id, { programmeId, number, people: people.length, groups: groups.length, repeats: result.repeats, ...(result.search ? { repeatSearch: result.search } : {}) });
      // Counts only: who meets whom stays in Tandem (and in each member's own mail).
      await emitEvent(ctx, tx, auth.orgId, 'coffee.round_made', {
        summary: `Coffee round ${number} of “${p.name}” is made: ${people.length} people in ${groups.length} groups, proposed for ${utcText(proposedStart)}`,
        programmeId,
        title: p.name,
        roundId: round.id,
        number,
        people: people.length,
        groups: groups.length,
        proposedStart: proposedStart.toISOString(),
        url: appLink(ctx, '/crossover'),
      });
      return { programme: p, round, groups, tokens, people: new Map(people.map((x) => [x.id, x])) };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('conflict', 'Another round of this programme was just started; reload to see it');
    throw e;
  }

  let mailed = 0;
  if (ctx.mailer) {
    for (const g of made.groups) {
      const members = g.personIds.map((id) => made.people.get(id)!);
      const event = coffeeEvent(made.programme, made.round, g.index, members);
      const ics = calendarText([event], 'REQUEST', now);
      for (const m of members) {
        const token = made.tokens.get(m.id)!;
        const others = members.filter((x) => x.id !== m.id).map((x) => `${x.name} (${x.department}, ${x.side === 'it' ? 'IT' : 'Business'})`);
        const link = `${origin}/crossover/met/${token}`;
        try {
          await ctx.mailer.send({
            to: m.email,
            subject: `Coffee: you meet ${members.filter((x) => x.id !== m.id).map((x) => x.name).join(' and ')}`,
            text: [
              `Hello ${m.name},`,
              '',
              `This round of "${made.programme.name}" you meet ${others.join(' and ')}.`,
              `Why this group: ${g.reasons.join('; ')}.`,
              `Proposed time: ${event.start.toISOString().replace('T', ' ').slice(0, 16)} UTC (invitation attached; move it as you like).`,
              '',
              'Afterwards, one click tells us whether you met:',
              `We met: ${link}?met=yes`,
              `We did not meet: ${link}?met=no`,
              '',
              `Opt out of this programme or pause it for a holiday: ${origin}/crossover/opt-out/${token}`,
            ].join('\n'),
            headers: { 'List-Unsubscribe': `<${origin}/crossover/opt-out/${token}>` },
            attachments: [{ filename: 'invite.ics', content: ics, contentType: 'text/calendar; charset=utf-8; method=REQUEST' }],
          });
          mailed++;
        } catch {
          // A failed mail must not undo the round: the group and its .ics stay in Tandem.
        }
      }
    }
  }
  return { id: made.round.id, number: made.round.number, proposedStart: made.round.proposedStart.toISOString(), groups: made.groups.map(({ personIds, reasons }) => ({ personIds, reasons })), mailed };
}
