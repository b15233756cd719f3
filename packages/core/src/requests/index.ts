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
