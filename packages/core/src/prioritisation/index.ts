export { wsjf, rice, cd3, totalDelayCost } from './scoring';
export type { WsjfInput, RiceInput, DelayItem } from './scoring';
export { kanoCategory, kanoCoefficients } from './kano';
export type { KanoAnswer, KanoCategory } from './kano';
export {
  FIBONACCI_SCALE,
  RICE_IMPACT_SCALE,
  WEIGHTED_SCALE,
  MODEL_CRITERIA,
  PORTFOLIO_CATEGORIES,
  criterionScale,
  checkOnScale,
  sideScores,
  median,
  modelScore,
  priorityRanks,
  priorityResults,
  sideAlpha,
  combinedRanking,
  disagreementQueue,
  cutLine,
  movesInIfDropped,
  actualMix,
} from './priorities';
export type {
  PrioritySide,
  CriterionOwner,
  PriorityModel,
  PriorityCriterion,
  CriterionScale,
  ScoreEntry,
  SideItemResult,
  PriorityResultsInput,
  PriorityResults,
  PriorityDecision,
  PortfolioCategory,
  Mix,
} from './priorities';
export { roundScheduleStep } from './round-schedule';
export type { RoundScheduleInput, RoundScheduleStep, RoundScheduleReason, RoundStatus } from './round-schedule';
