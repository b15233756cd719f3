import { List, Text, Title } from '@mantine/core';
import type { THistoryEntry } from '@tandem/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useHistory, type HistoryItemType } from '../api/get-history';

const FIELD_LABEL: Record<string, string> = {
  startDate: 'Start date',
  endDate: 'End date',
  dueDate: 'Due date',
  status: 'Status',
  ownerId: 'Owner',
  businessChampionId: 'Business champion',
  itChampionId: 'IT champion',
  itInvolvedAt: 'IT first involved',
};

function describe(h: THistoryEntry, name: (id: string) => string): string {
  const field = FIELD_LABEL[h.field] ?? h.field.replace(/^ladder\.(\w+)\.date$/, (_m, r: string) => `Ladder ${r.replace('_', ' ')} date`);
  const value = (v: string | null) => (v === null ? 'none' : h.field.endsWith('Id') ? name(v) : v);
  const slip = h.slipDays ? ` (${h.slipDays > 0 ? `+${h.slipDays} days later` : `${-h.slipDays} days earlier`})` : '';
  return h.from === null ? `${field} set to ${value(h.to)}` : `${field}: ${value(h.from)} → ${value(h.to)}${slip}`;
}

/** Every change to dates, status and owners of an item: slips are data. */
export function HistoryList({ type, id, personName }: { type: HistoryItemType; id: string; personName: (id: string) => string }) {
  const history = useHistory(type, id);
  return (
    <section aria-labelledby={`history-${id}`}>
      <Title order={3} size="h5" id={`history-${id}`} mb={4}>
        History
      </Title>
      <ErrorAlert error={history.error} />
      {history.data?.items.length === 0 ? <Text size="sm">No changes yet.</Text> : null}
      <List size="sm" spacing={2} aria-label="Changes">
        {history.data?.items.map((h) => (
          <List.Item key={h.id}>
            {describe(h, personName)}{' '}
            <Text span size="xs" c="dimmed">
              {h.actorName ?? 'someone'}, {h.at.slice(0, 10)}
            </Text>
          </List.Item>
        ))}
      </List>
    </section>
  );
}
