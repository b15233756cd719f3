import { initiativeIdsByTitle } from '@tandem/db';
import type { TCreateCaseRequest } from '@tandem/contracts';
import type { AppContext, OrgAuth } from '../context';
import { createCase } from '../features/cases';

type Line = { label: string; type: 'cost' | 'benefit'; year: number; low: number; likely: number; high: number };
const each = (label: string, type: 'cost' | 'benefit', from: number, to: number, low: number, likely: number, high: number): Line[] =>
  Array.from({ length: to - from + 1 }, (_, k) => ({ label, type, year: from + k, low, likely, high }));

/**
 * Three business cases on Northwind's initiatives: one clearly good, one a coin toss, and one
 * that pays only if its rosy rental-uptake assumption holds (its tornado shows it at the top).
 */
export const BUSINESS: (TCreateCaseRequest & { kind: 'business' } & { initiative: string })[] = [
  {
    kind: 'business',
    initiative: 'Invoice automation for 80% of invoices',
    title: 'Invoice automation: touchless supplier invoices',
    question: 'Should we automate 80% of supplier invoice processing over the next 5 years?',
    assumptions: '14,000 invoices a year; 9 minutes of clerk time saved per automated invoice at 45 USD an hour; early-payment discounts of 0.5% on a third of spend.',
    discountRate: 0.09,
    years: 5,
    seed: 101,
    lines: [
      { label: 'Software and integration', type: 'cost', year: 0, low: 110_000, likely: 130_000, high: 170_000 },
      ...each('Subscription', 'cost', 1, 5, 18_000, 20_000, 24_000),
      ...each('Clerk hours saved', 'benefit', 1, 5, 70_000, 90_000, 105_000),
      ...each('Early-payment discounts', 'benefit', 2, 5, 10_000, 25_000, 40_000),
    ],
  },
  {
    kind: 'business',
    initiative: 'Customer portal with order tracking',
    title: 'Customer portal: fewer "where is my order" calls',
    question: 'Does an order-tracking portal pay for itself through fewer calls and kept customers?',
    assumptions: '38,000 status calls a year, 40% to 70% of them avoided at 6 USD each; churn reduction worth 0 to 150k USD a year.',
    discountRate: 0.09,
    years: 5,
    seed: 202,
    lines: [
      { label: 'Build and integration', type: 'cost', year: 0, low: 260_000, likely: 340_000, high: 480_000 },
      ...each('Hosting and support', 'cost', 1, 5, 30_000, 40_000, 55_000),
      ...each('Calls avoided', 'benefit', 1, 5, 60_000, 95_000, 140_000),
      ...each('Customers kept', 'benefit', 2, 5, 0, 40_000, 150_000),
    ],
  },
  {
    kind: 'business',
    initiative: 'Rental offer for industrial pumps',
    title: 'Pump rental for construction firms',
    question: 'Should Northwind rent pumps by the month to construction firms?',
    assumptions: 'Rental margin rests on 8 to 60 construction firms renting in year 1 (sales expects 15); the high end is the sales plan\'s best case, not observed demand.',
    discountRate: 0.1,
    years: 6,
    seed: 303,
    lines: [
      { label: 'Rental fleet (120 pumps)', type: 'cost', year: 0, low: 420_000, likely: 480_000, high: 560_000 },
      { label: 'Rental platform', type: 'cost', year: 0, low: 60_000, likely: 80_000, high: 120_000 },
      ...each('Fleet maintenance', 'cost', 1, 6, 40_000, 55_000, 75_000),
      ...each('Rental margin (rosy uptake)', 'benefit', 1, 6, 30_000, 95_000, 420_000),
      { label: 'Fleet resale value', type: 'benefit', year: 6, low: 40_000, likely: 90_000, high: 140_000 },
    ],
  },
];

/** A security register of six scenarios with their controls (FAIR: events a year, 90% loss range in USD). */
export const SECURITY: (TCreateCaseRequest & { kind: 'security' })[] = [
  {
    kind: 'security',
    title: 'Ransomware encrypts the ERP and the plant file servers',
    asset: 'ERP and plant file servers',
    threat: 'Ransomware',
    frequency: { low: 0.05, likely: 0.15, high: 0.4 },
    magnitude: { low: 250_000, high: 6_000_000 },
    controls: [
      { label: 'Immutable offline backups, restore tested quarterly', costPerYear: 45_000, frequencyReduction: 0, magnitudeReduction: 0.7 },
      { label: 'Endpoint detection and response on 900 devices', costPerYear: 60_000, frequencyReduction: 0.5, magnitudeReduction: 0.1 },
    ],
    seed: 11,
  },
  {
    kind: 'security',
    title: 'Supplier breach exposes our order and pricing data',
    asset: 'Supplier portal data',
    threat: 'Breach at a key supplier',
    frequency: { low: 0.1, likely: 0.25, high: 0.6 },
    magnitude: { low: 80_000, high: 2_500_000 },
    controls: [
      { label: 'Supplier security questionnaires and contract clauses', costPerYear: 25_000, frequencyReduction: 0.3, magnitudeReduction: 0.1 },
      { label: 'Per-supplier data minimisation in the portal', costPerYear: 15_000, frequencyReduction: 0, magnitudeReduction: 0.4 },
    ],
    seed: 12,
  },
  {
    kind: 'security',
    title: 'The ageing generator fails during a grid outage at the Chicago plant',
    asset: 'Chicago plant and warehouse',
    threat: 'Power outage with a failing 1998 backup generator',
    frequency: { low: 0.2, likely: 0.5, high: 1.2 },
    magnitude: { low: 40_000, high: 900_000 },
    controls: [{ label: 'Replace the generator (leased) and test monthly under load', costPerYear: 70_000, frequencyReduction: 0.85, magnitudeReduction: 0.2 }],
    seed: 13,
  },
  {
    kind: 'security',
    title: 'Business email compromise redirects a supplier payment',
    asset: 'Accounts payable',
    threat: 'Payment fraud by email',
    frequency: { low: 0.3, likely: 0.8, high: 2 },
    magnitude: { low: 15_000, high: 400_000 },
    controls: [{ label: 'Call-back check on bank-detail changes', costPerYear: 8_000, frequencyReduction: 0.8, magnitudeReduction: 0 }],
    seed: 14,
  },
  {
    kind: 'security',
    title: 'Web-shop outage from a denial-of-service attack',
    asset: 'B2B web shop',
    threat: 'Distributed denial of service',
    frequency: { low: 0.5, likely: 1, high: 3 },
    magnitude: { low: 5_000, high: 120_000 },
    controls: [{ label: 'Managed DDoS protection', costPerYear: 30_000, frequencyReduction: 0.6, magnitudeReduction: 0.5 }],
    seed: 15,
  },
  {
    kind: 'security',
    title: 'A lost laptop leaks customer and pricing files',
    asset: 'Sales laptops',
    threat: 'Loss or theft',
    frequency: { low: 1, likely: 3, high: 6 },
    magnitude: { low: 1_000, high: 60_000 },
    controls: [{ label: 'Full-disk encryption and remote wipe', costPerYear: 12_000, frequencyReduction: 0, magnitudeReduction: 0.9 }],
    seed: 16,
  },
];

/** Adds the demo's business cases (linked to their initiatives) and its security register. */
export async function seedDemoCases(ctx: AppContext, org: { orgId: string; ownerId: string }): Promise<void> {
  const auth: OrgAuth = { sessionId: 'demo-seed', userId: org.ownerId, csrfToken: '', orgId: org.orgId, role: 'owner' };
  const ids = await initiativeIdsByTitle(ctx.db, org.orgId, BUSINESS.map((b) => b.initiative));
  for (const { initiative, ...b } of BUSINESS) await createCase(ctx, auth, { ...b, initiativeId: ids.get(initiative) ?? null });
  for (const s of SECURITY) await createCase(ctx, auth, s);
}
