export type {
  AnsoffQuadrant,
  EnablerInput,
  GoalInput,
  Horizon,
  InitiativeInput,
  IsoDate,
  LadderRung,
  LadderRungInput,
  RoadmapInput,
  StrategyStatus,
} from './types';
export { horizonOf, quarterLabel, daysBetween as slipDays } from './dates';
export { findDependencyCycle } from './cycles';
export { rollUpProgress } from './progress';
export type { ProgressRollUp } from './progress';
export { DEFAULT_IT_GRACE_DAYS, HIGH_SLIP_DAYS, NOTHING_TO_CHECK, SEVERITY_WEIGHT, VAGUE_WORDS, healthScore, isVagueWording, roadmapHealth } from './health';
export type { HealthFinding, HealthItemType, HealthOptions, HealthRule, HealthScoreName, HealthSeverity, RoadmapHealth } from './health';
