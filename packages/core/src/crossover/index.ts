/** Cross-over programmes: the sit-in rota, coffee-programme statistics and open-hour slots in a time zone (grouping lives in matching). */
export { sitInRota } from './rota';
export type { RotaTurn, RotaDecline } from './rota';
export { coffeeStats } from './stats';
export type { CoffeeMember, CoffeeRound, CoffeeStats, RateCell } from './stats';
export { isoWeekday, localDateTime, localDay, slotsOnDay, vtimezone, zonedToUtc } from './zoned-time';
