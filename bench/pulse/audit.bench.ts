/**
 * Disclosure audit benchmark: `npx tsx bench/pulse/audit.bench.ts` prints one JSON object.
 *
 * - decidePulseVisibility (decision 023) on the demo population (apps/server/src/demo/people.ts,
 *   about 150 people, 97% answering, 12 statements) and on 20,000 synthetic people (30
 *   departments nested in the two sides with skewed sizes, 8 locations, 12% leaders, 85%
 *   answering): median wall time over several runs.
 * - Baseline in the same run: decision 020's suppressSegments on the same lattice (roll-up
 *   included), the rule it replaces. Ratio = audit / baseline.
 * - Also: segments in the lattice and how many each rule hides.
 */
import { createRng, decidePulseVisibility, rollUp, SEGMENT_DIMENSIONS, suppressSegments, type CellKey, type Rng } from '@tandem/core';
import { demoPeople } from '../../apps/server/src/demo/people';

type P = { key: CellKey; answered: boolean };
const QUESTIONS = Array.from({ length: 12 }, (_, i) => ({ id: `q${i}`, text: `Statement ${i}` }));

function inputOf(people: P[], rng: Rng) {
  const invited = new Map<string, { key: CellKey; count: number }>();
  const answers = new Map<string, { questionId: string; key: CellKey; value: number; count: number }>();
  for (const p of people) {
    const id = JSON.stringify(p.key);
    const c = invited.get(id) ?? { key: p.key, count: 0 };
    c.count++;
    invited.set(id, c);
    if (!p.answered) continue;
    for (const q of QUESTIONS) {
      const v = 1 + Math.floor(rng.next() * 5);
      const aid = `${id}|${q.id}|${v}`;
      const a = answers.get(aid) ?? { questionId: q.id, key: p.key, value: v, count: 0 };
      a.count++;
      answers.set(aid, a);
    }
  }
  return { questions: QUESTIONS, invited: [...invited.values()], answers: [...answers.values()], minGroupSize: 5 };
}

function largePopulation(n: number, rng: Rng): P[] {
  const it = Array.from({ length: 10 }, (_, i) => ({ name: `IT ${i}`, side: 'it', w: 1 + (i % 4) }));
  const biz = Array.from({ length: 20 }, (_, i) => ({ name: `Business ${i}`, side: 'business', w: 1 + (i % 6) }));
  const depts = [...it, ...biz];
  const total = depts.reduce((s, d) => s + d.w, 0);
  const locations = ['Seattle', 'Chicago', 'Monterrey', 'Rotterdam', 'Oslo', 'Lima', 'Pune', 'Remote'];
  const locW = [6, 5, 3, 3, 2, 2, 2, 1];
  const locTotal = locW.reduce((a, b) => a + b, 0);
  return Array.from({ length: n }, () => {
    let r = rng.next() * total;
    const d = depts.find((x) => (r -= x.w) < 0) ?? depts[0]!;
    let l = rng.next() * locTotal;
    const loc = locations[locW.findIndex((w) => (l -= w) < 0)] ?? 'Remote';
    return { key: { side: d.side, level: rng.next() < 0.12 ? 'leader' : 'employee', department: d.name, location: loc }, answered: rng.next() < 0.85 };
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function measure(label: string, people: P[], runs: number) {
  const input = inputOf(people, createRng(`${label}-answers`));
  const audit: number[] = [];
  const base: number[] = [];
  let visible: string[] = [];
  let oldVisible = 0;
  let lattice = 0;
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    visible = decidePulseVisibility(input);
    audit.push(performance.now() - t);
    t = performance.now();
    const cells = new Map<string, { key: CellKey; counts: number[] }>();
    for (const a of input.answers) {
      if (a.questionId !== 'q0') continue;
      const id = JSON.stringify(a.key);
      const c = cells.get(id) ?? { key: a.key, counts: [0] };
      c.counts[0]! += a.count;
      cells.set(id, c);
    }
    for (const inv of input.invited) if (!cells.has(JSON.stringify(inv.key))) cells.set(JSON.stringify(inv.key), { key: inv.key, counts: [0] });
    const nodes = rollUp([...cells.values()], SEGMENT_DIMENSIONS);
    const old = suppressSegments([...nodes.values()].map((s) => ({ id: s.id, key: s.key, n: s.counts[0]! })), 5);
    base.push(performance.now() - t);
    oldVisible = old.visible.size;
    lattice = nodes.size;
  }
  const a = median(audit);
  const b = median(base);
  return {
    people: people.length,
    cells: input.invited.length,
    lattice,
    runs,
    auditMedianMs: Number(a.toFixed(2)),
    baselineMedianMs: Number(b.toFixed(2)),
    ratio: Number((a / b).toFixed(2)),
    hiddenByAudit: lattice - visible.length,
    hiddenByOldRule: lattice - oldVisible,
  };
}

const demo = demoPeople(createRng('northwind')).map((p, i) => ({
  key: { side: p.side, level: p.level, department: p.department, location: p.location ?? '' },
  answered: (i * 37) % 100 < 97,
}));
const result = {
  benchmark: 'pulse disclosure audit (decision 023) vs decision 020 suppressSegments',
  demo: measure('demo', demo, 21),
  people20k: measure('20k', largePopulation(20_000, createRng('audit-20k')), 7),
};
console.log(JSON.stringify(result, null, 2));
