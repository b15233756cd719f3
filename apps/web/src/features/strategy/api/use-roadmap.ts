import { useMemo } from 'react';
import type { TEnabler, TGoal, TInitiative, TPerson } from '@tandem/contracts';
import { usePeopleForStrategy } from './get-people';
import { useRoadmapQuery } from './get-roadmap';

export interface Roadmap {
  goals: TGoal[];
  initiatives: TInitiative[];
  enablers: TEnabler[];
  people: TPerson[];
  goalById: Map<string, TGoal>;
  initiativeById: Map<string, TInitiative>;
  enablerById: Map<string, TEnabler>;
  personById: Map<string, TPerson>;
}

/** Goals, initiatives, enablers and people together, with lookups, as every strategy page needs them. */
export function useRoadmap() {
  const roadmap = useRoadmapQuery();
  const people = usePeopleForStrategy();
  const data = useMemo<Roadmap | undefined>(() => {
    if (!roadmap.data || !people.data) return undefined;
    const { goals, initiatives, enablers } = roadmap.data;
    return {
      goals,
      initiatives,
      enablers,
      people: people.data.people,
      goalById: new Map(goals.map((g) => [g.id, g])),
      initiativeById: new Map(initiatives.map((i) => [i.id, i])),
      enablerById: new Map(enablers.map((e) => [e.id, e])),
      personById: new Map(people.data.people.map((p) => [p.id, p])),
    };
  }, [roadmap.data, people.data]);
  const error = roadmap.error ?? people.error;
  return { data, error, isPending: !data && !error };
}
