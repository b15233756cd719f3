import type { PersonRow } from '@tandem/db';
import type { TPerson } from '@tandem/contracts';

export function toPerson(r: PersonRow): TPerson {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    department: r.department,
    side: r.side,
    level: r.level,
    location: r.location,
    managerId: r.managerId,
    active: r.active,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
