/** Cross-over programmes: the sit-in rota and coffee-programme statistics (grouping lives in matching). */
export { sitInRota } from './rota';
export type { RotaTurn, RotaDecline } from './rota';
export { coffeeStats } from './stats';
export type { CoffeeMember, CoffeeRound, CoffeeStats, RateCell } from './stats';
