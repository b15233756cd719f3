import { Badge } from '@mantine/core';
import type { TPulse } from '@tandem/contracts';

/** A pulse's status, on the list and on the pulse's page; its own file so that a pulse's page does not load the list page (and its new-pulse form). */
export function StatusBadge({ pulse }: { pulse: TPulse }) {
  const color = pulse.status === 'open' ? 'teal' : pulse.status === 'closed' ? 'gray' : 'blue';
  return (
    <Badge color={color} variant="light">
      {pulse.status}
      {pulse.published ? ' · published' : ''}
    </Badge>
  );
}
