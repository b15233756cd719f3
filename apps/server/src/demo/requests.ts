import { addDays, createRng, findStatus, type FlowDefinition, type Rng } from '@tandem/core';
import { insertDeferredNeedEvents, insertDeferredNeeds, insertReferenceProjects, insertRequests, insertTransitions, listPeople, replaceRequestFlow, type NewRequest } from '@tandem/db';
import { historyTransitions } from '../features/requests';
import type { DemoSeeder } from './seed';

const BUSINESS = [
  ['Sales', ['Discount field on quotes', 'Export pipeline to Excel', 'Price list for Mexico', 'CRM duplicate cleanup', 'Quote template with pump options']],
  ['Operations', ['Pick list sorted by aisle', 'Carrier label for UPS freight', 'Stock alert for top SKUs', 'Shift report on tablets', 'Returns reason codes']],
  ['Finance', ['Invoice layout for EU VAT', 'Month-end accrual report', 'Payment terms per distributor', 'Cost centre on purchase orders']],
  ['Customer Service', ['Order status email', 'Warranty lookup by serial', 'Call notes in the order screen', 'Spare-part finder for agents']],
  ['Marketing', ['Landing page for trade fair', 'Newsletter sign-up on the web shop', 'Product photos in the catalogue']],
] as const;
const TYPES = ['feature', 'feature', 'change', 'change', 'fix'] as const;
const IT_NEEDS = ['Patch the ERP database', 'Renew TLS certificates', 'Replace end-of-life firewall', 'Upgrade the file server', 'Move backups off site', 'Retire Windows 2012 servers', 'Network switch firmware', 'Rotate service passwords'];

/**
 * Northwind's own flow: work is built, then reviewed by the requester before it counts as done;
 * new requests are triaged or declined, triaged ones built, parked or declined; done work may be
 * reopened. Keys of the default flow are kept, so the two-year history reads the same.
 */
export const NORTHWIND_FLOW: FlowDefinition = {
  statuses: [
    { key: 'new', label: 'New', category: 'new' },
    { key: 'triaged', label: 'Triaged', category: 'triaged' },
    { key: 'in_progress', label: 'Building', category: 'in_progress' },
    { key: 'review', label: 'In review', category: 'in_progress' },
    { key: 'done', label: 'Done', category: 'done' },
    { key: 'rejected', label: 'Declined', category: 'rejected' },
    { key: 'deferred', label: 'Parked', category: 'deferred' },
  ],
  transitions: [
    { from: 'new', to: 'triaged' },
    { from: 'new', to: 'rejected' },
    { from: 'triaged', to: 'in_progress' },
    { from: 'triaged', to: 'deferred' },
    { from: 'triaged', to: 'rejected' },
    { from: 'deferred', to: 'triaged' },
    { from: 'in_progress', to: 'review' },
    { from: 'in_progress', to: 'deferred' },
    { from: 'review', to: 'in_progress' },
    { from: 'review', to: 'done' },
    { from: 'done', to: 'in_progress' },
  ],
};

/** A standard normal draw (Box–Muller) from the seeded generator. */
function normal(rng: Rng): number {
  const u = Math.max(1e-12, rng.next());
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)]!;

/**
 * Northwind's request history: two years of business requests (median lead time about two weeks,
 * log-normal tail) and a slower stream of IT needs (median about seven weeks); open requests of
 * which some are ageing badly; fifteen past projects whose actuals ran 1.2–2× their estimates;
 * and the ledger of deferred IT needs with the old generator among a dozen.
 */
export const seedRequests: DemoSeeder = async (ctx, { orgId, ownerId }) => {
  const rng = createRng('northwind-requests');
  const today = ctx.now().toISOString().slice(0, 10);
  const at = ctx.now();
  const people = await listPeople(ctx.db, orgId, false);
  const business = people.filter((p) => p.side === 'business');
  const it = people.filter((p) => p.side === 'it');
  const rows: NewRequest[] = [];
  for (let d = 730; d >= 1; d--) {
    const created = addDays(today, -d);
    const arrivals = rng.next() < 0.55 ? 1 : rng.next() < 0.25 ? 2 : 0;
    for (let k = 0; k < arrivals; k++) {
      const [dept, titles] = pick(rng, BUSINESS);
      const lead = Math.max(1, Math.round(Math.exp(Math.log(14) + 0.7 * normal(rng))));
      const wait = Math.min(lead - 1, Math.floor(rng.next() * lead * 0.6));
      const doneOn = addDays(created, lead);
      const open = doneOn >= today;
      const requester = business.length ? pick(rng, business) : null;
      rows.push({
        title: pick(rng, titles),
        description: '',
        requesterId: requester?.id ?? null,
        side: 'business',
        department: dept,
        type: pick(rng, TYPES),
        urgency: pick(rng, ['low', 'normal', 'normal', 'high'] as const),
        status: open ? (addDays(created, wait) < today ? (rng.next() < 0.3 ? 'review' : 'in_progress') : 'triaged') : 'done',
        createdOn: created,
        startedOn: addDays(created, wait) < today ? addDays(created, wait) : null,
        doneOn: open ? null : doneOn,
        itInvolvedOn: addDays(created, Math.min(wait, 3)) <= today ? addDays(created, Math.min(wait, 3)) : null,
        createdAt: at,
        updatedAt: at,
      });
    }
    if (rng.next() < 0.12) {
      const lead = Math.max(3, Math.round(Math.exp(Math.log(50) + 0.6 * normal(rng))));
      const doneOn = addDays(created, lead);
      const open = doneOn >= today;
      const start = Math.floor(lead * 0.5);
      rows.push({
        title: pick(rng, IT_NEEDS),
        description: '',
        requesterId: it.length ? pick(rng, it).id : null,
        side: 'it',
        department: 'IT',
        type: 'it_need',
        urgency: 'normal',
        status: open ? 'triaged' : 'done',
        createdOn: created,
        startedOn: open ? null : addDays(created, start),
        doneOn: open ? null : doneOn,
        itInvolvedOn: created,
        createdAt: at,
        updatedAt: at,
      });
    }
  }
  // Open work that is ageing badly: waiting far beyond anything normally delivered.
  for (const [title, dept, age, status] of [
    ['Single sign-on for the dealer portal', 'Sales', 240, 'triaged'],
    ['EDI link with the largest distributor', 'Operations', 180, 'in_progress'],
    ['Replace the old generator', 'IT', 400, 'deferred'],
    ['Barcode scanners for the Chicago warehouse', 'Operations', 120, 'new'],
  ] as const) {
    const created = addDays(today, -age);
    rows.push({ title, description: '', side: dept === 'IT' ? 'it' : 'business', department: dept, type: dept === 'IT' ? 'it_need' : 'feature', urgency: 'high', status, createdOn: created, startedOn: status === 'in_progress' ? addDays(created, 30) : null, doneOn: null, itInvolvedOn: addDays(created, 20), createdAt: at, updatedAt: at });
  }

  const projects = [
    ['ERP upgrade 2019', 120], ['Warehouse management system', 200], ['B2B portal v1', 90], ['Data warehouse', 150], ['Mobile sales app', 60],
    ['CRM migration', 100], ['E-invoicing', 45], ['Network refresh', 70], ['Office 365 rollout', 50], ['Payroll replacement', 110],
    ['Product configurator pilot', 80], ['Label printing overhaul', 30], ['Plant MES integration', 180], ['Backup modernisation', 40], ['Customer portal', 130],
  ] as const;

  const needs = [
    ['Replace the old generator', 40_000, 0.2, 250_000, 'Plant power, ERP, shipping', 1100, 'Budget went to the web shop'],
    ['Replace end-of-life core switch', 25_000, 0.15, 120_000, 'Whole network', 600, 'Waiting for the next fiscal year'],
    ['Second internet line for the plant', 8_000, 0.1, 60_000, 'Order intake, EDI', 900, 'Single line "has never failed"'],
    ['Upgrade ERP database to a supported version', 60_000, 0.12, 300_000, 'ERP, invoicing', 500, 'Business freeze during peak season'],
    ['Off-site backup of the file server', 5_000, 0.05, 80_000, 'Engineering drawings', 700, 'Low priority'],
    ['UPS batteries in the server room', 4_000, 0.25, 30_000, 'Server room', 400, 'Deferred twice'],
    ['Retire Windows 2012 servers', 30_000, 0.1, 90_000, 'Legacy reporting', 800, 'Apps not yet migrated'],
    ['Air conditioning of the server room', 15_000, 0.08, 70_000, 'All on-site servers', 300, 'Summer was mild'],
    ['Firewall support contract', 6_000, 0.1, 50_000, 'Remote access, VPN', 200, 'Contract lapsed'],
    ['Label printer fleet', 12_000, 0.3, 20_000, 'Shipping', 350, 'Printers still print'],
    ['Disaster-recovery test', 10_000, 0.05, 200_000, 'Everything', 650, 'No window for a test'],
    ['Password manager for admins', 3_000, 0.1, 40_000, 'Admin access', 150, 'Not urgent'],
  ] as const;

  for (const r of rows) r.statusCategory = findStatus(NORTHWIND_FLOW, r.status!)!.category;
  await ctx.db.transaction(async (tx) => {
    await replaceRequestFlow(tx, orgId, NORTHWIND_FLOW);
    const inserted = await insertRequests(tx, orgId, rows);
    await insertTransitions(tx, orgId, inserted.flatMap((r) => historyTransitions(r, ownerId, at, NORTHWIND_FLOW)));
    await insertReferenceProjects(
      tx,
      orgId,
      projects.map(([title, est], i) => ({ title, estimateDays: est, actualDays: Math.round(est * (1.2 + 0.8 * rng.next())), createdAt: new Date(at.getTime() - (15 - i) * 1000) })),
    );
    const needRows = await insertDeferredNeeds(
      tx,
      orgId,
      needs.map(([title, costNow, p, impact, services, daysAgo, reason]) => ({ title, costNow, annualFailureProbability: p, impact, services, reason, deferredOn: addDays(today, -daysAgo), createdAt: at, updatedAt: at })),
    );
    await insertDeferredNeedEvents(
      tx,
      orgId,
      needRows.map((n) => ({ needId: n.id, action: 'deferred' as const, onDay: n.deferredOn!, reason: n.reason, byPersonId: null, actorUserId: ownerId, at })),
    );
  });
};
