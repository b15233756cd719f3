import { createRng } from '@tandem/core';
import { findUserByEmail, insertPeople, isSetUp, updatePerson } from '@tandem/db';
import type { AppContext } from '../context';
import { setUpInstance } from '../features/org';
import { demoPeople } from './people';
import { seedStrategy } from './strategy';
import { seedDemoPulses } from './pulse';
import { seedDemoCases } from './cases';
import { seedDemoPriorities } from './priorities';
import { seedRequests } from './requests';
import { seedDemoValue } from './value';
import { seedDemoHealthHistory } from './health-history';
import { seedEvents } from './events';
import { seedCrossover } from './crossover';
import { seedIntegrations } from './integrations';

export const DEMO_LOGIN = { email: 'demo@northwind.example', password: 'northwind-tandem' };

/** What each module adds to the demo organisation, in order; each receives the org and the owner. */
export type DemoSeeder = (ctx: AppContext, org: { orgId: string; ownerId: string }) => Promise<void>;
export const SEEDERS: DemoSeeder[] = [seedStrategy, seedDemoPulses, seedDemoCases, seedDemoPriorities, seedRequests, seedDemoValue, seedEvents, seedCrossover, seedIntegrations, seedDemoHealthHistory];

/**
 * Creates "Northwind Manufacturing" with about 150 people when the instance is empty.
 * Deterministic: the same seed gives the same organisation. Returns the demo login, or null when
 * the instance already holds something else.
 */
export async function seedDemo(ctx: AppContext): Promise<typeof DEMO_LOGIN | null> {
  if (await isSetUp(ctx.db)) {
    const user = await findUserByEmail(ctx.db, DEMO_LOGIN.email);
    return user ? DEMO_LOGIN : null;
  }
  const { org, user } = await setUpInstance(ctx, {
    organisation: { name: 'Northwind Manufacturing', currency: 'USD' },
    owner: { name: 'Dana Demo', email: DEMO_LOGIN.email, password: DEMO_LOGIN.password },
  });
  const rng = createRng('northwind');
  await ctx.db.transaction(async (tx) => {
    const rows = await insertPeople(tx, org.id, demoPeople(rng));
    // Each employee reports to a leader of their department.
    const leadersByDept = new Map<string, string[]>();
    for (const r of rows) if (r.level === 'leader') leadersByDept.set(r.department, [...(leadersByDept.get(r.department) ?? []), r.id]);
    for (const r of rows) {
      const leaders = leadersByDept.get(r.department) ?? [];
      if (r.level === 'employee' && leaders.length) {
        await updatePerson(tx, org.id, r.id, { managerId: leaders[Math.floor(rng.next() * leaders.length)]!, updatedAt: ctx.now() });
      }
    }
  });
  for (const seeder of SEEDERS) await seeder(ctx, { orgId: org.id, ownerId: user.id });
  return DEMO_LOGIN;
}
