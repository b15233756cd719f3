import {
  coffeeParticipation,
  demoParticipation,
  hackweekParticipation,
  openHourParticipation,
  openMicParticipation,
  roundtableParticipation,
  sitInParticipation,
  type Executor,
  type ParticipationRow,
} from '@tandem/db';

/** One kind of cross-over activity: who took part, when, in [from, to). */
export interface ParticipationSource {
  kind: string;
  rows(x: Executor, orgId: string, from: Date, to: Date): Promise<ParticipationRow[]>;
}

/**
 * Every activity that counts as taking part (decision 083). A new programme adds one line here
 * (the cross-over programmes count as the queries in packages/db/src/crossover/participation.ts say).
 */
export const PARTICIPATION_SOURCES: readonly ParticipationSource[] = [
  { kind: 'hackweek', rows: hackweekParticipation },
  { kind: 'demo', rows: demoParticipation },
  { kind: 'roundtable', rows: roundtableParticipation },
  { kind: 'coffee', rows: coffeeParticipation },
  { kind: 'open_hour', rows: openHourParticipation },
  { kind: 'open_mic', rows: openMicParticipation },
  { kind: 'sit_in', rows: sitInParticipation },
];
