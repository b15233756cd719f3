import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZCreateEnablerRequest,
  ZCreateGoalRequest,
  ZCreateInitiativeRequest,
  ZCreateSwotRequest,
  ZEnabler,
  ZEnablerList,
  ZGoal,
  ZGoalList,
  ZHealthHistory,
  ZHealthHistoryQuery,
  ZHistoryList,
  ZIdParams,
  ZImportResult,
  ZInitiative,
  ZInitiativeList,
  ZLadder,
  ZOk,
  ZPutLadderRequest,
  ZRoadmap,
  ZRoadmapHealth,
  ZStrategySettings,
  ZSwotItem,
  ZSwotList,
  ZSwotQuery,
  ZUpdateEnablerRequest,
  ZUpdateGoalRequest,
  ZUpdateInitiativeRequest,
  ZUpdateSwotRequest,
  ZPageQuery,
} from '@tandem/contracts';
import { requireOrg } from '../../plugins/auth';
import { checkRoadmapHealth, getSettings, healthHistory, healthSnapshotJob, putSettings } from './check-roadmap-health';
import { exportStrategy } from './export-strategy';
import { importStrategy, type StrategyCsvKind } from './import-strategy';
import { listItemHistory } from './list-history';
import { createEnabler, deleteOrgEnabler, getEnabler, listEnablers, updateOrgEnabler } from './manage-enablers';
import { createGoal, deleteOrgGoal, getGoal, listGoals, updateOrgGoal } from './manage-goals';
import { createInitiative, deleteOrgInitiative, getInitiative, listInitiatives, updateOrgInitiative } from './manage-initiatives';
import { createSwot, deleteOrgSwot, listOrgSwot, updateOrgSwot } from './manage-swot';
import { getLadder, setLadder } from './set-ladder';
import { viewRoadmap } from './load-view';

const tags = ['strategy'];
const ok = { ok: true as const };

/** Goals, initiatives, enablers, the delivery ladder, SWOT boards, history and the roadmap health check. */
export async function strategyRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = app.ctx;
  // The daily health snapshot is written here, never by a GET (decision 104).
  app.jobs.register(healthSnapshotJob);

  /* ---- goals ---- */
  r.get('/goals', { config: { access: 'member', etag: true, dataVersion: 'strategy' }, schema: { tags, summary: 'Business goals with progress rolled up from initiatives and enablers; by title, paged (?limit ≤ 500, ?cursor)', querystring: ZPageQuery, response: { 200: ZGoalList } } }, (req) =>
    listGoals(ctx, requireOrg(req), req.query),
  );
  r.post('/goals', { config: { access: 'leader' }, schema: { tags, summary: 'Add a business goal with a measurable target', body: ZCreateGoalRequest, response: { 201: ZGoal } } }, async (req, reply) =>
    reply.status(201).send(await createGoal(ctx, requireOrg(req), req.body)),
  );
  r.get('/goals/:id', { config: { access: 'member' }, schema: { tags, summary: 'One goal', params: ZIdParams, response: { 200: ZGoal } } }, (req) => getGoal(ctx, requireOrg(req), req.params.id));
  r.patch('/goals/:id', { config: { access: 'leader' }, schema: { tags, summary: 'Edit a goal; date and owner changes are kept in its history', params: ZIdParams, body: ZUpdateGoalRequest, response: { 200: ZGoal } } }, (req) =>
    updateOrgGoal(ctx, requireOrg(req), req.params.id, req.body),
  );
  r.delete('/goals/:id', { config: { access: 'leader' }, schema: { tags, summary: 'Delete a goal; 409 with the list while initiatives still serve it', params: ZIdParams, response: { 200: ZOk } } }, async (req) => {
    await deleteOrgGoal(ctx, requireOrg(req), req.params.id);
    return ok;
  });
  r.get('/goals/:id/history', { config: { access: 'member' }, schema: { tags, summary: 'Changes to the due date and owner of a goal, newest first; paged (?limit ≤ 500, ?cursor)', params: ZIdParams, querystring: ZPageQuery, response: { 200: ZHistoryList } } }, (req) =>
    listItemHistory(ctx, requireOrg(req), 'goal', req.params.id, req.query),
  );

  /* ---- initiatives ---- */
  r.get('/initiatives', { config: { access: 'member', etag: true, dataVersion: 'strategy' }, schema: { tags, summary: 'Business initiatives with their goals, enablers, horizon, progress and delivery ladder; by title, paged (?limit ≤ 500, ?cursor)', querystring: ZPageQuery, response: { 200: ZInitiativeList } } }, (req) =>
    listInitiatives(ctx, requireOrg(req), req.query),
  );
  r.post('/initiatives', { config: { access: 'leader' }, schema: { tags, summary: 'Add an initiative serving goals', body: ZCreateInitiativeRequest, response: { 201: ZInitiative } } }, async (req, reply) =>
    reply.status(201).send(await createInitiative(ctx, requireOrg(req), req.body)),
  );
  r.get('/initiatives/:id', { config: { access: 'member' }, schema: { tags, summary: 'One initiative', params: ZIdParams, response: { 200: ZInitiative } } }, (req) =>
    getInitiative(ctx, requireOrg(req), req.params.id),
  );
  r.patch(
    '/initiatives/:id',
    { config: { access: 'leader' }, schema: { tags, summary: 'Edit an initiative; goalIds replaces its goal links; date, status and owner changes are kept', params: ZIdParams, body: ZUpdateInitiativeRequest, response: { 200: ZInitiative } } },
    (req) => updateOrgInitiative(ctx, requireOrg(req), req.params.id, req.body),
  );
  r.delete('/initiatives/:id', { config: { access: 'leader' }, schema: { tags, summary: 'Delete an initiative with its links, ladder and SWOT items', params: ZIdParams, response: { 200: ZOk } } }, async (req) => {
    await deleteOrgInitiative(ctx, requireOrg(req), req.params.id);
    return ok;
  });
  r.get('/initiatives/:id/history', { config: { access: 'member' }, schema: { tags, summary: 'Changes to dates, status, owners, champions and ladder dates, newest first; paged (?limit ≤ 500, ?cursor)', params: ZIdParams, querystring: ZPageQuery, response: { 200: ZHistoryList } } }, (req) =>
    listItemHistory(ctx, requireOrg(req), 'initiative', req.params.id, req.query),
  );
  r.get('/initiatives/:id/ladder', { config: { access: 'member' }, schema: { tags, summary: 'The delivery ladder: now, next week, next month, next year', params: ZIdParams, response: { 200: ZLadder } } }, (req) =>
    getLadder(ctx, requireOrg(req), req.params.id),
  );
  r.put('/initiatives/:id/ladder', { config: { access: 'leader' }, schema: { tags, summary: 'Replace the delivery ladder (one deliverable with a date per rung)', params: ZIdParams, body: ZPutLadderRequest, response: { 200: ZLadder } } }, (req) =>
    setLadder(ctx, requireOrg(req), req.params.id, req.body),
  );

  /* ---- enablers ---- */
  r.get('/enablers', { config: { access: 'member', etag: true, dataVersion: 'strategy' }, schema: { tags, summary: 'Technical enablers with the initiatives they enable; by title, paged (?limit ≤ 500, ?cursor)', querystring: ZPageQuery, response: { 200: ZEnablerList } } }, (req) =>
    listEnablers(ctx, requireOrg(req), req.query),
  );
  r.post('/enablers', { config: { access: 'leader' }, schema: { tags, summary: 'Add a technical enabler', body: ZCreateEnablerRequest, response: { 201: ZEnabler } } }, async (req, reply) =>
    reply.status(201).send(await createEnabler(ctx, requireOrg(req), req.body)),
  );
  r.get('/enablers/:id', { config: { access: 'member' }, schema: { tags, summary: 'One enabler', params: ZIdParams, response: { 200: ZEnabler } } }, (req) => getEnabler(ctx, requireOrg(req), req.params.id));
  r.patch(
    '/enablers/:id',
    { config: { access: 'leader' }, schema: { tags, summary: 'Edit an enabler; a dependency cycle is refused with 409', params: ZIdParams, body: ZUpdateEnablerRequest, response: { 200: ZEnabler } } },
    (req) => updateOrgEnabler(ctx, requireOrg(req), req.params.id, req.body),
  );
  r.delete('/enablers/:id', { config: { access: 'leader' }, schema: { tags, summary: 'Delete an enabler', params: ZIdParams, response: { 200: ZOk } } }, async (req) => {
    await deleteOrgEnabler(ctx, requireOrg(req), req.params.id);
    return ok;
  });
  r.get('/enablers/:id/history', { config: { access: 'member' }, schema: { tags, summary: 'Changes to dates, status and owner of an enabler, newest first; paged (?limit ≤ 500, ?cursor)', params: ZIdParams, querystring: ZPageQuery, response: { 200: ZHistoryList } } }, (req) =>
    listItemHistory(ctx, requireOrg(req), 'enabler', req.params.id, req.query),
  );

  /* ---- SWOT ---- */
  r.get('/swot', { config: { access: 'member' }, schema: { tags, summary: 'SWOT items, oldest first, optionally of one goal or initiative; paged (?limit ≤ 500, ?cursor)', querystring: ZSwotQuery, response: { 200: ZSwotList } } }, (req) =>
    listOrgSwot(ctx, requireOrg(req), req.query),
  );
  r.post('/swot', { config: { access: 'leader' }, schema: { tags, summary: 'Add a SWOT item about a goal or an initiative', body: ZCreateSwotRequest, response: { 201: ZSwotItem } } }, async (req, reply) =>
    reply.status(201).send(await createSwot(ctx, requireOrg(req), req.body)),
  );
  r.patch('/swot/:id', { config: { access: 'leader' }, schema: { tags, summary: 'Edit a SWOT item', params: ZIdParams, body: ZUpdateSwotRequest, response: { 200: ZSwotItem } } }, (req) =>
    updateOrgSwot(ctx, requireOrg(req), req.params.id, req.body),
  );
  r.delete('/swot/:id', { config: { access: 'leader' }, schema: { tags, summary: 'Delete a SWOT item', params: ZIdParams, response: { 200: ZOk } } }, async (req) => {
    await deleteOrgSwot(ctx, requireOrg(req), req.params.id);
    return ok;
  });

  /* ---- the whole roadmap ---- */
  r.get('/roadmap', { config: { access: 'member', etag: true, dataVersion: 'strategy' }, schema: { tags, summary: 'Goals, initiatives and enablers in one answer (one read of the roadmap)', response: { 200: ZRoadmap } } }, (req) =>
    viewRoadmap(ctx, ctx.db, requireOrg(req).orgId),
  );

  /* ---- roadmap health ---- */
  r.get('/roadmap/health', { config: { access: 'member' }, schema: { tags, summary: 'Roadmap health check: four scores answering the seed questions, with findings to fix (a read; the daily snapshot is a scheduled job)', response: { 200: ZRoadmapHealth } } }, (req) =>
    checkRoadmapHealth(ctx, requireOrg(req)),
  );
  r.get('/roadmap/health/history', { config: { access: 'member', etag: true }, schema: { tags, summary: 'Daily health snapshots, oldest first', querystring: ZHealthHistoryQuery, response: { 200: ZHealthHistory } } }, (req) =>
    healthHistory(ctx, requireOrg(req), req.query.days),
  );
  r.get('/roadmap/settings', { config: { access: 'member', etag: true, dataVersion: 'strategy' }, schema: { tags, summary: 'Settings of the health check', response: { 200: ZStrategySettings } } }, (req) => getSettings(ctx, requireOrg(req)));
  r.put('/roadmap/settings', { config: { access: 'admin' }, schema: { tags, summary: 'Set the grace period within which IT must be involved in a new initiative', body: ZStrategySettings, response: { 200: ZStrategySettings } } }, (req) =>
    putSettings(ctx, requireOrg(req), req.body),
  );

  /* ---- CSV ---- */
  const csvRoutes = (kind: StrategyCsvKind, header: string) => {
    r.post(
      `/${kind}/import`,
      {
        config: { access: 'leader' },
        bodyLimit: 10 * 1024 * 1024,
        schema: { tags, summary: `Import ${kind} from CSV (text/csv; header ${header}); bad rows are reported by line`, consumes: ['text/csv'], body: z.string(), response: { 200: ZImportResult } },
      },
      (req) => importStrategy(ctx, requireOrg(req), kind, req.body),
    );
    r.get(`/${kind}.csv`, { config: { access: 'leader' }, schema: { tags, summary: `Export ${kind} as CSV (formula cells escaped)`, produces: ['text/csv'] } }, async (req, reply: FastifyReply) => {
      const csv = await exportStrategy(ctx, requireOrg(req), kind);
      return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${kind}.csv"`).send(csv);
    });
  };
  csvRoutes('goals', 'title,metric,baseline,target,unit,due_date,owner_email');
  csvRoutes('initiatives', 'title,description,goals,owner_email,business_champion_email,it_champion_email,start_date,end_date,status,effort,ansoff,it_involved_at');
  csvRoutes('enablers', 'title,initiatives,owner_email,start_date,end_date,status,effort');
}
