import { Button, Checkbox, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { TLadderRung, TLadderRungItem, TPutLadderRequest } from '@tandem/contracts';
import { FormError } from '../../../components/FormError';
import { RUNG_LABEL, RUNGS } from '../labels';

interface Props {
  ladder: TLadderRungItem[];
  pending: boolean;
  error: unknown;
  onSave: (rungs: TPutLadderRequest['rungs']) => void;
  onCancel?: () => void;
}

/** The four rungs (now, next week, next month, next year) as one form: a deliverable, a date, delivered or not. Shared by initiatives and requests. */
export function LadderRungsForm({ ladder, pending, error, onSave, onCancel }: Props) {
  const byRung = new Map(ladder.map((r) => [r.rung, r]));
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const rungs = RUNGS.map((rung: TLadderRung) => ({
          rung,
          deliverable: String(data.get(`${rung}.deliverable`) ?? '').trim(),
          date: String(data.get(`${rung}.date`) ?? '') || null,
          done: data.get(`${rung}.done`) === 'on',
        })).filter((r) => r.deliverable !== '' || r.date !== null);
        onSave(rungs);
      }}
    >
      <Stack gap="sm">
        {RUNGS.map((rung) => (
          <SimpleGrid key={rung} cols={{ base: 1, sm: 3 }} spacing="sm" style={{ alignItems: 'end' }}>
            <TextInput name={`${rung}.deliverable`} label={`${RUNG_LABEL[rung]}: deliverable`} defaultValue={byRung.get(rung)?.deliverable ?? ''} />
            <TextInput type="date" name={`${rung}.date`} label={`${RUNG_LABEL[rung]}: date`} defaultValue={byRung.get(rung)?.date ?? ''} />
            <Checkbox name={`${rung}.done`} label={`${RUNG_LABEL[rung]}: delivered`} defaultChecked={byRung.get(rung)?.done ?? false} mb={8} />
          </SimpleGrid>
        ))}
        <FormError error={error} fields={[]} />
        <Group justify="flex-end" mt="xs">
          {onCancel ? (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          ) : null}
          <Button type="submit" loading={pending}>
            Save ladder
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
