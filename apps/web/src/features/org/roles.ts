import type { TRole } from '@tandem/contracts';

const RANK: Record<TRole, number> = { member: 1, leader: 2, admin: 3, owner: 4 };

/** Mirrors the server's rule to decide what to show; the server still decides what is allowed. */
export function hasRole(role: TRole | null | undefined, min: TRole): boolean {
  return role != null && RANK[role] >= RANK[min];
}

export const ROLE_LABEL: Record<TRole, string> = { owner: 'Owner', admin: 'Admin', leader: 'Leader', member: 'Member' };

/** Roles an invitation can carry: ownership is handed over, never sent by link. */
export const INVITABLE_ROLES = ['admin', 'leader', 'member'] as const;

export const ROLES: readonly TRole[] = ['owner', 'admin', 'leader', 'member'];
