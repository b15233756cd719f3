/**
 * Roadmap health-check benchmark: roadmapHealth over 200 goals, 5,000 initiatives (each with a
 * 4-rung ladder) and 6,000 enablers (1 to 3 initiatives each), medians of repeated runs after a
 * warm-up. Baseline measured in the same run: one plain pass over the same input that builds the
 * same lookup maps (items by id, enablers per initiative, goals in window) without any rule, so
 * the ratio says what the rules themselves cost. Budget: 100 ms for the health check.
 * Prints ONE JSON object.
 *
 * Run: npx tsx bench/strategy/health.bench.ts
 */
import { createRng, roadmapHealth, type EnablerInput, type GoalInput, type InitiativeInput, type RoadmapInput } from '@tandem/core';

const GOALS = 200;
const INITIATIVES = 5_000;
const ENABLERS = 6_000;
const RUNS = 31;
const WARMUP = 5;
const NOW = new Date('2026-11-28T09:00:00Z');
const DAY = 86_400_000;
const TODAY = Math.floor(NOW.getTime() / DAY);

const rng = createRng('strategy-bench');
const int = (lo: number, hi: number) => lo + Math.floor(rng.next() * (hi - lo + 1));
const iso = (offset: number) => new Date((TODAY + offset) * DAY).toISOString().slice(0, 10);
const statuses = ['proposed', 'planned', 'in_progress', 'done', 'cancelled'] as const;
const words = ['Launch', 'Improve', 'Automate', 'Migrate', 'Consolidate', 'Optimise', 'Open'];
const people = Array.from({ length: 400 }, (_, i) => `p${i}`);
const personSide = new Map(people.map((p, i) => [p, i % 3 === 0 ? ('it' as const) : ('business' as const)]));

function roadmap(): RoadmapInput {
  const goals: GoalInput[] = Array.from({ length: GOALS }, (_, i) => ({
    id: `g${i}`,
    title: `Goal ${i}`,
    metric: i % 10 === 0 ? null : 'metric',
    baseline: 10,
    target: i % 17 === 0 ? 10 : 20,
    unit: 'units',
    dueDate: iso(int(-30, 700)),
    ownerId: i % 13 === 0 ? null : people[int(0, people.length - 1)]!,
  }));
  const initiatives: InitiativeInput[] = Array.from({ length: INITIATIVES }, (_, i) => {
    const start = int(-200, 600);
    const created = start - int(10, 120);
    return {
      id: `i${i}`,
      title: `${words[i % words.length]} initiative ${i % 3 === 0 ? '' : i}`,
      description: i % 5 === 0 ? 'better everything' : `scope of ${i} items`,
      goalIds: i % 9 === 0 ? [] : [`g${int(0, GOALS - 1)}`, ...(i % 4 === 0 ? [`g${int(0, GOALS - 1)}`] : [])],
      ownerId: i % 11 === 0 ? null : people[int(0, people.length - 1)]!,
      businessChampionId: people[int(0, people.length - 1)]!,
      itChampionId: i % 7 === 0 ? null : people[int(0, people.length - 1)]!,
      startDate: i % 23 === 0 ? null : iso(start),
      endDate: i % 29 === 0 ? null : iso(start + int(30, 300)),
      status: statuses[int(0, 4)]!,
      effort: i % 6 === 0 ? null : int(5, 400),
      createdAt: new Date((TODAY + created) * DAY).toISOString(),
      itInvolvedAt: i % 8 === 0 ? null : iso(created + int(0, 40)),
      ladder: (['now', 'next_week', 'next_month', 'next_year'] as const).map((rung, k) => ({
        rung,
        deliverable: (i + k) % 19 === 0 ? '' : `deliverable ${k}`,
        date: (i + k) % 31 === 0 ? null : iso([2, 7, 30, 330][k]!),
        done: k === 0,
      })),
    };
  });
  const enablers: EnablerInput[] = Array.from({ length: ENABLERS }, (_, i) => {
    const end = int(-100, 700);
    return {
      id: `e${i}`,
      title: `Enabler ${i % 4 === 0 ? 'to modernise' : i}`,
      initiativeIds: Array.from({ length: int(1, 3) }, () => `i${int(0, INITIATIVES - 1)}`),
      ownerId: i % 12 === 0 ? null : people[int(0, people.length - 1)]!,
      startDate: iso(end - int(20, 200)),
      endDate: iso(end),
      status: statuses[int(0, 4)]!,
      effort: int(5, 200),
    };
  });
  return { goals, initiatives, enablers, personSide };
}

/** The baseline: the same maps the rules build, in one pass, without judging anything. */
function plainPass(input: RoadmapInput): number {
  const byId = new Map<string, InitiativeInput>();
  for (const i of input.initiatives) byId.set(i.id, i);
  const enablersOf = new Map<string, EnablerInput[]>();
  for (const e of input.enablers) {
    for (const iid of e.initiativeIds) {
      const l = enablersOf.get(iid);
      if (l) l.push(e);
      else enablersOf.set(iid, [e]);
    }
  }
  const goalIds = new Set(input.goals.map((g) => g.id));
  let n = 0;
  for (const i of input.initiatives) for (const g of i.goalIds) if (goalIds.has(g)) n++;
  return n + byId.size + enablersOf.size;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => unknown): { medianMs: number; firstMs: number } {
  const t0 = performance.now();
  fn();
  const firstMs = performance.now() - t0;
  for (let i = 0; i < WARMUP; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return { medianMs: median(times), firstMs };
}

const input = roadmap();
const baseline = time(() => plainPass(input));
const health = time(() => roadmapHealth(input, { now: NOW }));
const result = roadmapHealth(input, { now: NOW });
const r = (x: number): number => Math.round(x * 1000) / 1000;
const byRule: Record<string, number> = {};
for (const f of result.findings) byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;

console.log(
  JSON.stringify({
    name: 'strategy.health',
    goals: GOALS,
    initiatives: INITIATIVES,
    enablers: ENABLERS,
    runs: RUNS,
    healthMedianMs: r(health.medianMs),
    healthFirstCallMs: r(health.firstMs),
    baseline: 'one pass building the same maps without rules',
    baselineMedianMs: r(baseline.medianMs),
    healthVsBaseline: r(health.medianMs / baseline.medianMs),
    budgetMs: 100,
    withinBudget: health.medianMs < 100,
    findings: result.findings.length,
    findingsByRule: byRule,
    scores: { overall: result.overall, ...result.scores },
    node: process.version,
  }),
);
