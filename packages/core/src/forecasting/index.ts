export { forecastHowMany, forecastWhen, FORECAST_DEFAULT_TRIALS, FORECAST_DEFAULT_MAX_DAYS } from './throughput';
export type { Forecast, ForecastOptions, WhenOptions } from './throughput';
export { referenceClassUplift } from './reference-class';
