import type { Rng } from '@tandem/core';
import type { NewPerson } from '@tandem/db';

/** Northwind Manufacturing's departments: who sits on which side, and how many people each has. */
export const DEPARTMENTS: { name: string; side: 'it' | 'business'; size: number; leaders: number }[] = [
  { name: 'Sales', side: 'business', size: 22, leaders: 3 },
  { name: 'Marketing', side: 'business', size: 12, leaders: 2 },
  { name: 'Finance', side: 'business', size: 12, leaders: 2 },
  { name: 'Operations', side: 'business', size: 20, leaders: 3 },
  { name: 'Supply Chain', side: 'business', size: 14, leaders: 2 },
  { name: 'Customer Service', side: 'business', size: 14, leaders: 2 },
  { name: 'Product', side: 'business', size: 8, leaders: 2 },
  { name: 'HR', side: 'business', size: 6, leaders: 1 },
  { name: 'Infrastructure', side: 'it', size: 10, leaders: 2 },
  { name: 'Applications', side: 'it', size: 14, leaders: 2 },
  { name: 'Data & Analytics', side: 'it', size: 8, leaders: 2 },
  { name: 'Security', side: 'it', size: 5, leaders: 1 },
  { name: 'Service Desk', side: 'it', size: 7, leaders: 1 },
];

const LOCATIONS = ['Seattle', 'Seattle', 'Chicago', 'Chicago', 'Monterrey', 'Rotterdam', 'Remote'];
const FIRST = ['Ava', 'Ben', 'Chloe', 'Diego', 'Elif', 'Farah', 'Gabriel', 'Hana', 'Ines', 'Jonas', 'Kai', 'Lena', 'Mateo', 'Nora', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tariq', 'Uma', 'Victor', 'Wen', 'Ximena', 'Yusuf', 'Zoe', 'Aiko', 'Bruno', 'Carmen', 'Dmitri', 'Esther', 'Felix', 'Grace', 'Hugo', 'Ivy', 'Jamal', 'Keiko', 'Liam', 'Maya', 'Nils'];
const LAST = ['Andersen', 'Baptiste', 'Chen', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Haddad', 'Ito', 'Jansen', 'Kowalski', 'Lopez', 'Moreau', 'Nakamura', 'Okafor', 'Patel', 'Quintero', 'Rossi', 'Schmidt', 'Tanaka', 'Ueda', 'Van Dijk', 'Walsh', 'Xu', 'Yilmaz', 'Zimmermann'];

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng.next() * xs.length)]!;

/** About 150 people across both sides and levels; deterministic for the seed. Managers are set afterwards. */
export function demoPeople(rng: Rng): (NewPerson & { department: string })[] {
  const out: (NewPerson & { department: string })[] = [];
  const used = new Set<string>();
  for (const d of DEPARTMENTS) {
    for (let i = 0; i < d.size; i++) {
      let first = pick(rng, FIRST);
      let last = pick(rng, LAST);
      let email = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '') + '@northwind.example';
      while (used.has(email)) {
        first = pick(rng, FIRST);
        last = pick(rng, LAST);
        email = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '') + '@northwind.example';
      }
      used.add(email);
      out.push({
        name: `${first} ${last}`,
        email,
        department: d.name,
        side: d.side,
        level: i < d.leaders ? 'leader' : 'employee',
        location: pick(rng, LOCATIONS),
        managerId: null,
      });
    }
  }
  return out;
}
