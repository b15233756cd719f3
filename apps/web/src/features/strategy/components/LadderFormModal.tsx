import { useState } from 'react';
import { Modal, Stack, Text } from '@mantine/core';
import type { TInitiative } from '@tandem/contracts';
import { useSetLadder } from '../api/set-ladder';
import { LadderRungsForm } from './LadderRungsForm';

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
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        For every request, say what the business can have now, next week, next month and next year: a concrete deliverable with a date.
      </Text>
      <LadderRungsForm
        ladder={initiative.ladder}
        pending={save.isPending}
        error={save.error}
        onCancel={onCancel}
        onSave={(rungs) => save.mutate({ initiativeId: initiative.id, rungs }, { onSuccess: onSaved })}
      />
    </Stack>
  );
}
