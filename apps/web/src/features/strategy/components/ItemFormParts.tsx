import { Button, Group, Stack } from '@mantine/core';
import type { TPerson } from '@tandem/contracts';
import { FormError } from '../../../components/FormError';
import { HistoryList } from './HistoryList';

/** The error summary and Cancel / Save buttons shared by the goal, initiative and enabler forms. */
export function FormActions({ error, fields, onCancel, pending, submitLabel, onDelete }: { error: unknown; fields: readonly string[]; onCancel: () => void; pending: boolean; submitLabel: string; onDelete?: () => void }) {
  return (
    <>
      <FormError error={error} fields={fields} />
      <Group justify="flex-end" mt="xs">
        {onDelete ? (
          <Button variant="subtle" color="red" mr="auto" onClick={onDelete}>
            Delete…
          </Button>
        ) : null}
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}

/** The change history below an existing item's form: slips are visible where they are fixed. */
export function ItemHistory({ type, id, people }: { type: 'goals' | 'initiatives' | 'enablers'; id: string; people: TPerson[] }) {
  return (
    <Stack mt="md">
      <HistoryList type={type} id={id} personName={(pid) => people.find((p) => p.id === pid)?.name ?? 'someone no longer listed'} />
    </Stack>
  );
}
