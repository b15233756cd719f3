import { createRng } from '@tandem/core';
import {
  insertEnablerDependencies,
  insertEnablerInitiatives,
  insertEnablers,
  insertGoals,
  insertHistory,
  insertInitiativeGoals,
  insertInitiatives,
  insertLadderRungs,
  insertSwot,
  listPeople,
  type NewHistory,
} from '@tandem/db';
import type { DemoSeeder } from './seed';

type Ansoff = 'market_penetration' | 'product_development' | 'market_development' | 'diversification';

const GOALS = [
  { title: 'Grow online revenue from 18 to 30 M USD', metric: 'online revenue', baseline: 18, target: 30, unit: 'M USD', months: 12 },
  { title: 'Cut order-to-delivery lead time from 9 to 5 days', metric: 'order-to-delivery lead time', baseline: 9, target: 5, unit: 'days', months: 9 },
  { title: 'Raise on-time delivery from 87% to 96%', metric: 'on-time delivery', baseline: 87, target: 96, unit: '%', months: 12 },
  { title: 'Lower cost per order from 42 to 36 USD', metric: 'cost per order', baseline: 42, target: 36, unit: 'USD', months: 15 },
  { title: 'Lift customer NPS from 31 to 45', metric: 'NPS', baseline: 31, target: 45, unit: 'points', months: 12 },
  { title: 'Enter 2 new markets: Mexico retail and EU spare parts', metric: 'markets entered', baseline: 0, target: 2, unit: 'markets', months: 18 },
];

/**
 * 25 initiatives: [title, description, goal indexes, Ansoff quadrant, start offset in days, length in days,
 * effort in person-days]. Two are vague on purpose, and one leaves IT out: the health check tells that story.
 */
export const INITIATIVES: [string, string, number[], Ansoff, number, number, number][] = [
  ['B2B web shop for distributors', 'Self-service ordering for the 400 distributors who still order by email.', [0], 'market_penetration', -40, 200, 320],
  ['Spare-parts marketplace in 3 EU countries', 'Sell spare parts online in NL, DE and BE through one storefront.', [0, 5], 'market_development', 75, 240, 380],
  ['Configurable product line online', 'Customers configure pumps online: 12 options, priced live.', [0], 'product_development', 120, 210, 420],
  ['Mexico retail launch', 'Open 2 retail partners in Monterrey and Guadalajara.', [5], 'market_development', 30, 270, 300],
  ['Subscription maintenance plans', 'Annual maintenance plans sold with 20% of new pumps.', [0, 4], 'diversification', 150, 180, 260],
  ['Same-day dispatch for top 200 SKUs', 'Pick, pack and ship the 200 fastest movers on the day of the order.', [1, 2], 'market_penetration', -20, 120, 150],
  ['Automated carrier booking', 'Book carriers automatically for 90% of shipments.', [1, 3], 'market_penetration', 20, 90, 80],
  ['Warehouse slotting redesign in Chicago', 'Re-slot 6,000 locations by velocity to cut pick paths by 25%.', [1], 'market_penetration', 45, 100, 120],
  ['Supplier portal for 60 key suppliers', 'Suppliers confirm orders and ship dates online within 24 hours.', [2], 'market_penetration', -60, 180, 200],
  ['Delivery-date promise at checkout', 'Promise a delivery date at order entry, met 95% of the time.', [2, 4], 'product_development', 60, 120, 140],
  ['Production scheduling with finite capacity', 'Schedule the 3 plants against real capacity; plan adherence 90%.', [2], 'market_penetration', 100, 240, 360],
  ['Invoice automation for 80% of invoices', 'Touchless processing of supplier invoices.', [3], 'market_penetration', -30, 150, 110],
  ['Returns self-service', 'Customers open a return online; 70% without a phone call.', [3, 4], 'product_development', 90, 120, 90],
  ['Energy monitoring in 3 plants', 'Meter the 3 plants to cut energy cost per unit by 8%.', [3], 'market_penetration', 160, 150, 130],
  ['Field-service mobile app for 45 technicians', 'Technicians see history, parts and manuals on site.', [4], 'product_development', 10, 150, 170],
  ['Customer portal with order tracking', 'Every order tracked online from confirmation to delivery.', [4, 1], 'product_development', 40, 140, 160],
  ['Dealer training academy', 'Online training for 300 dealer staff, 4 courses in year one.', [5, 4], 'market_development', 200, 180, 90],
  ['Spanish-language catalogue and support', 'Catalogue, web shop and phone support in Spanish for Mexico.', [5], 'market_development', 60, 120, 70],
  ['Pricing engine for 4 segments', 'One price logic for distributors, retail, OEM and service.', [0, 3], 'market_penetration', 130, 150, 180],
  ['Demand forecasting for 1,500 SKUs', 'Weekly forecasts with error under 25% for A items.', [2, 3], 'market_penetration', 180, 150, 200],
  ['IoT pump telemetry pilot with 10 customers', 'Connected pumps report wear before failure.', [4], 'diversification', 240, 200, 250],
  ['Rental offer for industrial pumps', 'Rent pumps by the month to construction firms.', [5, 0], 'diversification', 280, 240, 210],
  // The two vague ones: a vague verb and no number anywhere.
  ['Improve the customer experience', 'Make every interaction with Northwind better.', [4], 'market_penetration', 70, 180, 150],
  ['Modernise the supply chain', 'Leverage new technology across logistics.', [1], 'market_penetration', 110, 270, 300],
  // The one that leaves IT out: no IT champion, a business owner, IT never involved.
  ['Trade-show lead follow-up in 48 hours', 'Call back every trade-show lead within 48 hours.', [0], 'market_penetration', 35, 90, 40],
];
const WITHOUT_IT = 24;
const IT_LATE = 10;

/** Enablers beyond one per initiative: [title, initiative indexes]. */
const SHARED_ENABLERS: [string, number[]][] = [
  ['Product information management for 12,000 SKUs', [0, 1, 2, 17]],
  ['Customer identity and single sign-on', [0, 14, 15]],
  ['Event streaming platform for orders', [5, 6, 9, 15]],
  ['Data warehouse on one customer model', [18, 19]],
  ['API gateway with partner keys', [1, 8, 3]],
];

const ENABLER_FOR: Record<number, string> = {
  0: 'ERP order API for the web shop',
  1: 'Multi-currency payment gateway (EUR, USD)',
  2: 'Product configurator with a rules engine',
  3: 'Mexico tax and e-invoicing (CFDI 4.0) in the ERP',
  4: 'Recurring billing in the ERP',
  5: 'Wave picking in the warehouse system',
  6: 'Carrier integration hub for 5 carriers',
  7: 'Slotting by pick velocity in the warehouse system',
  8: 'Supplier portal on the ERP',
  9: 'Available-to-promise service',
  10: 'Finite-capacity scheduler integration',
  11: 'Invoice capture with OCR',
  12: 'Returns workflow in the service system',
  13: 'Plant energy meters on the OT network',
  14: 'Offline-first mobile platform',
  15: 'Shipment tracking API',
  16: 'Learning management system',
  17: 'Spanish localisation of the web shop',
  18: 'Pricing service',
  19: 'Forecasting pipeline in the data platform',
  20: 'IoT ingestion on the data platform',
  21: 'Rental contract management',
  22: 'Customer feedback collection in the CRM',
  23: 'Transport management system selection',
  24: 'CRM lead routing rules',
};

const DAY = 86_400_000;

/**
 * The Northwind roadmap: 6 goals, 25 initiatives, 30 enablers with delivery ladders, SWOT items
 * and some history, dated relative to today so that the health check always tells the same story:
 * one late enabler (the configurator, 45 days after its initiative starts), two vague initiatives
 * and one initiative without IT.
 */
export const seedStrategy: DemoSeeder = async (ctx, { orgId, ownerId }) => {
  const rng = createRng('northwind-strategy');
  const now = ctx.now();
  const today = Math.floor(now.getTime() / DAY);
  const iso = (offset: number) => new Date((today + offset) * DAY).toISOString().slice(0, 10);
  const at = (offset: number) => new Date((today + offset) * DAY + 10 * 3_600_000);
  const between = (lo: number, hi: number) => lo + Math.floor(rng.next() * (hi - lo + 1));
  const status = (start: number, end: number) => (end < 0 ? 'done' : start <= 0 ? 'in_progress' : 'planned') as 'done' | 'in_progress' | 'planned';

  const everyone = await listPeople(ctx.db, orgId, false);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rng.next() * xs.length)]!;
  const bizLeaders = everyone.filter((p) => p.side === 'business' && p.level === 'leader');
  const bizPeople = everyone.filter((p) => p.side === 'business' && p.level === 'employee');
  const itLeaders = everyone.filter((p) => p.side === 'it' && p.level === 'leader');
  const itPeople = everyone.filter((p) => p.side === 'it');
  if (!bizLeaders.length || !itLeaders.length) return;

  await ctx.db.transaction(async (tx) => {
    const goals = await insertGoals(
      tx,
      orgId,
      GOALS.map((g) => ({
        title: g.title,
        metric: g.metric,
        baseline: g.baseline,
        target: g.target,
        unit: g.unit,
        dueDate: iso(g.months * 30),
        ownerId: pick(bizLeaders).id,
        createdAt: at(-150),
        updatedAt: at(-150),
      })),
    );

    const initiatives = await insertInitiatives(
      tx,
      orgId,
      INITIATIVES.map(([title, description, , ansoff, start, length, effort], i) => {
        const created = Math.min(start - between(45, 100), i === IT_LATE ? -60 : -20);
        return {
          title,
          description,
          ownerId: pick(bizLeaders).id,
          businessChampionId: pick(bizPeople).id,
          itChampionId: i === WITHOUT_IT ? null : pick(itPeople).id,
          startDate: iso(start),
          endDate: iso(start + length),
          status: status(start, start + length),
          effort,
          ansoff,
          itInvolvedAt: i === WITHOUT_IT ? null : iso(created + (i === IT_LATE ? 40 : between(0, 10))),
          createdAt: at(created),
          updatedAt: at(created),
        };
      }),
    );
    await insertInitiativeGoals(
      tx,
      orgId,
      INITIATIVES.flatMap(([, , goalIdx], i) => goalIdx.map((g) => ({ initiativeId: initiatives[i]!.id, goalId: goals[g]!.id }))),
    );

    // One enabler per initiative, ending 7 to 30 days before it starts, except the late configurator.
    const LATE = 2;
    const own = INITIATIVES.map(([, , , , start], i) => {
      const end = i === LATE ? start + 45 : start - between(7, 30);
      const begin = end - between(30, 90);
      return { title: ENABLER_FOR[i]!, initiatives: [i], start: begin, end };
    });
    const shared = SHARED_ENABLERS.map(([title, idx]) => {
      const end = Math.min(...idx.map((i) => INITIATIVES[i]![4])) - between(5, 20);
      return { title, initiatives: idx, start: end - between(60, 120), end };
    });
    const all = [...own, ...shared];
    const enablers = await insertEnablers(
      tx,
      orgId,
      all.map((e) => ({
        title: e.title,
        ownerId: pick(itLeaders.concat(itPeople)).id,
        startDate: iso(e.start),
        endDate: iso(e.end),
        status: status(e.start, e.end),
        effort: between(20, 160),
        createdAt: at(Math.min(e.start - 30, -10)),
        updatedAt: at(Math.min(e.start - 30, -10)),
      })),
    );
    await insertEnablerInitiatives(
      tx,
      orgId,
      all.flatMap((e, k) => e.initiatives.map((i) => ({ enablerId: enablers[k]!.id, initiativeId: initiatives[i]!.id }))),
    );
    // The configurator waits for the product information (PIM) and the pricing service.
    await insertEnablerDependencies(tx, orgId, [
      { enablerId: enablers[LATE]!.id, dependsOnId: enablers[25]!.id },
      { enablerId: enablers[LATE]!.id, dependsOnId: enablers[18]!.id },
    ]);

    // Delivery ladders for the first 12 initiatives: the seed's now / next week / next month / next year.
    const LADDER: Record<number, [string, string, string, string]> = {
      0: ['Price list as a CSV download', 'Order status by email', 'Reorder from order history', 'Full catalogue with contract prices'],
      1: ['Spare-parts catalogue PDF per country', 'Quote request form', 'Pilot shop in NL', 'Shops in NL, DE and BE'],
      2: ['Option matrix as a spreadsheet', 'Sales configurator for the inside team', 'Configurator beta for 5 customers', 'Online configurator with live prices'],
      3: ['Spanish price list', 'Partner agreement drafts', 'First partner live in Monterrey', 'Two partners selling'],
      5: ['Daily list of the top 200 SKUs', 'Dedicated same-day pick zone', 'Same-day for 100 SKUs', 'Same-day for 200 SKUs'],
      6: ['Rate comparison for 2 carriers', 'Booking for one carrier', 'Booking for 3 carriers', '90% of shipments booked automatically'],
      8: ['Supplier scorecard', 'Portal pilot with 5 suppliers', '20 suppliers onboard', '60 suppliers onboard'],
      9: ['Lead-time table per region', 'Date shown to inside sales', 'Date promised in the web shop', 'Promise met 95% of the time'],
      11: ['Invoice inbox cleanup', 'OCR pilot on one supplier', '40% touchless', '80% touchless'],
      14: ['Manuals as PDFs on tablets', 'Work orders on the phone', 'Parts lookup offline', 'Full history on site for 45 technicians'],
      15: ['Tracking links by email', 'Order list in the portal', 'Live tracking for 2 carriers', 'Tracking for every order'],
      17: ['Spanish product sheets', 'Spanish support line hours', 'Spanish web shop beta', 'Full Spanish catalogue'],
    };
    const offsets = [2, 7, 30, 330];
    const rungs = Object.entries(LADDER).flatMap(([i, texts]) =>
      (['now', 'next_week', 'next_month', 'next_year'] as const).map((rung, k) => ({
        initiativeId: initiatives[Number(i)]!.id,
        rung,
        deliverable: texts[k]!,
        dueDate: iso(offsets[k]!),
        done: k === 0 && Number(i) % 2 === 0,
      })),
    );
    await insertLadderRungs(tx, orgId, rungs);

    // SWOT: the seed's example — a new product is a threat because the tech does not exist yet.
    await insertSwot(tx, orgId, [
      { initiativeId: initiatives[2]!.id, quadrant: 'threat', text: 'Competitors sell configurable pumps online; we cannot until the configurator exists.', enablerId: enablers[LATE]!.id, createdAt: at(-30) },
      { initiativeId: initiatives[2]!.id, quadrant: 'strength', text: 'Our engineers know the 12 options and their pricing rules by heart.', createdAt: at(-30) },
      { initiativeId: initiatives[2]!.id, quadrant: 'weakness', text: 'Product data is spread over 4 spreadsheets.', enablerId: enablers[25]!.id, createdAt: at(-30) },
      { initiativeId: initiatives[2]!.id, quadrant: 'opportunity', text: 'Distributors ask for self-service quotes for custom pumps.', createdAt: at(-30) },
      { goalId: goals[5]!.id, quadrant: 'opportunity', text: 'Mexican nearshoring raises demand for industrial pumps.', createdAt: at(-60) },
      { goalId: goals[5]!.id, quadrant: 'threat', text: 'CFDI 4.0 e-invoicing is mandatory and our ERP does not support it.', enablerId: enablers[3]!.id, createdAt: at(-60) },
      { goalId: goals[5]!.id, quadrant: 'weakness', text: 'No Spanish-speaking support staff.', createdAt: at(-60) },
      { goalId: goals[5]!.id, quadrant: 'strength', text: 'The Monterrey plant is already in the country.', createdAt: at(-60) },
    ]);

    // History: creation values, and the configurator's end date that slipped twice.
    const history: NewHistory[] = [];
    const late = enablers[LATE]!;
    const lateEnd = own[LATE]!.end;
    history.push(
      { itemType: 'enabler', itemId: late.id, field: 'endDate', fromValue: null, toValue: iso(lateEnd - 50), actorUserId: ownerId, at: at(-90) },
      { itemType: 'enabler', itemId: late.id, field: 'endDate', fromValue: iso(lateEnd - 50), toValue: iso(lateEnd - 20), actorUserId: ownerId, at: at(-40) },
      { itemType: 'enabler', itemId: late.id, field: 'endDate', fromValue: iso(lateEnd - 20), toValue: iso(lateEnd), actorUserId: ownerId, at: at(-10) },
    );
    for (const i of initiatives) {
      history.push({ itemType: 'initiative', itemId: i.id, field: 'startDate', fromValue: null, toValue: i.startDate, actorUserId: ownerId, at: i.createdAt });
      history.push({ itemType: 'initiative', itemId: i.id, field: 'status', fromValue: null, toValue: i.status, actorUserId: ownerId, at: i.createdAt });
    }
    await insertHistory(tx, orgId, history);
  });
};
