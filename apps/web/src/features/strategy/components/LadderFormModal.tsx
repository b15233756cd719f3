import { useState } from 'react';
import { Button, Checkbox, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { TInitiative, TLadderRung } from '@tandem/contracts';
import { FormError } from '../../../components/FormError';
import { useSetLadder } from '../api/set-ladder';
import { RUNG_LABEL, RUNGS } from '../labels';

interface Props {
  initiative: TInitiative | null;
  onClose: () => void;
  onSaved: () => void;
}

/** The seed's plan for one initiative: what the business can have now, next week, next month, next year. */
export function LadderFormModal({ initiative, onClose, onSaved }: Props) {
  // The dialog keeps its name while it fades out, so it is never an unnamed dialog.
  const [lastTitle, setLastTitle] = useState('');
  if (initiative && initiative.title !== lastTitle) setLastTitle(initiative.title);
  return (
    <Modal opened={initiative !== null} onClose={onClose} title={`Delivery ladder: ${initiative?.title ?? lastTitle}`} size="xl">
      {initiative ? <LadderForm key={initiative.id} initiative={initiative} onCancel={onClose} onSaved={onSaved} /> : null}
    </Modal>
  );
}

function LadderForm({ initiative, onCancel, onSaved }: { initiative: TInitiative; onCancel: () => void; onSaved: () => void }) {
  const save = useSetLadder();
  const byRung = new Map(initiative.ladder.map((r) => [r.rung, r]));
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
        save.mutate({ initiativeId: initiative.id, rungs }, { onSuccess: onSaved });
      }}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          For every request, say what the business can have now, next week, next month and next year: a concrete deliverable with a date.
        </Text>
        {RUNGS.map((rung) => (
          <SimpleGrid key={rung} cols={{ base: 1, sm: 3 }} spacing="sm" style={{ alignItems: 'end' }}>
            <TextInput name={`${rung}.deliverable`} label={`${RUNG_LABEL[rung]}: deliverable`} defaultValue={byRung.get(rung)?.deliverable ?? ''} />
            <TextInput type="date" name={`${rung}.date`} label={`${RUNG_LABEL[rung]}: date`} defaultValue={byRung.get(rung)?.date ?? ''} />
            <Checkbox name={`${rung}.done`} label={`${RUNG_LABEL[rung]}: delivered`} defaultChecked={byRung.get(rung)?.done ?? false} mb={8} />
          </SimpleGrid>
        ))}
        <FormError error={save.error} fields={[]} />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save ladder
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
