import type { TProgramme } from '@tandem/contracts';
import type { CoffeeProgrammeRow } from '@tandem/db';

export function toProgramme(p: CoffeeProgrammeRow, participants: number): TProgramme {
  return {
    id: p.id,
    name: p.name,
    cadence: p.cadence,
    groupSize: p.groupSize,
    noRepeatRounds: p.noRepeatRounds,
    preferCrossSide: p.preferCrossSide,
    preferCrossDepartment: p.preferCrossDepartment,
    preferSameLocation: p.preferSameLocation,
    inPerson: p.inPerson,
    timeZone: p.timeZone,
    filter: { side: (p.filterSide as 'it' | 'business' | null) ?? null, department: p.filterDepartment, location: p.filterLocation },
    participants,
    createdAt: p.createdAt.toISOString(),
  };
}

/** Does a person fall inside a programme's filter (side, department, location)? */
export function inFilter(p: CoffeeProgrammeRow, person: { side: string; department: string; location: string }): boolean {
  return (!p.filterSide || p.filterSide === person.side) && (!p.filterDepartment || p.filterDepartment === person.department) && (!p.filterLocation || p.filterLocation === person.location);
}
