/** Lifecycle of an initiative or an enabler. Only open items (not done, not cancelled) are judged. */
export type StrategyStatus = 'proposed' | 'planned' | 'in_progress' | 'done' | 'cancelled';

/** Ansoff's growth quadrants (H. I. Ansoff, "Strategies for Diversification", HBR 1957). */
export type AnsoffQuadrant = 'market_penetration' | 'product_development' | 'market_development' | 'diversification';

/** The seed's delivery ladder: what the business can have now, next week, next month, next year. */
export type LadderRung = 'now' | 'next_week' | 'next_month' | 'next_year';

/** Where an initiative sits in time, derived from its dates (never typed in, so it never goes stale). */
export type Horizon = 'now' | 'next' | 'later' | 'unscheduled' | 'past';

/** Calendar dates are ISO `YYYY-MM-DD` strings; timestamps are ISO 8601 date-times. */
export type IsoDate = string;

export interface GoalInput {
  id: string;
  title: string;
  metric: string | null;
  baseline: number | null;
  target: number | null;
  unit: string | null;
  dueDate: IsoDate | null;
  ownerId: string | null;
}

export interface LadderRungInput {
  rung: LadderRung;
  deliverable: string;
  date: IsoDate | null;
  done: boolean;
}

export interface InitiativeInput {
  id: string;
  title: string;
  description: string;
  goalIds: readonly string[];
  ownerId: string | null;
  businessChampionId: string | null;
  itChampionId: string | null;
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  status: StrategyStatus;
  /** Planned effort in person-days; unestimated counts as 1 so that it still weighs something. */
  effort: number | null;
  /** When the business created it: the moment its dates were first on the table. ISO date or date-time. */
  createdAt: string;
  /** The date IT was first involved; null when IT has not been involved yet. */
  itInvolvedAt: IsoDate | null;
  ladder: readonly LadderRungInput[];
}

export interface EnablerInput {
  id: string;
  title: string;
  initiativeIds: readonly string[];
  ownerId: string | null;
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  status: StrategyStatus;
  effort: number | null;
}

export interface RoadmapInput {
  goals: readonly GoalInput[];
  initiatives: readonly InitiativeInput[];
  enablers: readonly EnablerInput[];
  /** Side of each person in the directory, so an IT owner counts as IT involvement. Optional. */
  personSide?: ReadonlyMap<string, 'it' | 'business'>;
}
