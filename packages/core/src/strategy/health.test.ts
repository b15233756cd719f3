import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { healthScore, isVagueWording, NOTHING_TO_CHECK, roadmapHealth, type HealthSeverity } from './health';
import type { EnablerInput, GoalInput, InitiativeInput, RoadmapInput } from './types';

const NOW = new Date('2026-11-28T09:00:00Z');

const goal = (over: Partial<GoalInput> = {}): GoalInput => ({
  id: 'g1',
  title: 'Grow online revenue to 12 M',
  metric: 'online revenue',
  baseline: 8,
  target: 12,
  unit: 'M USD',
  dueDate: '2027-12-31',
  ownerId: 'p-biz',
  ...over,
});

const initiative = (over: Partial<InitiativeInput> = {}): InitiativeInput => ({
  id: 'i1',
  title: 'Launch the web shop in 3 countries',
  description: '',
  goalIds: ['g1'],
  ownerId: 'p-biz',
  businessChampionId: 'p-biz',
  itChampionId: 'p-it',
  startDate: '2027-02-01',
  endDate: '2027-06-30',
  status: 'planned',
  effort: 100,
  createdAt: '2026-11-01T10:00:00Z',
  itInvolvedAt: '2026-11-03',
  ladder: [],
  ...over,
});

const enabler = (over: Partial<EnablerInput> = {}): EnablerInput => ({
  id: 'e1',
  title: 'Payment gateway with 3 currencies',
  initiativeIds: ['i1'],
  ownerId: 'p-it',
  startDate: '2026-12-01',
  endDate: '2027-01-31',
  status: 'planned',
  effort: 40,
  ...over,
});

const healthy = (over: Partial<RoadmapInput> = {}): RoadmapInput => ({
  goals: [goal()],
  initiatives: [initiative()],
  enablers: [enabler()],
  personSide: new Map([
    ['p-biz', 'business'],
    ['p-it', 'it'],
  ]),
  ...over,
});

const rules = (input: RoadmapInput, opts: { itGraceDays?: number } = {}) => roadmapHealth(input, { now: NOW, ...opts }).findings.map((f) => `${f.rule}:${f.itemId}`);

describe('roadmapHealth', () => {
  it('gives a healthy roadmap 100 everywhere and no findings', () => {
    const h = roadmapHealth(healthy(), { now: NOW });
    expect(h.findings).toEqual([]);
    expect(h).toMatchObject({ overall: 100, scores: { aggressive: 100, enablers: 100, specific: 100, includesIt: 100 } });
  });

  it('scores an empty roadmap null, with a message that there is nothing to check', () => {
    const h = roadmapHealth({ goals: [], initiatives: [], enablers: [] }, { now: NOW });
    expect(h).toEqual({
      overall: null,
      scores: { aggressive: null, enablers: null, specific: null, includesIt: null },
      findings: [],
      counts: { high: 0, medium: 0, low: 0 },
      items: 0,
      message: NOTHING_TO_CHECK,
    });
  });

  it('leaves a question that judged nothing at null: goals only, no initiatives', () => {
    const h = roadmapHealth({ goals: [goal()], initiatives: [], enablers: [] }, { now: NOW });
    expect(h.scores.enablers).toBeNull();
    expect(h.scores.includesIt).toBeNull();
    expect(h.scores.specific).toBe(100);
    expect(h.message).toBeNull();
    // the goal has nothing scheduled: one high finding on the only item judged
    expect(h.counts).toEqual({ high: 1, medium: 0, low: 0 });
    expect(h.overall).toBe(0);
  });

  describe.each([
    // 1. aggressive
    ['initiative serving no goal', healthy({ initiatives: [initiative(), initiative({ id: 'i2', goalIds: [] })], enablers: [enabler({ initiativeIds: ['i1', 'i2'] })] }), ['effort_unlinked:i2']],
    ['goal with nothing in the next two quarters', healthy({ initiatives: [initiative({ startDate: '2027-09-01', endDate: '2027-12-01' })], enablers: [enabler({ endDate: '2027-08-01' })] }), ['goal_not_scheduled:g1']],
    ['goal whose initiative is in progress counts as scheduled', healthy({ initiatives: [initiative({ status: 'in_progress', startDate: '2027-09-01', endDate: '2027-12-01' })], enablers: [enabler({ endDate: '2027-08-01' })] }), []],
    ['goal already due is not judged for scheduling', healthy({ goals: [goal(), goal({ id: 'g2', title: 'Old goal 5', dueDate: '2026-01-01' })] }), []],
    ['target equal to baseline', healthy({ goals: [goal({ baseline: 12, target: 12 })] }), ['target_not_moving:g1']],
    // 2. enablers
    ['initiative without enabler', healthy({ enablers: [] }), ['initiative_without_enabler:i1']],
    ['cancelled enabler does not count', healthy({ enablers: [enabler({ status: 'cancelled' })] }), ['initiative_without_enabler:i1']],
    ['enabler ending after the initiative starts', healthy({ enablers: [enabler({ endDate: '2027-02-15' })] }), ['enabler_late:e1']],
    ['enabler ending the day the initiative starts is on time', healthy({ enablers: [enabler({ endDate: '2027-02-01' })] }), []],
    ['done enabler is not judged for pace', healthy({ enablers: [enabler({ endDate: '2027-05-01', status: 'done' })] }), []],
    // 3. specific
    ['goal without owner', healthy({ goals: [goal({ ownerId: null })] }), ['missing_owner:g1']],
    ['goal without due date', healthy({ goals: [goal({ dueDate: null })] }), ['missing_dates:g1']],
    ['goal without measurable target, vaguely worded', healthy({ goals: [goal({ title: 'Improve customer experience', metric: null, target: null, baseline: null })] }), ['missing_measure:g1', 'vague_wording:g1']],
    ['initiative without owner', healthy({ initiatives: [initiative({ ownerId: null })] }), ['missing_owner:i1']],
    ['initiative without dates', healthy({ initiatives: [initiative({ startDate: null, endDate: null, status: 'in_progress' })] }), ['missing_dates:i1']],
    ['vague initiative without a number', healthy({ initiatives: [initiative({ title: 'Modernise the warehouse', description: 'Make it better' })] }), ['vague_wording:i1']],
    ['vague word with a number is specific', healthy({ initiatives: [initiative({ title: 'Improve pick rate', description: 'from 80 to 120 lines per hour' })] }), []],
    ['enabler vaguely worded, without owner', healthy({ enablers: [enabler({ title: 'Optimise the database', ownerId: null })] }), ['missing_owner:e1', 'vague_wording:e1']],
    [
      'ladder rungs without a deliverable or a date',
      healthy({
        initiatives: [
          initiative({
            ladder: [
              { rung: 'now', deliverable: 'Price list export', date: '2026-11-30', done: false },
              { rung: 'next_week', deliverable: '  ', date: '2026-12-07', done: false },
              { rung: 'next_month', deliverable: 'Beta shop', date: null, done: false },
            ],
          }),
        ],
      }),
      ['ladder_incomplete:i1'],
    ],
    // 4. includes IT
    ['initiative without IT champion, owner on the business side', healthy({ initiatives: [initiative({ itChampionId: null })] }), ['no_it_champion:i1']],
    ['an IT owner counts as IT included', healthy({ initiatives: [initiative({ itChampionId: null, ownerId: 'p-it' })] }), []],
    ['IT involved after the grace period', healthy({ initiatives: [initiative({ itInvolvedAt: '2026-11-20' })] }), ['it_involved_late:i1']],
    ['IT involved on the last day of grace', healthy({ initiatives: [initiative({ itInvolvedAt: '2026-11-15' })] }), []],
    ['IT never involved once grace has passed', healthy({ initiatives: [initiative({ itInvolvedAt: null })] }), ['it_not_involved:i1']],
    ['IT not involved yet, still within grace', healthy({ initiatives: [initiative({ itInvolvedAt: null, createdAt: '2026-11-20T08:00:00Z' })] }), []],
    // closed items are not judged
    ['done and cancelled initiatives are not judged', healthy({ initiatives: [initiative(), initiative({ id: 'i2', goalIds: [], ownerId: null, itChampionId: null, status: 'done', title: 'Improve' }), initiative({ id: 'i3', goalIds: [], status: 'cancelled', itInvolvedAt: null })] }), []],
  ] as const)('%s', (_name, input, expected) => {
    it('finds exactly the expected items', () => {
      expect(rules(input as RoadmapInput).sort()).toEqual([...expected].sort());
    });
    it('scores below 100 exactly when something is found', () => {
      const h = roadmapHealth(input as RoadmapInput, { now: NOW });
      expect(h.overall! < 100).toBe(expected.length > 0);
    });
  });

  it.each([
    ['2027-02-02', 1, 'medium'],
    ['2027-03-03', 30, 'medium'],
    ['2027-03-04', 31, 'high'],
    ['2028-02-01', 365, 'high'],
  ])('enabler ending %s slips %i days (%s)', (endDate, slip, severity) => {
    const h = roadmapHealth(healthy({ enablers: [enabler({ endDate })] }), { now: NOW });
    expect(h.findings).toHaveLength(1);
    expect(h.findings[0]).toMatchObject({ rule: 'enabler_late', itemType: 'enabler', itemId: 'e1', relatedId: 'i1', slipDays: slip, severity });
  });

  it('reports one pace finding per late (enabler, initiative) pair and scores the on-time share', () => {
    const input = healthy({
      initiatives: [initiative(), initiative({ id: 'i2', startDate: '2027-04-01' })],
      enablers: [enabler({ initiativeIds: ['i1', 'i2'], endDate: '2027-03-01' })],
    });
    const h = roadmapHealth(input, { now: NOW });
    expect(h.findings.map((f) => [f.rule, f.relatedId, f.slipDays])).toEqual([['enabler_late', 'i1', 28]]);
    // enablers judged i1, i2, e1 (3 items); one medium finding → 100 × (1 − 0.4 / 3) = 86.7
    expect(h.scores.enablers).toBe(87);
  });

  it('fixing a late date removes the finding and raises the score', () => {
    const late = roadmapHealth(healthy({ enablers: [enabler({ endDate: '2027-03-15' })] }), { now: NOW });
    const fixed = roadmapHealth(healthy({ enablers: [enabler({ endDate: '2027-01-15' })] }), { now: NOW });
    expect(late.findings.map((f) => f.rule)).toEqual(['enabler_late']);
    expect(fixed.findings).toEqual([]);
    expect(fixed.scores.enablers!).toBeGreaterThan(late.scores.enablers!);
    expect(fixed.overall!).toBeGreaterThan(late.overall!);
  });

  it('counts an unlinked initiative as one medium finding among the items the question judged', () => {
    const input = healthy({
      initiatives: [initiative({ effort: 300 }), initiative({ id: 'i2', goalIds: [], effort: 100 })],
      enablers: [enabler({ initiativeIds: ['i1', 'i2'] })],
    });
    // aggressive judged g1, i1, i2; one medium → 100 × (1 − 0.4 / 3) = 86.7
    expect(roadmapHealth(input, { now: NOW }).scores.aggressive).toBe(87);
  });

  it('honours a configurable IT grace period and reports the days IT joined after creation', () => {
    const input = healthy({ initiatives: [initiative({ itInvolvedAt: '2026-11-20' })] });
    expect(rules(input, { itGraceDays: 30 })).toEqual([]);
    const f = roadmapHealth(input, { now: NOW, itGraceDays: 7 }).findings;
    expect(f).toMatchObject([{ rule: 'it_involved_late', slipDays: 19 }]);
  });

  it('is deterministic and orders findings by severity', () => {
    const input = healthy({
      goals: [goal({ ownerId: null })],
      initiatives: [initiative({ itChampionId: null })],
      enablers: [enabler({ endDate: '2027-02-10' })],
    });
    const a = roadmapHealth(input, { now: NOW });
    expect(roadmapHealth(input, { now: NOW })).toEqual(a);
    expect(a.findings.map((f) => f.severity)).toEqual(['high', 'medium', 'medium']);
  });
});

describe('healthScore (decision 140, worked examples)', () => {
  it.each([
    ['empty roadmap', 0, [], null],
    ['thirty items, no finding', 30, [], 100],
    ['thirty items, three high findings', 30, ['high', 'high', 'high'], 90],
    ['thirty items, three medium findings', 30, ['medium', 'medium', 'medium'], 96],
    ['thirty items, three low findings', 30, ['low', 'low', 'low'], 99],
    ['three hundred items, three high findings', 300, ['high', 'high', 'high'], 99],
    ['four items, one high and two medium', 4, ['high', 'medium', 'medium'], 55],
    ['two items, three high findings: floored at 0', 2, ['high', 'high', 'high'], 0],
  ] as const)('%s → %s', (_name, items, severities, expected) => {
    expect(healthScore(items, severities)).toBe(expected);
  });

  it('a roadmap of thirty items with three high findings cannot score 98, whatever the other questions say', () => {
    // 10 goals and 20 initiatives, all healthy, except three initiatives with no IT at all.
    const goals = Array.from({ length: 10 }, (_, k) => goal({ id: `g${k}` }));
    const initiatives = Array.from({ length: 20 }, (_, k) =>
      initiative({ id: `i${k}`, goalIds: [`g${k % 10}`], ...(k < 3 ? { itChampionId: null } : {}) }),
    );
    const enablers = [enabler({ initiativeIds: initiatives.map((i) => i.id) })];
    const h = roadmapHealth(healthy({ goals, initiatives, enablers }), { now: NOW });
    expect(h.counts.high).toBe(3);
    expect(h.items).toBe(31);
    expect(h.overall).toBe(90);
    expect(h.scores.includesIt).toBe(85);
    expect(h.scores.aggressive).toBe(100);
  });

  it('fixing one high finding moves a thirty-item roadmap by three points', () => {
    expect(healthScore(30, ['high', 'high'])! - healthScore(30, ['high', 'high', 'high'])!).toBe(3);
  });

  const severity = fc.constantFrom<HealthSeverity>('high', 'medium', 'low');

  it('is null exactly when nothing was judged, otherwise between 0 and 100', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.array(severity, { maxLength: 50 }), (items, sev) => {
        const s = healthScore(items, sev);
        if (items === 0) return s === null;
        return s !== null && s >= 0 && s <= 100;
      }),
    );
  });

  it('never rises when a finding is added (monotone in findings)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.array(severity, { maxLength: 50 }), severity, (items, sev, extra) => {
        return healthScore(items, [...sev, extra])! <= healthScore(items, sev)!;
      }),
    );
  });

  it('never falls when the same findings spread over more items', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 50 }), fc.array(severity, { maxLength: 50 }), (items, more, sev) => {
        return healthScore(items + more, sev)! >= healthScore(items, sev)!;
      }),
    );
  });

  it('weighs a high finding at least as much as a medium, and a medium at least as much as a low', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.array(severity, { maxLength: 50 }), (items, sev) => {
        const h = healthScore(items, [...sev, 'high'])!;
        const m = healthScore(items, [...sev, 'medium'])!;
        const l = healthScore(items, [...sev, 'low'])!;
        return h <= m && m <= l;
      }),
    );
  });

  it('roadmapHealth is monotone: adding a finding to a roadmap never raises its overall score', () => {
    // Strip properties one by one from a healthy roadmap: each step adds findings, never removes.
    const steps: Array<Partial<Parameters<typeof initiative>[0]>> = [{}, { itChampionId: null }, { itChampionId: null, ownerId: null }, { itChampionId: null, ownerId: null, startDate: null, endDate: null }];
    const overall = steps.map((over) => roadmapHealth(healthy({ initiatives: [initiative(over)] }), { now: NOW }).overall!);
    for (let k = 1; k < overall.length; k++) expect(overall[k]).toBeLessThan(overall[k - 1]!);
  });
});

describe('isVagueWording', () => {
  it.each([
    ['Improve customer experience', true],
    ['Enhanced reporting', true],
    ['Optimize the supply chain', true],
    ['Leverage AI', true],
    ['Better onboarding', true],
    ['Modernisation of the ERP', true],
    ['Improve NPS from 30 to 45', false],
    ['Launch the web shop', false],
    ['Betterment', false],
  ])('%s → %s', (text, vague) => {
    expect(isVagueWording(text)).toBe(vague);
  });
});
