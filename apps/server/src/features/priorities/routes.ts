import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ZAddRoundItemsRequest,
  ZCompareQuery,
  ZCreateRoundRequest,
  ZCreateScenarioRequest,
  ZDisagreement,
  ZIdParams,
  ZItemIdParams,
  ZPageQuery,
  ZPatchDisagreementRequest,
  ZPatchRoundRequest,
  ZPortfolio,
  ZPortfolioQuery,
  ZPortfolioSettings,
  ZPortfolioSettingsAnswer,
  ZPutPortfolioRequest,
  ZPutScoresRequest,
  ZResults,
  ZRound,
  ZRoundList,
  ZRoundItemParams,
  ZRoundQuery,
  ZScenario,
  ZScenarioComparison,
  ZScenarioList,
  ZScoreList,
  ZScoresQuery,
  ZScoresWritten,
  ZScoringSheet,
  ZScoringSheetQuery,
  ZTagRoundItemRequest,
} from '@tandem/contracts';
import { requireOrg } from '../../plugins/auth';
import { addRoundItems } from './add-round-items';
import { changeRoundDates } from './change-round-dates';
import { closeRound, openRound } from './change-round-status';
import { compareScenarios } from './compare-scenarios';
import { createRound } from './create-round';
import { createScenario } from './create-scenario';
import { decideDisagreement, getDisagreement } from './decide-disagreement';
import { getPortfolio } from './get-portfolio';
import { getResults } from './get-results';
import { getRound } from './get-round';
import { getScoringSheet } from './get-scoring-sheet';
import { listOrgRoundsPage } from './list-rounds';
import { listRoundScenarios } from './list-scenarios';
import { listRoundScores } from './list-scores';
import { roundDatesJob } from './round-dates-job';
import { getPortfolioSettings, setPortfolio } from './set-portfolio';
import { changeScores, submitScores } from './submit-scores';
import { tagItem } from './tag-round-item';

const tags = ['priorities'];
const leader = { access: 'leader' as const };
const member = { access: 'member' as const };
const DATES =
  'Dates are days (YYYY-MM-DD, UTC). A draft with at least one item opens at the start of opensAt; an open round can be scored until the end of closesAt and closes at the start of the next day, with results computed as at a manual close (hourly job priorities.round-dates, decision 146). 400 when closesAt is before opensAt; 409 for a closed round.';
const LABELS =
  'categoryLabels names the three fixed categories run, grow and transform in the organisation\'s words (each 1 to 40 characters after trimming); the API keys stay run/grow/transform (decision 147).';

/** Priorities: Business and IT score separately; results, the disagreement queue, the portfolio. */
export async function prioritiesRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = app.ctx;
  app.jobs.register(roundDatesJob);

  r.post('/priorities/rounds', { config: leader, schema: { tags, summary: 'Create a draft scoring round', description: DATES, body: ZCreateRoundRequest, response: { 201: ZRound } } }, async (req, reply) =>
    reply.status(201).send(await createRound(ctx, requireOrg(req), req.body)),
  );
  r.get('/priorities/rounds', { config: member, schema: { tags, summary: 'Rounds, newest first, paged (?limit ≤ 500, ?cursor)', querystring: ZPageQuery, response: { 200: ZRoundList } } }, (req) =>
    listOrgRoundsPage(ctx, requireOrg(req), req.query),
  );
  r.get('/priorities/rounds/:id', { config: member, schema: { tags, summary: 'A round with its items, criteria and the caller as scorer', params: ZIdParams, response: { 200: ZRound } } }, (req) =>
    getRound(ctx, requireOrg(req), req.params.id),
  );
  r.post(
    '/priorities/rounds/:id/items',
    { config: leader, schema: { tags, summary: 'Add items while the round is a draft', params: ZIdParams, body: ZAddRoundItemsRequest, response: { 200: ZRound } } },
    (req) => addRoundItems(ctx, requireOrg(req), req.params.id, req.body),
  );
  r.patch(
    '/priorities/rounds/:id/items/:itemId',
    {
      config: leader,
      schema: { tags, summary: 'Tag an item with its portfolio category and horizon (any status; feeds the mix, never the scores)', params: ZRoundItemParams, body: ZTagRoundItemRequest, response: { 200: ZRound } },
    },
    (req) => tagItem(ctx, requireOrg(req), req.params.id, req.params.itemId, req.body),
  );
  r.patch(
    '/priorities/rounds/:id',
    {
      config: leader,
      schema: {
        tags,
        summary: 'Change the opening and closing days while draft or open',
        description: DATES,
        params: ZIdParams,
        body: ZPatchRoundRequest,
        response: { 200: ZRound },
      },
    },
    (req) => changeRoundDates(ctx, requireOrg(req), req.params.id, req.body),
  );
  r.post(
    '/priorities/rounds/:id/open',
    { config: leader, schema: { tags, summary: 'Open a draft round for scoring', description: `${DATES} Opening by hand does not wait for opensAt.`, params: ZIdParams, response: { 200: ZRound } } },
    (req) => openRound(ctx, requireOrg(req), req.params.id),
  );
  r.post(
    '/priorities/rounds/:id/close',
    { config: leader, schema: { tags, summary: 'Close a round: results appear', description: `${DATES} Closing by hand does not wait for closesAt.`, params: ZIdParams, response: { 200: ZRound } } },
    (req) => closeRound(ctx, requireOrg(req), req.params.id),
  );
  r.put(
    '/priorities/rounds/:id/scores',
    { config: member, schema: { tags, summary: 'Score an item (new scores; 409 if already scored)', params: ZIdParams, body: ZPutScoresRequest, response: { 200: ZScoresWritten } } },
    (req) => submitScores(ctx, requireOrg(req), req.params.id, req.body),
  );
  r.patch(
    '/priorities/rounds/:id/scores',
    { config: member, schema: { tags, summary: 'Change scores while the round is open', params: ZIdParams, body: ZPutScoresRequest, response: { 200: ZScoresWritten } } },
    (req) => changeScores(ctx, requireOrg(req), req.params.id, req.body),
  );
  r.get(
    '/priorities/rounds/:id/scores',
    { config: member, schema: { tags, summary: 'Scores, paged (?limit ≤ 500, ?cursor); blind while the round is open (own scores only)', params: ZIdParams, querystring: ZScoresQuery, response: { 200: ZScoreList } } },
    (req) => listRoundScores(ctx, requireOrg(req), req.params.id, req.query),
  );
  r.get(
    '/priorities/rounds/:id/sheet',
    {
      config: member,
      schema: { tags, summary: 'One scorer\'s sheet: the criteria their side owns and their own values (the caller\'s, or anyone\'s for an admin)', params: ZIdParams, querystring: ZScoringSheetQuery, response: { 200: ZScoringSheet } },
    },
    (req) => getScoringSheet(ctx, requireOrg(req), req.params.id, req.query.personId),
  );
  r.get(
    '/priorities/rounds/:id/results',
    { config: member, schema: { tags, summary: 'Both rankings, agreement and the queue; 409 with progress while open', params: ZIdParams, response: { 200: ZResults } } },
    (req) => getResults(ctx, requireOrg(req), req.params.id),
  );
  r.post(
    '/priorities/rounds/:id/scenarios',
    { config: leader, schema: { tags, summary: 'Save a named copy of the combined ranking with manual moves', params: ZIdParams, body: ZCreateScenarioRequest, response: { 201: ZScenario } } },
    async (req, reply) => reply.status(201).send(await createScenario(ctx, requireOrg(req), req.params.id, req.body)),
  );
  r.get(
    '/priorities/rounds/:id/scenarios',
    { config: member, schema: { tags, summary: 'Scenarios of a round, newest first, paged (?limit ≤ 500, ?cursor)', params: ZIdParams, querystring: ZPageQuery, response: { 200: ZScenarioList } } },
    (req) => listRoundScenarios(ctx, requireOrg(req), req.params.id, req.query),
  );
  r.get(
    '/priorities/scenarios/compare',
    { config: member, schema: { tags, summary: 'Compare two scenarios (or one with the current ranking)', querystring: ZCompareQuery, response: { 200: ZScenarioComparison } } },
    (req) => compareScenarios(ctx, requireOrg(req), req.query.a, req.query.b),
  );
  r.get(
    '/priorities/disagreements/:itemId',
    { config: member, schema: { tags, summary: 'One disagreement with its history', params: ZItemIdParams, querystring: ZRoundQuery, response: { 200: ZDisagreement } } },
    (req) => getDisagreement(ctx, requireOrg(req), req.query.round, req.params.itemId),
  );
  r.patch(
    '/priorities/disagreements/:itemId',
    {
      config: leader,
      schema: { tags, summary: 'Move a disagreement along open → discussing → decided', params: ZItemIdParams, querystring: ZRoundQuery, body: ZPatchDisagreementRequest, response: { 200: ZDisagreement } },
    },
    (req) => decideDisagreement(ctx, requireOrg(req), req.query.round, req.params.itemId, req.body),
  );
  r.put(
    '/priorities/portfolio',
    { config: leader, schema: { tags, summary: 'Capacity, target mix, the disagreement rule and the category names', description: `${LABELS} Left out keeps them; null goes back to Run, Grow, Transform.`, body: ZPutPortfolioRequest, response: { 200: ZPortfolioSettings } } },
    (req) => setPortfolio(ctx, requireOrg(req), req.body),
  );
  r.get('/priorities/portfolio/settings', { config: member, schema: { tags, summary: 'The organisation\'s portfolio settings', description: LABELS, response: { 200: ZPortfolioSettingsAnswer } } }, (req) =>
    getPortfolioSettings(ctx, requireOrg(req)),
  );
  r.get(
    '/priorities/portfolio',
    { config: member, schema: { tags, summary: 'Cut line and mix of a closed round; what moves in if `drop` were dropped', description: LABELS, querystring: ZPortfolioQuery, response: { 200: ZPortfolio } } },
    (req) => getPortfolio(ctx, requireOrg(req), req.query.round, req.query.drop),
  );
}
