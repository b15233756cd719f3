export {
  FORECAST_LEVELS,
  addDays,
  ageingPercentile,
  dailyThroughput,
  exposure,
  howManyCounts,
  percentileLines,
  referenceClassForecast,
  whenDays,
  wholeDays,
  yearsDeferred,
} from './flow';
export type { LevelAnswer } from './flow';
export {
  DEFAULT_FLOW,
  MAX_FLOW_STATUSES,
  STATUS_CATEGORIES,
  STATUS_KEY_PATTERN,
  checkTransition,
  findStatus,
  flowProblems,
  initialStatus,
  nextStatuses,
  stampsOnMove,
  statusOfCategory,
} from './workflow';
export type { FlowDefinition, FlowProblem, FlowStatus, FlowTransition, StatusCategory, TransitionCheck } from './workflow';
export { calibrationVerdict, finishedOn } from './calibration';
export type { CalibrationVerdict } from './calibration';
